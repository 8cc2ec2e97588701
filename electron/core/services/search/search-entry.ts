import { normaliseForSearch } from './normalise';
import { namePinyin } from './pinyin';

/** One thing the search box finds a dossier by. Names also answer to their pinyin. */
export interface SearchPart {
  value: string;
  /** Where it comes from, for showing why a dossier was found (档号, 车牌号, 卷内文件 …). */
  label: string;
  isName?: boolean;
  /** Found by, but never shown (an ID number): the hit says where, not what. */
  sensitive?: boolean;
}

/** What the search index holds for one dossier (see db/schema/search.ts). */
export interface SearchEntry {
  /** Normalised parts separated by spaces: candidates are confirmed against it. */
  text: string;
  /** The tokens of each part (see addGrams), space-separated. */
  grams: string;
}

const SURROGATE = /[\ud800-\udfff]/;

const ALNUM3 = /^[a-z0-9]{3}$/;

/**
 * Appends a part's tokens: every character, every neighbouring pair, and every run of three
 * letters or digits. Chinese text is found by its pairs (they are rare enough); digits and
 * letters need threes to tell 13812345678 from the other phone numbers (a character beyond the
 * BMP counts as one).
 */
export function addGrams(part: string, out: string[]): void {
  const chars = SURROGATE.test(part) ? Array.from(part) : null;
  const length = chars ? chars.length : part.length;
  for (let i = 0; i < length; i += 1) {
    const char = chars ? (chars[i] as string) : part.charAt(i);
    out.push(char);
    if (i + 1 < length) out.push(chars ? char + (chars[i + 1] as string) : part.slice(i, i + 2));
    if (i + 2 < length) {
      const three = chars ? char + (chars[i + 1] as string) + (chars[i + 2] as string) : part.slice(i, i + 3);
      if (ALNUM3.test(three)) out.push(three);
    }
  }
}

export function searchEntry(parts: readonly SearchPart[]): SearchEntry {
  const normalised: string[] = [];
  for (const part of parts) {
    const value = normaliseForSearch(part.value);
    if (value && !normalised.includes(value)) normalised.push(value);
    if (part.isName) for (const reading of namePinyin(part.value)) if (!normalised.includes(reading)) normalised.push(reading);
  }
  // Repeated grams cost the index nothing (it records each dossier once per token).
  const grams: string[] = [];
  for (const part of normalised) addGrams(part, grams);
  return { text: normalised.join(' '), grams: grams.join(' ') };
}
