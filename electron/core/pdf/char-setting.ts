import { face, fallbackFont, regularFont, type FontWeight } from './fonts';

/**
 * How each character is set: in the main font (Noto Sans SC), character by character in the
 * second font (Hanazono Mincho B) when the main one lacks it – CJK Extension B and later, as in
 * names like 𠮷 – or, when neither has it, as 〓 (the customary mark for a character that cannot
 * be set), never silently dropped. The second font is read only when a text needs it, and each
 * character is looked up once: ordinary text costs a table lookup per character.
 */
export const MISSING_GLYPH = '〓';

/** A stretch of text set in one font: the main one, or the second for characters it lacks. */
export interface TextRun {
  text: string;
  fallback: boolean;
}

interface CharSetting {
  /** The character itself, 〓 when no font has it, a space for a control character. */
  as: string;
  fallback: boolean;
}

/** How each character is set, once looked up: a long register asks about the same few thousand. */
const settings = new Map<string, CharSetting>();
/** The same for ASCII, by code: most characters of a register's cells (numbers, dates, plates). */
const asciiSettings: (CharSetting | undefined)[] = [];

function settingOf(ch: string): CharSetting {
  const code = ch.charCodeAt(0);
  if (code < 0x80 && ch.length === 1) return (asciiSettings[code] ??= lookUp(ch));
  let setting = settings.get(ch);
  if (!setting) {
    setting = lookUp(ch);
    settings.set(ch, setting);
  }
  return setting;
}

function lookUp(ch: string): CharSetting {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return { as: ' ', fallback: false };
  if (regularFont().hasGlyphForCodePoint(code)) return { as: ch, fallback: false };
  // The second font is opened only here: texts the main font sets whole never read it.
  if (fallbackFont().hasGlyphForCodePoint(code)) return { as: ch, fallback: true };
  return { as: MISSING_GLYPH, fallback: false };
}

/** Advances at size 1 per weight, looked up once per character (ASCII by code, as above). */
const advances: Record<FontWeight, Map<string, number>> = { regular: new Map(), bold: new Map() };
const asciiAdvances: Record<FontWeight, (number | undefined)[]> = { regular: [], bold: [] };

function measure(ch: string, weight: FontWeight): number {
  const font = face(settingOf(ch).fallback ? 'fallback' : weight);
  return font.glyphForCodePoint(ch.codePointAt(0) ?? 0).advanceWidth / font.unitsPerEm;
}

/** The advance of one settable character at size 1, in the font that sets it. */
export function advanceOf(ch: string, weight: FontWeight): number {
  const code = ch.charCodeAt(0);
  if (code < 0x80 && ch.length === 1) return (asciiAdvances[weight][code] ??= measure(ch, weight));
  const cache = advances[weight];
  let advance = cache.get(ch);
  if (advance === undefined) {
    advance = measure(ch, weight);
    cache.set(ch, advance);
  }
  return advance;
}

/** The width of a text as set, at a size. */
export function textWidth(text: string, weight: FontWeight, size: number): number {
  let total = 0;
  for (const ch of settable(text)) total += advanceOf(ch, weight);
  return total * size;
}

/** The text as the fonts can set it, in runs of one font each (one run for ordinary text). */
export function textRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let current = '';
  let fallback = false;
  for (const ch of text) {
    const setting = settingOf(ch);
    if (setting.fallback !== fallback && current !== '') {
      runs.push({ text: current, fallback });
      current = '';
    }
    fallback = setting.fallback;
    current += setting.as;
  }
  if (current !== '') runs.push({ text: current, fallback });
  return runs;
}

/** The text as the fonts can set it: characters no font has become 〓, control characters spaces. */
export function settable(text: string): string {
  let result = '';
  for (const ch of text) result += settingOf(ch).as;
  return result;
}
