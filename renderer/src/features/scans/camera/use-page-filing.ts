import dayjs from 'dayjs';
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilingTarget } from '../filing-target';
import type { ScanFilingState } from '../use-scan-filing';
import type { CapturedPage } from './captured-pages';
import { encodePage } from './draw-page';

export interface PageFiling {
  /** Pages made into JPEGs so far, while that runs. */
  encoding: { done: number; total: number } | null;
  /** Encodes the pages and files them like chosen files; true once they are filed. */
  file: (pages: readonly CapturedPage[]) => Promise<boolean>;
}

/**
 * Files captured pages through the same path as files from the disk (staged upload, then
 * scan:add), so the core checks each JPEG like any scan.
 */
export function usePageFiling(target: FilingTarget, filing: ScanFilingState): PageFiling {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [encoding, setEncoding] = useState<PageFiling['encoding']>(null);
  const file = async (pages: readonly CapturedPage[]) => {
    if (pages.length === 0) {
      void message.warning(t('camera.nothingCaptured'));
      return false;
    }
    const stamp = dayjs().format('YYYYMMDD-HHmmss');
    const files: File[] = [];
    try {
      for (const [index, page] of pages.entries()) {
        setEncoding({ done: index, total: pages.length });
        files.push(await encodePage(page, `${t('camera.fileName', { stamp, n: index + 1 })}.jpg`));
      }
    } catch {
      void message.error(t('camera.encodeFailed'));
      return false;
    } finally {
      setEncoding(null);
    }
    return filing.file(target, files);
  };
  return { encoding, file };
}
