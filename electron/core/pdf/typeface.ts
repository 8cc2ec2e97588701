import { StandardFonts, type PDFDocument, type PDFFont } from 'pdf-lib';
import { advanceOf, settable, textRuns } from './char-setting';
import { embedFontNow, type FontFile, type FontWeight } from './fonts';

/** One embedded font of a document, by the name pages know it by. */
export interface Face {
  /** Its name in a page's font resources. */
  key: string;
  font: PDFFont;
}

export interface FaceRun {
  face: Face;
  text: string;
}

/**
 * The fonts a document's text is set in. Every character is encoded once per font (its glyph's
 * code, kept), so that setting a long register is joining codes, not laying out text again.
 */
export interface Typeface {
  /** The text as the typeface can set it (a character it cannot set is replaced). */
  settable(text: string): string;
  /** A text as set, in runs of one face each. */
  runs(text: string, weight: FontWeight): FaceRun[];
  /** The advance of one settable character at size 1. */
  advance(ch: string, weight: FontWeight): number;
  /** A run's text as the codes of its face's glyphs, in hex. */
  encode(run: FaceRun): string;
}

/** Glyph codes per character, as a face's embedder assigns them (a subset numbers glyphs as first used). */
class Codes {
  private readonly codes = new Map<string, string>();

  constructor(private readonly font: PDFFont) {}

  of(text: string): string {
    let hex = '';
    for (const ch of text) {
      let code = this.codes.get(ch);
      if (code === undefined) {
        code = this.font.encodeText(ch).asString();
        this.codes.set(ch, code);
      }
      hex += code;
    }
    return hex;
  }
}

abstract class CodedTypeface implements Typeface {
  private readonly codes = new Map<Face, Codes>();

  abstract settable(text: string): string;
  abstract runs(text: string, weight: FontWeight): FaceRun[];
  abstract advance(ch: string, weight: FontWeight): number;

  encode(run: FaceRun): string {
    let codes = this.codes.get(run.face);
    if (!codes) {
      codes = new Codes(run.face.font);
      this.codes.set(run.face, codes);
    }
    return codes.of(run.text);
  }
}

/**
 * The archive's typeface: Noto Sans SC, and for the characters it lacks the second font (see
 * fonts.ts). Each font is embedded when a text first uses it: a document without bold type or
 * without a rare character carries neither.
 */
class CjkTypeface extends CodedTypeface {
  private readonly faces = new Map<FontFile, Face>();

  constructor(private readonly doc: PDFDocument) {
    super();
  }

  private face(file: FontFile): Face {
    let face = this.faces.get(file);
    if (!face) {
      face = { key: `DD${file}`, font: embedFontNow(this.doc, file) };
      this.faces.set(file, face);
    }
    return face;
  }

  settable(text: string): string {
    return settable(text);
  }

  runs(text: string, weight: FontWeight): FaceRun[] {
    return textRuns(text).map((run) => ({ face: this.face(run.fallback ? 'fallback' : weight), text: run.text }));
  }

  advance(ch: string, weight: FontWeight): number {
    return advanceOf(ch, weight);
  }
}

/**
 * PDF's standard Helvetica, not embedded: for a text in Latin letters only – the benchmark sets
 * the same register in it to compare (TOOLCHAIN.md). What WinAnsi cannot encode becomes "?".
 */
class StandardTypeface extends CodedTypeface {
  private readonly faces: Record<FontWeight, Face>;
  private readonly encodable = new Map<string, boolean>();
  private readonly advances: Record<FontWeight, Map<string, number>> = { regular: new Map(), bold: new Map() };

  constructor(doc: PDFDocument) {
    super();
    this.faces = {
      regular: { key: 'DDhelvetica', font: doc.embedStandardFont(StandardFonts.Helvetica) },
      bold: { key: 'DDhelveticaBold', font: doc.embedStandardFont(StandardFonts.HelveticaBold) },
    };
  }

  private canEncode(ch: string): boolean {
    let can = this.encodable.get(ch);
    if (can === undefined) {
      try {
        this.faces.regular.font.encodeText(ch);
        can = ch >= ' ';
      } catch {
        can = false;
      }
      this.encodable.set(ch, can);
    }
    return can;
  }

  settable(text: string): string {
    let result = '';
    for (const ch of text) result += this.canEncode(ch) ? ch : '?';
    return result;
  }

  runs(text: string, weight: FontWeight): FaceRun[] {
    return [{ face: this.faces[weight], text: this.settable(text) }];
  }

  advance(ch: string, weight: FontWeight): number {
    const cache = this.advances[weight];
    let advance = cache.get(ch);
    if (advance === undefined) {
      advance = this.faces[weight].font.widthOfTextAtSize(ch, 1);
      cache.set(ch, advance);
    }
    return advance;
  }
}

export type TypefaceName = 'cjk' | 'standard';

export function createTypeface(doc: PDFDocument, name: TypefaceName): Typeface {
  return name === 'cjk' ? new CjkTypeface(doc) : new StandardTypeface(doc);
}
