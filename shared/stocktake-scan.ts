import { archiveNumberSchema } from './contract/dossier';
import { parseScanCode } from './scan-codes';

/**
 * The archive number a scanner gun typed: a label's QR payload (`DD:A:…`) or its Code 128 / a
 * typed number as it is. Null for another of the archive's codes (a scan cover sheet, a
 * separator) or text no archive number can be.
 */
export function scannedArchiveNumber(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.startsWith('DD:')) {
    const code = parseScanCode(trimmed);
    return code?.kind === 'archive' ? code.archiveNumber : null;
  }
  const parsed = archiveNumberSchema.safeParse(trimmed);
  return parsed.success ? parsed.data : null;
}
