import type { ExportFile } from '../../../shared/contract';

/**
 * Hands an exported file to the user. The page never picks a path: the browser (or Electron's
 * download handler, which asks where to save) does.
 */
export function saveExport(file: ExportFile): void {
  const blob = new Blob([new Uint8Array(file.bytes)], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
