import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { Font, Glyph } from 'fontkit';
import { CustomFontSubsetEmbedder, PDFFont, type PDFDocument } from 'pdf-lib';
import { runtimePaths } from '../../../runtime/paths';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * The CJK fonts for PDFs and how pdf-lib reaches them.
 *
 * pdf-lib 1.17 with its bundled @pdf-lib/fontkit breaks CJK subsets (blank or missing glyphs that
 * only look right in viewers that substitute a system font). Upstream fontkit 2 subsets correctly;
 * this adapter gives pdf-lib the fontkit 1 surface it expects: `subset.encodeStream()` (fontkit 2
 * has `encode()`), and a layout that maps code points straight to glyphs – Chinese tables need no
 * shaping, and skipping it makes long registers several times faster.
 *
 * The main font is Noto Sans SC (SIL OFL), full coverage rather than GB2312 only: names and
 * addresses contain characters beyond GB2312. Characters it lacks – CJK Extension B and later, as
 * in names like 𠮷 – are set in a second font, Hanazono Mincho B (OFL; resources/fonts): see
 * char-setting.ts.
 */
export type FontWeight = 'regular' | 'bold';
export type FontFile = FontWeight | 'fallback';

const fontBytes = new Map<FontFile, Buffer>();

export function fontFile(file: FontFile): string {
  return runtimePaths().fonts[file];
}

export function loadFontBytes(file: FontFile): Buffer {
  let bytes = fontBytes.get(file);
  if (!bytes) {
    bytes = readFileSync(fontFile(file));
    fontBytes.set(file, bytes);
  }
  return bytes;
}

interface SubsetLike {
  encode(): Uint8Array;
  encodeStream?: () => EventEmitter;
}

/** What pdf-lib's `registerFontkit` expects (its own fontkit 1 typings, hence the cast at the end). */
export const fontkitForPdfLib = {
  create(bytes: Uint8Array): Font {
    const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as Font;
    const createSubset = font.createSubset.bind(font);
    // Only the members pdf-lib calls are replaced; the rest is fontkit 2's font.
    const patched = font as unknown as { createSubset: () => SubsetLike; layout: (text: string) => { glyphs: Glyph[] } };
    patched.createSubset = () => {
      const subset = createSubset() as unknown as SubsetLike;
      subset.encodeStream = () => {
        const stream = new EventEmitter();
        queueMicrotask(() => {
          stream.emit('data', Buffer.from(subset.encode()));
          stream.emit('end');
        });
        return stream;
      };
      return subset;
    };
    patched.layout = (text: string) => ({ glyphs: Array.from(text, (ch) => font.glyphForCodePoint(ch.codePointAt(0) ?? 0)) });
    return font;
  },
} as unknown as Fontkit;

/**
 * A font embedded (as a subset) without waiting: pdf-lib's `embedFont` is asynchronous only because
 * fontkit 1 may load a font asynchronously, and the adapter above never does. The second font is
 * embedded this way when a row in the middle of a streamed table first needs it – a document that
 * never does carries no trace of it. What `embedFont` does, through the same (non-public) members.
 */
export function embedFontNow(doc: PDFDocument, file: FontFile): PDFFont {
  const bytes = loadFontBytes(file);
  const create = CustomFontSubsetEmbedder as unknown as new (font: Font, data: Uint8Array) => CustomFontSubsetEmbedder;
  const embedder = new create((fontkitForPdfLib as unknown as { create: (data: Uint8Array) => Font }).create(bytes), bytes);
  const font = PDFFont.of(doc.context.nextRef(), doc, embedder);
  (doc as unknown as { fonts: PDFFont[] }).fonts.push(font);
  return font;
}

const faces = new Map<FontFile, Font>();

/** A font as fontkit reads it: which characters it has, their advances and outlines. */
export function face(file: FontFile): Font {
  let font = faces.get(file);
  if (!font) {
    font = fontkit.create(loadFontBytes(file)) as Font;
    faces.set(file, font);
  }
  return font;
}

/** The regular font as fontkit reads it: which characters it has, and their outlines. */
export const regularFont = (): Font => face('regular');

/** The second font, for the characters the main one lacks. */
export const fallbackFont = (): Font => face('fallback');
