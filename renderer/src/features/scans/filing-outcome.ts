import type { ScanFiling } from '../../../../shared/contract';
import type { ErrorIssue } from '../../../../shared/errors';

/** What one filing did, counted for the message that follows it. */
export interface FilingCounts {
  files: number;
  pages: number;
  /** Files whose content was stored before: filed again, not stored twice. */
  duplicates: number;
}

export function filingCounts(filing: ScanFiling): FilingCounts {
  return {
    files: filing.files.length,
    pages: filing.files.reduce((sum, f) => sum + f.pages, 0),
    duplicates: filing.files.filter((f) => f.stored === 'duplicate').length,
  };
}

/** A file's own reason for refusal, in both languages (shown in the language of the moment). */
export interface FileReason {
  name: string;
  zh: string;
  en: string;
}

/** A batch that filed nothing: refused by the core (with each file's reason), or not even uploaded. */
export type Refusal = { files: FileReason[] } & ({ kind: 'refused'; zh: string; en: string } | { kind: 'upload'; total: number });

/** A refusal as the core gave it: its message in both languages and, for a batch, one issue per refused file. */
export interface RefusalSource {
  zh: string;
  en: string;
  issues: readonly ErrorIssue[];
}

/** scan:add's refusal: each refused file with its reason, or – a batch of one – the file's reason itself. */
export function refusalOf(source: RefusalSource): Refusal {
  return { kind: 'refused', zh: source.zh, en: source.en, files: source.issues.map((issue) => ({ name: issue.path, zh: issue.message, en: issue.messageEn })) };
}

/** Files whose upload failed: the batch is not filed, each says why. */
export function uploadRefusal(failures: readonly { name: string; reason: RefusalSource }[], total: number): Refusal {
  return { kind: 'upload', total, files: failures.map(({ name, reason }) => ({ name, zh: reason.zh, en: reason.en })) };
}
