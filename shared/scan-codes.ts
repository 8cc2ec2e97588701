import { archiveNumberSchema } from './contract/dossier';
import { checklistItemSchema } from './dossier-types';
import { AppError } from './errors';

/**
 * What the archive's QR codes say, so that whoever reads one – the scan inbox decoding a scanned
 * page, a hand scanner typing into a search box – knows what it names:
 * - `DD:A:<archive number>` on a label: the dossier;
 * - `DD:C:<archive number>[:<checklist item key>]` on a scan cover sheet: the pages after it belong
 *   to this dossier (and this checklist item);
 * - `DD:S` on a separator sheet: the pages after it start the next document.
 *
 * The archive number is written with every character other than letters, digits and `-._~/`
 * percent-encoded as UTF-8 (`:` as %3A, 苑 as %E8%8B%91): the payload stays plain ASCII, which
 * every scanner (also one that types what it reads as keystrokes) passes on unchanged, and a `:`
 * in a number never reads as a separator. A payload has exactly one spelling: anything else –
 * another prefix, lower-case hex, an escaped letter, a number the archive cannot hold – is not
 * one of ours.
 */
export type ScanCode = { kind: 'archive'; archiveNumber: string } | { kind: 'cover'; archiveNumber: string; checklistItemKey: string | null } | { kind: 'separator' };

const PREFIX = 'DD:';
const KIND_LETTER = { archive: 'A', cover: 'C', separator: 'S' } as const;
/** Kept as they are; everything else is percent-encoded. */
const PLAIN = /^[A-Za-z0-9\-._~/]$/;
const ENCODED_NUMBER = /^(?:[A-Za-z0-9\-._~/]|%[0-9A-F]{2})+$/;

function escapeNumber(archiveNumber: string): string {
  let escaped = '';
  for (const ch of archiveNumber) {
    if (PLAIN.test(ch)) escaped += ch;
    else for (const byte of new TextEncoder().encode(ch)) escaped += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return escaped;
}

const isArchiveNumber = (value: string): boolean => archiveNumberSchema.safeParse(value).data === value;
const isChecklistItemKey = (value: string): boolean => checklistItemSchema.shape.key.safeParse(value).success;

/** The payload of a code; an archive number or checklist item key the archive cannot hold is refused (VALIDATION). */
export function encodeScanCode(code: ScanCode): string {
  if (code.kind === 'separator') return `${PREFIX}${KIND_LETTER.separator}`;
  if (!isArchiveNumber(code.archiveNumber)) {
    throw new AppError('VALIDATION', { zh: `档号“${code.archiveNumber}”无效，无法生成二维码`, en: `"${code.archiveNumber}" is not a valid archive number; no QR code can be made for it` });
  }
  const number = escapeNumber(code.archiveNumber);
  if (code.kind === 'archive') return `${PREFIX}${KIND_LETTER.archive}:${number}`;
  if (code.checklistItemKey === null) return `${PREFIX}${KIND_LETTER.cover}:${number}`;
  if (!isChecklistItemKey(code.checklistItemKey)) {
    throw new AppError('VALIDATION', { zh: `清单项键名“${code.checklistItemKey}”无效`, en: `"${code.checklistItemKey}" is not a valid checklist item key` });
  }
  return `${PREFIX}${KIND_LETTER.cover}:${number}:${code.checklistItemKey}`;
}

function decodeNumber(encoded: string): string | null {
  if (!ENCODED_NUMBER.test(encoded)) return null;
  let number: string;
  try {
    number = decodeURIComponent(encoded);
  } catch {
    return null; // not UTF-8
  }
  return isArchiveNumber(number) && escapeNumber(number) === encoded ? number : null;
}

/** What a decoded barcode's text names, or null when it is not one of the archive's codes. */
export function parseScanCode(text: string): ScanCode | null {
  if (text === `${PREFIX}${KIND_LETTER.separator}`) return { kind: 'separator' };
  const [prefix, letter, encoded, key, ...rest] = text.split(':');
  if (`${prefix}:` !== PREFIX || encoded === undefined || rest.length > 0) return null;
  const archiveNumber = decodeNumber(encoded);
  if (archiveNumber === null) return null;
  if (letter === KIND_LETTER.archive && key === undefined) return { kind: 'archive', archiveNumber };
  if (letter !== KIND_LETTER.cover) return null;
  if (key === undefined) return { kind: 'cover', archiveNumber, checklistItemKey: null };
  return isChecklistItemKey(key) ? { kind: 'cover', archiveNumber, checklistItemKey: key } : null;
}
