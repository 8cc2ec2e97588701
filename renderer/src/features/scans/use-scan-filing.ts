import { useEffect, useRef, useState } from 'react';
import { MAX_SCANS_PER_FILING, type ScanFiling } from '../../../../shared/contract';
import { ApiError, call, errorText } from '../../lib/api';
import { stageFile } from '../../lib/stage-file';
import { refusalOf, uploadRefusal, type Refusal, type RefusalSource } from './filing-outcome';
import { targetInput, type FilingTarget } from './filing-target';

/** One file of the batch on its way in. */
export interface Upload {
  name: string;
  /** Bytes sent, 0–100. */
  percent: number;
  failed: boolean;
}

export interface ScanFilingState {
  uploads: Upload[];
  refusal: Refusal | null;
  /** Uploading the files, then filing them (no longer to be cancelled: the core is at work). */
  phase: 'idle' | 'uploading' | 'filing';
  /** Uploads the files (staged, in chunks) and files them all or none; true if they were filed. */
  file: (target: FilingTarget, files: readonly File[]) => Promise<boolean>;
  /** Stops the upload under way; what was sent is discarded. */
  cancel: () => void;
  dismiss: () => void;
}

/** Any failure, as a refusal to show in either language. */
const sourceOf = (error: unknown): RefusalSource => ({ zh: errorText(error, 'zh-CN'), en: errorText(error, 'en'), issues: error instanceof ApiError ? error.issues : [] });

const discard = (ids: readonly string[]) => Promise.all(ids.map((stagedFileId) => call('staging:discard', { stagedFileId }).catch(() => undefined)));

/**
 * Files a batch of scans onto one dossier: each file uploaded in turn with its progress, then
 * scan:add for all of them. A file that cannot be uploaded or is refused files none of the batch,
 * and what was uploaded is discarded. Leaving (another dossier, the drawer closed) stops the upload.
 */
export function useScanFiling(archiveNumber: string, onFiled: (filing: ScanFiling) => void): ScanFilingState {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [phase, setPhase] = useState<ScanFilingState['phase']>('idle');
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const progress = (index: number, change: Partial<Upload>) => setUploads((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const file = async (target: FilingTarget, files: readonly File[]) => {
    if (running.current || files.length === 0) return false;
    if (files.length > MAX_SCANS_PER_FILING) {
      setRefusal({ kind: 'refused', zh: `一次最多归档 ${MAX_SCANS_PER_FILING} 个文件（选择了 ${files.length} 个），请分批`, en: `At most ${MAX_SCANS_PER_FILING} files are filed at once (${files.length} were chosen); file them in batches`, files: [] });
      return false;
    }
    const controller = new AbortController();
    running.current = controller;
    setPhase('uploading');
    setRefusal(null);
    setUploads(files.map((f) => ({ name: f.name, percent: 0, failed: false })));
    const staged: string[] = [];
    const failures: { name: string; reason: RefusalSource }[] = [];
    try {
      for (const [index, chosen] of files.entries()) {
        try {
          const info = await stageFile(chosen, 'scan', { signal: controller.signal, onProgress: (sent, total) => progress(index, { percent: total > 0 ? Math.floor((sent / total) * 100) : 100 }) });
          staged.push(info.stagedFileId);
        } catch (error) {
          if (controller.signal.aborted) throw error;
          failures.push({ name: chosen.name, reason: sourceOf(error) });
          progress(index, { failed: true });
        }
      }
      if (failures.length > 0) {
        setRefusal(uploadRefusal(failures, files.length));
        await discard(staged);
        return false;
      }
      setPhase('filing');
      const filing = await call('scan:add', { archiveNumber, stagedFileIds: staged, ...targetInput(target) });
      if (controller.signal.aborted) return true;
      setUploads([]);
      onFiled(filing);
      return true;
    } catch (error) {
      await discard(staged);
      if (controller.signal.aborted) return false;
      // Every file arrived; the refusal names those at fault.
      setUploads([]);
      setRefusal(refusalOf(sourceOf(error)));
      return false;
    } finally {
      if (running.current === controller) running.current = null;
      if (!controller.signal.aborted) setPhase('idle');
    }
  };

  return {
    uploads,
    refusal,
    phase,
    file,
    cancel: () => {
      if (phase !== 'uploading') return;
      running.current?.abort();
      running.current = null;
      setPhase('idle');
      setUploads([]);
    },
    dismiss: () => {
      setRefusal(null);
      setUploads([]);
    },
  };
}
