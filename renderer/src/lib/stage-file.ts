import { stagingRules, type StagedFileInfo, type StagingPurpose } from '../../../shared/contract';
import { blobChunks, stageInChunks, type StagingOptions } from '../../../shared/staging-upload';
import { call, desktopFileDialog } from './api';

/**
 * Stages a file the user chose in the page (`<input type=file>`, a drop) in chunks of 1 MiB,
 * with progress and cancel (abort the signal: what was sent is discarded). Returns the staged
 * file, whose id the consumer's channel takes.
 */
export function stageFile(file: File, purpose: StagingPurpose, options?: StagingOptions): Promise<StagedFileInfo> {
  return stageInChunks(blobChunks(file), purpose, call, options);
}

/** What `<input accept>` offers for a purpose ('' for any file). */
export function acceptFor(purpose: StagingPurpose): string {
  return stagingRules[purpose].extensions.map((extension) => `.${extension}`).join(',');
}

/** The browser's file chooser, from a temporary input; null if the user cancels. */
function chooseFile(purpose: StagingPurpose): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = acceptFor(purpose);
    input.hidden = true;
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

/**
 * "Choose a file for <purpose>" from a click: in the desktop app Electron's native dialog, whose
 * file main stages itself (progress is reported once, at the end); in a browser the page's own
 * file chooser and an upload. Null if the user cancels. Call it straight from the click handler:
 * browsers open a file chooser only in answer to one.
 */
export async function pickAndStageFile(purpose: StagingPurpose, options: StagingOptions = {}): Promise<StagedFileInfo | null> {
  const desktop = desktopFileDialog();
  if (desktop) {
    const staged = await desktop(purpose);
    if (staged) options.onProgress?.(staged.size, staged.size);
    return staged;
  }
  const file = await chooseFile(purpose);
  return file ? stageFile(file, purpose, options) : null;
}
