import type { ImportEncoding } from '../../../../shared/contract';

/** A file's bytes from its start, each time it is called (a staged file can be read again). */
export type ByteSource = () => AsyncIterable<Uint8Array>;

/** Why the text ended before the file did. */
export type TextStop = 'bad-bytes' | 'long-line';

function isInvalidData(error: unknown): boolean {
  return error instanceof TypeError && (error as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA';
}

/**
 * The text of a file in its encoding, chunk by chunk – never a replacement character (U+FFFD)
 * for bytes that are not in it: the text stops before the first of them. It also stops once a
 * line grows longer than `maxLine` characters (no row of a sheet makes such a line; a flood of
 * commas would otherwise make a parser build millions of empty cells). Afterwards `stopped` says
 * why the text ended early, and what it ended with tells the CSV reader where.
 */
export class StrictText {
  stopped: TextStop | null = null;
  /** The text's last character ('' before any). */
  lastChar = '';
  private lineChars = 0;

  constructor(
    private readonly read: ByteSource,
    private readonly encoding: ImportEncoding,
    private readonly maxLine: number,
  ) {}

  async *chunks(): AsyncGenerator<string> {
    const decoder = this.decoder();
    let offset = 0;
    for await (const chunk of this.read()) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch (error) {
        if (!isInvalidData(error)) throw error;
        yield this.noted(await this.textBefore(offset, offset + chunk.length));
        this.stopped = 'bad-bytes';
        return;
      }
      if (text) yield this.noted(text);
      if (this.lineChars > this.maxLine) {
        this.stopped = 'long-line';
        return;
      }
      offset += chunk.length;
    }
    try {
      const rest = decoder.decode();
      if (rest) yield this.noted(rest);
    } catch (error) {
      // The file ends inside a character.
      if (!isInvalidData(error)) throw error;
      this.stopped = 'bad-bytes';
    }
  }

  private decoder() {
    return new TextDecoder(this.encoding, { fatal: true });
  }

  private noted(text: string): string {
    this.lastChar = text.charAt(text.length - 1) || this.lastChar;
    // A line ends at a line feed or, as old Mac files write them, a carriage return alone.
    const lineBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    this.lineChars = lineBreak === -1 ? this.lineChars + text.length : text.length - lineBreak - 1;
    return text;
  }

  /**
   * The text of the bytes from `from` up to the first bad ones, which lie before `to`. A decoder
   * that fails forgets what it held, so the bytes before `from` are decoded again (their text is
   * out already) and the rest fed one byte at a time: the byte it fails on is where they show.
   */
  private async textBefore(from: number, to: number): Promise<string> {
    const decoder = this.decoder();
    let text = '';
    let offset = 0;
    for await (const chunk of this.read()) {
      if (offset >= to) break;
      const before = Math.max(0, Math.min(chunk.length, from - offset));
      decoder.decode(chunk.subarray(0, before), { stream: true });
      for (let at = before; at < Math.min(chunk.length, to - offset); at += 1) {
        try {
          text += decoder.decode(chunk.subarray(at, at + 1), { stream: true });
        } catch (error) {
          if (!isInvalidData(error)) throw error;
          return text;
        }
      }
      offset += chunk.length;
    }
    return text;
  }
}
