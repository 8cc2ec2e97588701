import { normaliseForSearch } from './normalise';

export interface Stretch {
  start: number;
  end: number;
}

/**
 * Where each character of a value's normalised form comes from in the value: normalising drops
 * punctuation and spaces and makes full-width letters ASCII (沪Ａ·１２ → 沪a12), so a match in the
 * normalised form is a stretch of the original. Null when the value does not normalise character
 * by character (combining marks that compose): its match is named without a highlight.
 */
export function normalisedOrigins(value: string): { normalised: string; from: number[]; to: number[] } | null {
  let normalised = '';
  const from: number[] = [];
  const to: number[] = [];
  let offset = 0;
  for (const char of value) {
    const piece = normaliseForSearch(char);
    normalised += piece;
    for (let i = 0; i < piece.length; i += 1) {
      from.push(offset);
      to.push(offset + char.length);
    }
    offset += char.length;
  }
  return normalised === normaliseForSearch(value) ? { normalised, from, to } : null;
}

/** Stretches in order, overlapping and touching ones joined. */
export function joinStretches(stretches: readonly Stretch[]): Stretch[] {
  const joined: Stretch[] = [];
  for (const s of [...stretches].sort((a, b) => a.start - b.start)) {
    const last = joined.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else joined.push({ ...s });
  }
  return joined;
}

/** Display width: a CJK or full-width character is as wide as two Latin ones. */
const widthOf = (char: string) => ((char.codePointAt(0) ?? 0) >= 0x1100 ? 2 : 1);

/** What the hit list's column holds, label and value: about this many Latin characters' width. */
export const MATCH_COLUMN_WIDTH = 38;

/** Room left for a value after its label (its colon and two … included). */
export const valueWidth = (label: string) => Math.max(12, MATCH_COLUMN_WIDTH - textWidth(label) - 4);

const textWidth = (text: string) => Array.from(text).reduce((sum, char) => sum + widthOf(char), 0);

/**
 * The part of a value the hit list shows: all of it when it fits, else a window of about
 * `width` that starts a little before the first highlight – so the match is always in view,
 * and what was cut is said (…), never hidden by the column's width.
 */
export function matchWindow(value: string, highlights: readonly Stretch[], width: number): { value: string; highlights: Stretch[]; cutBefore: boolean; cutAfter: boolean } {
  const chars = Array.from(value);
  if (textWidth(value) <= width) return { value, highlights: [...highlights], cutBefore: false, cutAfter: false };
  // Offsets of each character in UTF-16 units.
  const offsets: number[] = [];
  let offset = 0;
  for (const char of chars) {
    offsets.push(offset);
    offset += char.length;
  }
  const firstStart = highlights[0]?.start ?? 0;
  let first = Math.max(0, offsets.findIndex((o) => o >= firstStart));
  // A little context before the match: a quarter of the window.
  let before = 0;
  while (first > 0 && before + widthOf(chars[first - 1] ?? '') <= width / 4) {
    first -= 1;
    before += widthOf(chars[first] ?? '');
  }
  let last = first;
  let used = 0;
  while (last < chars.length && used + widthOf(chars[last] ?? '') <= width) {
    used += widthOf(chars[last] ?? '');
    last += 1;
  }
  // Near the end: the window takes in more of what precedes.
  while (first > 0 && used + widthOf(chars[first - 1] ?? '') <= width) {
    first -= 1;
    used += widthOf(chars[first] ?? '');
  }
  const start = offsets[first] ?? 0;
  const end = last < chars.length ? (offsets[last] ?? value.length) : value.length;
  const inside = highlights.filter((h) => h.end > start && h.start < end).map((h) => ({ start: Math.max(h.start, start) - start, end: Math.min(h.end, end) - start }));
  return { value: value.slice(start, end), highlights: inside, cutBefore: start > 0, cutAfter: end < value.length };
}
