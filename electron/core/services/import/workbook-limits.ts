import { formatByteLimit } from '../../../../shared/contract';
import { AppError, type Message } from '../../../../shared/errors';

const MiB = 1024 * 1024;

/**
 * How much of an .xlsx is read beside its cells and rows (those are sheet-limits'), checked as it
 * inflates and is read, so that no file – however small: a zip inflates a thousandfold – fills
 * the import's memory (the worker's heap is 256 MB, import-worker-host) or keeps it busy for ever.
 *
 * Measured on a real sheet of 200,000 vehicle customers (the bench's sample, 7 columns, every value
 * text as clerks' sheets hold them): 921,157 shared strings of 11.6 million characters (45 MB as
 * kept), a 32 MB shared strings part and a 63 MB worksheet. The limits give it more than twice
 * that room (the worksheet eight times) – a 200,000-row sheet of twice as many such columns still
 * fits – while the shared strings at the limits take at most 128 MB (32 bytes a string, 2 a
 * character; measured: 115 MB, and the import of such a file runs in the worker's heap). A larger
 * sheet can still be imported in parts, or as CSV, which is read as a stream.
 */
export const WORKBOOK_LIMITS = {
  /**
   * Parts (zip entries): Excel writes a few dozen, a picture adds one. The zip reader (JSZip) keeps
   * every entry of the directory it finds – about 600 bytes each – however many the file says it has.
   */
  parts: 10_000,
  /** Bytes a part read as a stream (the worksheet, the shared strings) inflates to: 512 MiB. */
  streamedPartBytes: 512 * MiB,
  /**
   * Bytes a part the reader keeps whole (the workbook, its relationships, the styles) inflates to:
   * Excel's own stay far below (a workbook holds at most 64,000 cell formats).
   */
  heldPartBytes: 32 * MiB,
  sharedStrings: 2_000_000,
  /** Characters (UTF-16 code units) of all shared strings together. */
  sharedStringChars: 32_000_000,
} as const;

const count = (n: number) => n.toLocaleString('en-US');

const SPLIT_IT: Message = { zh: '未导入任何数据。请分成几个文件导入，或另存为 CSV 后导入', en: 'nothing was imported. Import it in several files, or save it as CSV and import that' };

/** A part of the workbook (named in words and by its path) that inflates to more than it may. */
export function partTooLarge(part: Message, path: string, maxBytes: number): AppError {
  const limit = formatByteLimit(maxBytes);
  return new AppError('VALIDATION', {
    zh: `工作簿的${part.zh}（${path}）解压后超过 ${limit}；${SPLIT_IT.zh}`,
    en: `The workbook's ${part.en} (${path}) inflates to more than ${limit}; ${SPLIT_IT.en}`,
  });
}

export function tooManyParts(): AppError {
  const max = count(WORKBOOK_LIMITS.parts);
  return new AppError('VALIDATION', { zh: `工作簿由超过 ${max} 个部件组成；${SPLIT_IT.zh}`, en: `The workbook consists of more than ${max} parts; ${SPLIT_IT.en}` });
}

export function tooManySharedStrings(): AppError {
  const max = count(WORKBOOK_LIMITS.sharedStrings);
  return new AppError('VALIDATION', { zh: `工作簿的共享字符串超过 ${max} 条；${SPLIT_IT.zh}`, en: `The workbook's shared strings exceed ${max} strings; ${SPLIT_IT.en}` });
}

export function sharedStringsTooLong(): AppError {
  const max = count(WORKBOOK_LIMITS.sharedStringChars);
  return new AppError('VALIDATION', { zh: `工作簿的共享字符串超过 ${max} 字；${SPLIT_IT.zh}`, en: `The workbook's shared strings exceed ${max} characters; ${SPLIT_IT.en}` });
}
