import type { Font } from 'fontkit';
import type { PDFDocument, PDFRef } from 'pdf-lib';
import { textRuns } from './char-setting';
import { fallbackFont, regularFont } from './fonts';

/**
 * Text drawn as the outlines of its glyphs: filled paths, no text operators. Used for the
 * watermark of classified exports, so that copying or extracting the page's text (pdftotext,
 * a viewer's select-all, a search index) gives the record alone, never the watermark mixed into
 * its lines. Marking the watermark as an /Artifact is not enough: poppler (22.12 here) extracts
 * artifact text like any other text, and so do text in form XObjects and invisible text.
 */
export interface Outline {
  /** PDF path operators at the origin, baseline at y = 0, filled with the non-zero rule. */
  path: string;
  width: number;
  ascent: number;
  descent: number;
}

const n = (value: number) => (Math.round(value * 100) / 100).toString();

/** Each character as set, with the font that sets it: the second one for those the main font lacks. */
function characters(text: string): { ch: string; font: Font }[] {
  return textRuns(text).flatMap((run) => Array.from(run.text, (ch) => ({ ch, font: run.fallback ? fallbackFont() : regularFont() })));
}

export function outlineText(text: string, size: number): Outline {
  const main = regularFont();
  const parts: string[] = [];
  let advance = 0;
  for (const { ch, font } of characters(text)) {
    const scale = size / font.unitsPerEm;
    const glyph = font.glyphForCodePoint(ch.codePointAt(0) ?? 0);
    const at = (x: number, y: number) => `${n(advance + x * scale)} ${n(y * scale)}`;
    let current: [number, number] = [0, 0];
    for (const { command, args } of glyph.path.commands) {
      const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = args;
      if (command === 'moveTo') {
        parts.push(`${at(a, b)} m`);
        current = [a, b];
      } else if (command === 'lineTo') {
        parts.push(`${at(a, b)} l`);
        current = [a, b];
      } else if (command === 'quadraticCurveTo') {
        // A quadratic Bézier (TrueType) as the cubic PDF draws: control points 2/3 towards (a, b).
        const [x0, y0] = current;
        parts.push(`${at(x0 + (2 / 3) * (a - x0), y0 + (2 / 3) * (b - y0))} ${at(c + (2 / 3) * (a - c), d + (2 / 3) * (b - d))} ${at(c, d)} c`);
        current = [c, d];
      } else if (command === 'bezierCurveTo') {
        parts.push(`${at(a, b)} ${at(c, d)} ${at(e, f)} c`);
        current = [e, f];
      } else {
        parts.push('h');
      }
    }
    advance += glyph.advanceWidth * scale;
  }
  const scale = size / main.unitsPerEm;
  return { path: `${parts.join('\n')}\nf`, width: advance, ascent: main.ascent * scale, descent: main.descent * scale };
}

/**
 * The outlined text as a form XObject in its own colour and opacity, to be placed on every page
 * (drawn once per document, referenced from each page).
 */
export function outlinedTextForm(doc: PDFDocument, text: string, options: { size: number; color: [number, number, number]; opacity: number }): { ref: PDFRef; width: number } {
  const outline = outlineText(text, options.size);
  const content = `q /Faint gs ${options.color.map(n).join(' ')} rg\n${outline.path}\nQ`;
  const form = doc.context.flateStream(content, {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, outline.descent, outline.width, outline.ascent],
    Resources: { ExtGState: { Faint: { Type: 'ExtGState', ca: options.opacity, CA: options.opacity } } },
  });
  return { ref: doc.context.register(form), width: outline.width };
}
