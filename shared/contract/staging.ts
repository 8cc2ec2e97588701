import { z } from 'zod';
import type { Message } from '../errors';
import type { Permission } from '../permissions';
import { bilingual } from '../validation';
import { query, returns } from './define';

/**
 * Files enter the core one way only: staged. A front door begins a staged file (name, size,
 * purpose), appends its bytes in chunks of at most STAGING_CHUNK_BYTES at their offsets, and
 * finishes it; from then on a consumer (an import, later a scan or a restore) refers to it by its
 * id. Paths never cross a front door into the core.
 */
export const stagingPurposes = ['import', 'scan', 'restore'] as const;
export type StagingPurpose = (typeof stagingPurposes)[number];

const MiB = 1024 * 1024;

/** The most bytes one `staging:append` carries. */
export const STAGING_CHUNK_BYTES = MiB;

export interface StagingRule {
  /** The largest file staged for this purpose. */
  maxBytes: number;
  /** Who may stage a file for it: whoever may use it. */
  access: Permission;
  /** What the file dialogs offer (without dots); empty: any file. */
  extensions: readonly string[];
  label: Message;
}

export const stagingRules: Record<StagingPurpose, StagingRule> = {
  // As large as any archive's sheet, small enough not to exhaust memory or disk by mistake.
  import: { maxBytes: 512 * MiB, access: 'dossier.create', extensions: ['csv', 'txt', 'xlsx'], label: { zh: '导入表格', en: 'Sheet to import' } },
  // A scanned document: a multi-page colour PDF or TIFF at 600 dpi stays well below this.
  scan: { maxBytes: 256 * MiB, access: 'dossier.edit', extensions: ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff', 'heic', 'heif', 'webp'], label: { zh: '扫描件', en: 'Scan' } },
  // A backup of a whole archive, scans included (electron/core/backup/backup-format.ts).
  restore: { maxBytes: 64 * 1024 * MiB, access: 'archive.backup', extensions: ['ddbackup'], label: { zh: '备份文件', en: 'Backup' } },
};

const largestFile = Math.max(...Object.values(stagingRules).map((rule) => rule.maxBytes));

const byteUnits = [
  ['GB', 1024 * MiB],
  ['MB', MiB],
  ['KB', 1024],
] as const;

/** "512 MB", "64 GB": a size as people read it (binary units, as Windows shows file sizes). */
export function formatByteLimit(bytes: number): string {
  const unit = byteUnits.find(([, size]) => bytes >= size);
  return unit ? `${Number((bytes / unit[1]).toFixed(1))} ${unit[0]}` : `${bytes} B`;
}

/** A finished staged file, as its consumers and the front doors see it. */
export interface StagedFileInfo {
  stagedFileId: string;
  name: string;
  size: number;
  /** SHA-256 of the file's bytes (hex). */
  sha256: string;
}

const stagedFileId = z.uuid();

/**
 * Public: on the first run a backup to restore is staged before anyone can sign in. Signed in, the
 * core checks the purpose's permission; without a session it stages nothing else (handlers/staging.ts).
 */
export const stagingContract = {
  /** Begins a staged file; its bytes follow with `staging:append`. The purpose decides who may and how large. */
  'staging:begin': query({
    access: 'public',
    input: z.strictObject({
      purpose: z.enum(stagingPurposes),
      /** The file's own name (for display and its format), never a path the core opens. */
      name: z.string().trim().min(1).max(255),
      size: z.number().int().min(0).max(largestFile),
    }),
    output: returns<{ stagedFileId: string }>(),
  }),
  /** The next chunk of a staged file, at the offset where the previous one ended. */
  'staging:append': query({
    access: 'public',
    input: z.strictObject({
      stagedFileId,
      offset: z.number().int().min(0).max(largestFile),
      bytes: z
        .instanceof(Uint8Array)
        .refine((bytes) => bytes.byteLength <= STAGING_CHUNK_BYTES, bilingual(`每块最多 ${formatByteLimit(STAGING_CHUNK_BYTES)}`, `A chunk holds at most ${formatByteLimit(STAGING_CHUNK_BYTES)}`)),
    }),
    output: returns<{ received: number }>(),
  }),
  /** Ends a staged file once all its declared bytes have arrived: its size and SHA-256. */
  'staging:finish': query({
    access: 'public',
    input: z.strictObject({ stagedFileId }),
    output: returns<StagedFileInfo>(),
  }),
  /** Forgets a staged file (a cancelled upload, or one its consumer no longer needs) and deletes it. */
  'staging:discard': query({
    access: 'public',
    input: z.strictObject({ stagedFileId }),
    output: returns<{ discarded: boolean }>(),
  }),
};

export { FILE_DIALOG_IPC, type FileDialogBinding } from './channel-names';
