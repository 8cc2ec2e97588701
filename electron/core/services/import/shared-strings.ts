import { SaxesParser } from 'saxes';
import { sharedStringsTooLong, tooManySharedStrings, WORKBOOK_LIMITS } from './workbook-limits';

/** V8 copies a piece of a string shorter than this; a longer piece keeps the whole string it was cut from alive. */
const SHARED_PIECE_MIN = 13;

/** The string on its own: not a piece of the part's text, which would keep that alive. */
function ownCopy(text: string): string {
  return text.length < SHARED_PIECE_MIN ? text : Buffer.from(text, 'utf8').toString('utf8');
}

/**
 * The shared strings of a workbook (xl/sharedStrings.xml): the text of most cells, which refer to
 * them by number. Read as the part streams by (through XmlTextLimiter, which cuts each string just
 * past the cell limit), within the workbook's limits on their number and their characters – a
 * workbook of millions of strings, or a huge table no cell refers to, is refused while it is read –
 * and kept as plain strings of their own. (exceljs kept each string as its parser pieced it
 * together, a character at a time: up to 50 bytes a character.) A string's text is that of its
 * runs, without the phonetic guides (<rPh>) some sheets add.
 */
export class SharedStringsReader {
  private readonly strings: string[] = [];
  // Positions would only go into the cause of a damaged part's error.
  private readonly parser = new SaxesParser({ position: false });
  /** The text of the string being read, or null between strings. */
  private pieces: string[] | null = null;
  private inText = false;
  private inPhonetic = 0;
  private chars = 0;

  constructor() {
    this.parser.on('opentag', ({ name }) => this.opened(name));
    this.parser.on('closetag', ({ name }) => this.closed(name));
    this.parser.on('text', (text) => this.text(text));
    this.parser.on('cdata', (text) => this.text(text));
  }

  /** More of the part's XML; throws once the strings go beyond the limits, or the XML is not well formed. */
  push(xml: string): void {
    this.parser.write(xml);
  }

  /** The strings, by their number. */
  end(): string[] {
    this.parser.close();
    return this.strings;
  }

  private opened(name: string): void {
    if (name === 'si') {
      if (this.strings.length >= WORKBOOK_LIMITS.sharedStrings) throw tooManySharedStrings();
      this.pieces = [];
    } else if (name === 't') this.inText = true;
    else if (name === 'rPh') this.inPhonetic += 1;
  }

  private closed(name: string): void {
    if (name === 'si' && this.pieces) {
      this.strings.push(ownCopy(this.pieces.join('')));
      this.pieces = null;
    } else if (name === 't') this.inText = false;
    else if (name === 'rPh') this.inPhonetic -= 1;
  }

  private text(text: string): void {
    if (!this.pieces || !this.inText || this.inPhonetic > 0) return;
    this.chars += text.length;
    if (this.chars > WORKBOOK_LIMITS.sharedStringChars) throw sharedStringsTooLong();
    this.pieces.push(text);
  }
}
