import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { Font, Glyph } from 'fontkit';
import type { PDFDocument } from 'pdf-lib';
import { runtimePaths } from '../../../runtime/paths';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * The CJK font for PDFs and how pdf-lib reaches it.
 *
 * pdf-lib 1.17 with its bundled @pdf-lib/fontkit breaks CJK subsets (blank or missing glyphs that
 * only look right in viewers that substitute a system font). Upstream fontkit 2 subsets correctly;
 * this adapter gives pdf-lib the fontkit 1 surface it expects: `subset.encodeStream()` (fontkit 2
 * has `encode()`), and a layout that maps code points straight to glyphs – Chinese tables need no
 * shaping, and skipping it makes long registers several times faster.
 *
 * The font is Noto Sans SC (SIL OFL), full coverage rather than GB2312 only: names and addresses
 * contain characters beyond GB2312. Characters the font lacks are replaced by 〓 (the customary
 * mark for a character that cannot be set), never silently dropped.
 */
export type FontWeight = 'regular' | 'bold';

export const MISSING_GLYPH = '〓';

const fontBytes = new Map<FontWeight, Buffer>();

export function fontFile(weight: FontWeight): string {
  return runtimePaths().fonts[weight];
}

export function loadFontBytes(weight: FontWeight): Buffer {
  let bytes = fontBytes.get(weight);
  if (!bytes) {
    bytes = readFileSync(fontFile(weight));
    fontBytes.set(weight, bytes);
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
    const font = fontkit.create(Buffer.from(bytes)) as Font;
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

let coverage: Font | undefined;

/** The regular font as fontkit reads it: which characters it has, and their outlines. */
export function regularFont(): Font {
  coverage ??= fontkit.create(loadFontBytes('regular')) as Font;
  return coverage;
}

/** How each character is set, once looked up: a long register asks about the same few thousand. */
const setAs = new Map<string, string>();

/** The text as the font can set it: unknown characters become 〓, control characters spaces. */
export function settable(text: string): string {
  let result = '';
  let changed = false;
  for (const ch of text) {
    let set = setAs.get(ch);
    if (set === undefined) {
      const code = ch.codePointAt(0) ?? 0;
      set = code < 0x20 || code === 0x7f ? ' ' : regularFont().hasGlyphForCodePoint(code) ? ch : MISSING_GLYPH;
      setAs.set(ch, set);
    }
    changed ||= set !== ch;
    result += set;
  }
  return changed ? result : text;
}
