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
const isDigitCode = (c: number) => c >= 48 && c <= 57;
const isAlnumCode = (c: number) => isDigitCode(c) || (c >= 97 && c <= 122);
const isDigit = (char: string) => char.length === 1 && isDigitCode(char.charCodeAt(0));
const isAlnum = (char: string) => char.length === 1 && isAlnumCode(char.charCodeAt(0));

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

/**
 * A part's tokens (see isIndexedGram), each followed by a space. Built by character codes: this
 * runs for every row of an import. A token repeated within a dossier costs FTS5 little, less
 * than finding the repeats here.
 */
export function gramsOf(part: string): string {
  if (SURROGATE.test(part)) return gramsOfCharacters(Array.from(part));
  let out = '';
  const n = part.length;
  for (let i = 0; i < n; i += 1) {
    const a = part.charCodeAt(i);
    const alnum = isAlnumCode(a);
    if (!alnum) out += `${part.charAt(i)} `;
    if (i + 1 === n) break;
    const b = part.charCodeAt(i + 1);
    if (!(isDigitCode(a) && isDigitCode(b))) out += `${part.slice(i, i + 2)} `;
    if (i + 2 < n && alnum && isAlnumCode(b) && isAlnumCode(part.charCodeAt(i + 2))) out += `${part.slice(i, i + 3)} `;
  }
  return out;
}

/** The same for text with characters beyond the BMP, each of which counts as one. */
function gramsOfCharacters(chars: readonly string[]): string {
  let out = '';
  for (let i = 0; i < chars.length; i += 1) {
    for (let length = 1; length <= 3 && i + length <= chars.length; length += 1) {
      const gram = chars.slice(i, i + length);
      if (isIndexedGram(gram)) out += `${gram.join('')} `;
    }
  }
  return out;
}

/** The tokens of a search text (its parts are separated by spaces and hold none themselves). */
export function gramsOfText(text: string): string {
  let grams = '';
  for (const part of text.split(' ')) grams += gramsOf(part);
  return grams.trimEnd();
}

/**
 * The same, each token once: a name, a plate or the type's name stand in the title too, and an
 * archive number repeats 000. Worth it where another thread prepares the tokens (an import):
 * the thread that writes the index then tokenises an eighth less.
 */
export function uniqueGramsOfText(text: string): string {
  return [...new Set(gramsOfText(text).split(' '))].join(' ');
}

/** The normalised parts, each once, separated by spaces: what candidates are confirmed against. */
export function searchText(parts: readonly SearchPart[]): string {
  const normalised: string[] = [];
  for (const part of parts) {
    const value = normaliseForSearch(part.value);
    if (value && !normalised.includes(value)) normalised.push(value);
    if (part.isName) for (const reading of namePinyin(part.value)) if (!normalised.includes(reading)) normalised.push(reading);
  }
  return normalised.join(' ');
}

export function searchEntry(parts: readonly SearchPart[]): SearchEntry {
  const text = searchText(parts);
  return { text, grams: gramsOfText(text) };
}
