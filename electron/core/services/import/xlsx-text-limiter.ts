import { AppError } from '../../../../shared/errors';
import { SHEET_LIMITS } from './sheet-limits';

/** The elements of a workbook part that hold one cell's text and one row's. */
export interface TextScopes {
  cell: string;
  row?: string;
}

/** No tag of a workbook comes near this; a longer one is damage. */
const TAG_MAX = 64 * 1024;
/** Longer than any character reference (`&#x10FFFF;`) or entity a workbook uses. */
const ENTITY_MAX = 16;
const AMPERSAND = 0x26;
const RETURN = 0x0d;
// eslint-disable-next-line no-control-regex -- everything beyond ASCII
const NON_ASCII = /[^\x00-\x7f]/;

export function xlsxDamaged(cause?: unknown): AppError {
  return new AppError(
    'VALIDATION',
    { zh: '这个 .xlsx 文件已损坏，或不是 Excel 工作簿：请在 Excel 中打开并另存为 .xlsx 后再导入', en: 'The .xlsx file is damaged or not an Excel workbook: open it in Excel, save it as .xlsx and import it again' },
    cause === undefined ? undefined : { cause },
  );
}

/**
 * One XML part of a workbook, chunk by chunk on its way to a reader (exceljs, or the shared
 * strings' own): the text of a cell, and of a row, is cut just past the sheet's limits, so the
 * reader never builds a longer string and the row's check still finds the cell too long and names
 * it; a tag longer than any workbook writes is damage. Text is counted as the reader will see it,
 * at most: a reference counts one, a carriage return (which XML folds into the line feed) none –
 * so a cell within the limits is never cut. Without scopes (the workbook, its styles) every run of
 * text counts as a cell.
 */
export class XmlTextLimiter {
  private carry = '';
  private cellChars = 0;
  private rowChars = 0;
  private readonly rowMax: number;

  constructor(private readonly scopes: TextScopes | null) {
    this.rowMax = scopes?.row ? SHEET_LIMITS.rowChars + 1 : Infinity;
  }

  push(chunk: string): string {
    const text = this.carry + chunk;
    this.carry = '';
    // The text goes out as it came, but for the runs cut short: only those cuts split it.
    const out: string[] = [];
    let copied = 0;
    let at = 0;
    for (;;) {
      const open = text.indexOf('<', at);
      const runEnd = open === -1 ? this.runEnd(text, at) : open;
      const kept = this.run(text, at, runEnd);
      if (kept < runEnd) {
        out.push(text.slice(copied, kept));
        copied = runEnd;
      }
      const close = open === -1 ? -1 : text.indexOf('>', open);
      if (close === -1 || close - open > TAG_MAX) {
        const held = open === -1 ? runEnd : open;
        if (text.length - held > TAG_MAX) throw xlsxDamaged();
        out.push(text.slice(copied, held));
        this.carry = text.slice(held);
        return out.join('');
      }
      this.opened(text, open);
      at = close + 1;
    }
  }

  /** What was held back must have been completed by the part's end. */
  end(): string {
    if (this.carry) throw xlsxDamaged();
    return '';
  }

  /**
   * A text run that goes on in the next chunk ends here: before a reference that is not complete
   * yet, or the first half of a surrogate pair.
   */
  private runEnd(text: string, from: number): number {
    const last = text.charCodeAt(text.length - 1);
    const end = last >= 0xd800 && last <= 0xdbff ? Math.max(from, text.length - 1) : text.length;
    const amp = text.lastIndexOf('&', end - 1);
    if (amp < from || text.indexOf(';', amp) !== -1) return end;
    if (end - amp > ENTITY_MAX) throw xlsxDamaged();
    return amp;
  }

  /** A tag at `open` begins a cell's or a row's text. */
  private opened(text: string, open: number): void {
    if (!this.scopes) this.cellChars = 0;
    else if (startsElement(text, open, this.scopes.cell)) this.cellChars = 0;
    else if (this.scopes.row && startsElement(text, open, this.scopes.row)) this.rowChars = this.cellChars = 0;
  }

  /**
   * Counts the text from `from` to `to` as the reader will see it – a reference as one character,
   * a carriage return (folded into the line feed) as none, so a cell within the limits is never
   * cut – and returns where it ends within the room its cell and row have left.
   */
  private run(text: string, from: number, to: number): number {
    const room = Math.min(SHEET_LIMITS.cellChars + 1 - this.cellChars, this.rowMax - this.rowChars);
    let counted = 0;
    let at = from;
    while (at < to) {
      if (counted >= room) {
        // Never between the halves of a surrogate pair.
        const code = text.charCodeAt(at);
        if (code >= 0xdc00 && code <= 0xdfff) at += 1;
        break;
      }
      const code = text.charCodeAt(at);
      if (code === AMPERSAND) {
        const semicolon = text.indexOf(';', at);
        at = semicolon === -1 || semicolon >= to ? at + 1 : semicolon + 1;
      } else at += 1;
      if (code !== RETURN) counted += 1;
    }
    this.cellChars += counted;
    this.rowChars += counted;
    return at;
  }
}

/** Whether the tag at `open` starts an element of this name (`<c>`, `<c r="A1">`, `<c/>`). */
function startsElement(text: string, open: number, name: string): boolean {
  if (!text.startsWith(name, open + 1)) return false;
  const next = text.charAt(open + 1 + name.length);
  return next === '>' || next === '/' || next === ' ' || next === '\t' || next === '\n' || next === '\r';
}

/**
 * The XML with every character beyond ASCII as a numeric character reference – for exceljs, which
 * decodes each chunk of a part on its own: a character split between two chunks would come out
 * as U+FFFD.
 */
export function asciiOnly(xml: string): string {
  if (!NON_ASCII.test(xml)) return xml;
  const out: string[] = [];
  let copied = 0;
  for (let at = 0; at < xml.length; at += 1) {
    if (xml.charCodeAt(at) < 0x80) continue;
    const point = xml.codePointAt(at) ?? 0;
    out.push(xml.slice(copied, at), `&#${point};`);
    if (point > 0xffff) at += 1;
    copied = at + 1;
  }
  out.push(xml.slice(copied));
  return out.join('');
}
