import { characters, normaliseForSearch } from './normalise';
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

const isDigit = (char: string) => char >= '0' && char <= '9';
const isAlnum = (char: string) => isDigit(char) || (char >= 'a' && char <= 'z');

/**
 * Whether the index holds a token: every character and pair, and runs of three letters or
 * digits – except a single letter or digit and a pair of digits. Each of those is in nearly
 * every dossier, so it would make the index far bigger (and an import far slower) while a query
 * made of one still finds its first page at once by reading the entries newest first.
 */
export function isIndexedGram(chars: readonly string[]): boolean {
  const [a = '', b = '', c] = chars;
  if (chars.length === 1) return !isAlnum(a);
  if (chars.length === 2) return !(isDigit(a) && isDigit(b));
  return chars.length === 3 && c !== undefined && isAlnum(a) && isAlnum(b) && isAlnum(c);
}

/** Adds a part's tokens (see isIndexedGram); a character beyond the BMP counts as one. */
export function addGrams(part: string, out: Set<string>): void {
  const chars = characters(part);
  const length = chars.length;
  for (let i = 0; i < length; i += 1) {
    const a = chars[i] as string;
    if (!isAlnum(a)) out.add(a);
    if (i + 1 === length) break;
    const b = chars[i + 1] as string;
    if (!(isDigit(a) && isDigit(b))) out.add(a + b);
    const c = chars[i + 2];
    if (c !== undefined && isAlnum(a) && isAlnum(b) && isAlnum(c)) out.add(a + b + c);
  }
}

export function searchEntry(parts: readonly SearchPart[]): SearchEntry {
  const normalised: string[] = [];
  for (const part of parts) {
    const value = normaliseForSearch(part.value);
    if (value && !normalised.includes(value)) normalised.push(value);
    if (part.isName) for (const reading of namePinyin(part.value)) if (!normalised.includes(reading)) normalised.push(reading);
  }
  // Each token once: FTS5 would record it once per dossier anyway, but tokenise every copy.
  const grams = new Set<string>();
  for (const part of normalised) addGrams(part, grams);
  return { text: normalised.join(' '), grams: [...grams].join(' ') };
}
