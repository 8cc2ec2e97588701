import { TOKEN_MARKS } from '../../../../db/repositories/search';
import { characters, normaliseForSearch } from './normalise';
import { namePinyin } from './pinyin';

/**
 * What a part of a dossier is, for ranking a hit (see search-rank.ts): the archive number; a key
 * value found whole (plate, phone, VIN, ID number); a person's or company's name, which also
 * answers to its pinyin; another field (title, address, free text); a document title.
 */
export type PartKind = 'number' | 'key' | 'name' | 'field' | 'document';

/** One thing the search box finds a dossier by. */
export interface SearchPart {
  value: string;
  /** Where it comes from, for showing why a dossier was found (档号, 车牌号, 卷内文件 …). */
  label: string;
  kind: PartKind;
  /** Found by, but never shown (an ID number): the hit says where, not what. */
  sensitive?: boolean;
}

/** What the search index holds for one dossier (see db/schema/search.ts). */
export interface SearchEntry {
  /** The normalised parts, each marked with its kind (see searchText): hits are confirmed and ranked against it. */
  text: string;
  /** Its index tokens, space-separated (see tokensOfText). */
  tokens: string;
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
 * A part's tokens (see isIndexedGram), each after the mark, if any (see tokensOfText), and
 * followed by a space. Built by character codes: this runs for every row of an import. A token
 * repeated within a dossier costs FTS5 little, less than finding the repeats here.
 */
export function gramsOf(part: string, mark = ''): string {
  if (SURROGATE.test(part)) return gramsOfCharacters(Array.from(part), mark);
  let out = '';
  const n = part.length;
  for (let i = 0; i < n; i += 1) {
    const a = part.charCodeAt(i);
    const alnum = isAlnumCode(a);
    if (!alnum) out += `${mark}${part.charAt(i)} `;
    if (i + 1 === n) break;
    const b = part.charCodeAt(i + 1);
    if (!(isDigitCode(a) && isDigitCode(b))) out += `${mark}${part.slice(i, i + 2)} `;
    if (i + 2 < n && alnum && isAlnumCode(b) && isAlnumCode(part.charCodeAt(i + 2))) out += `${mark}${part.slice(i, i + 3)} `;
  }
  return out;
}

/** The same for text with characters beyond the BMP, each of which counts as one. */
function gramsOfCharacters(chars: readonly string[], mark: string): string {
  let out = '';
  for (let i = 0; i < chars.length; i += 1) {
    for (let length = 1; length <= 3 && i + length <= chars.length; length += 1) {
      const gram = chars.slice(i, i + length);
      if (isIndexedGram(gram)) out += `${mark}${gram.join('')} `;
    }
  }
  return out;
}

/**
 * How a part is marked in the search text, by its first character: ASCII punctuation, never part
 * of a normalised term (which holds ASCII symbols full-width), so `instr` cannot match across
 * parts. A reading is a name's pinyin in full or its initials.
 */
export const PART_MARKS = { number: '#', key: '!', name: '@', reading: '%', field: ':', document: '+' } as const;
export type MarkedKind = keyof typeof PART_MARKS;
const KIND_OF_MARK = new Map<string, MarkedKind>(Object.entries(PART_MARKS).map(([kind, mark]) => [mark, kind as MarkedKind]));

/** A marked part of a search text: its kind and its normalised value. */
export function readMarkedPart(piece: string): { kind: MarkedKind; value: string } | null {
  const kind = KIND_OF_MARK.get(piece.charAt(0));
  return kind ? { kind, value: piece.slice(1) } : null;
}

/** The normalised parts, each once and marked with its kind, separated by spaces. */
export function searchText(parts: readonly SearchPart[]): string {
  const marked: string[] = [];
  const add = (kind: MarkedKind, value: string) => {
    const piece = PART_MARKS[kind] + value;
    if (value && !marked.includes(piece)) marked.push(piece);
  };
  for (const part of parts) {
    add(part.kind, normaliseForSearch(part.value));
    if (part.kind === 'name') for (const reading of namePinyin(part.value)) add('reading', reading);
  }
  return marked.join(' ');
}

/** How many characters of a name or reading begin it as a token: a longer prefix is confirmed against the text. */
export const NAME_START_LENGTH = 3;

/**
 * Every character and pair of a name or reading and its runs of three letters or digits – the
 * lone letters and digit pairs too, which the other tokens leave out: names are short, and
 * "names holding 1" must not read every entry to find none.
 */
function nameGramsOf(value: string, mark: string): string {
  const chars = characters(value);
  let out = '';
  for (let i = 0; i < chars.length; i += 1) {
    out += `${mark}${chars[i] ?? ''} `;
    if (i + 1 < chars.length) out += `${mark}${chars[i] ?? ''}${chars[i + 1] ?? ''} `;
    const run = chars.slice(i, i + 3);
    if (run.length === 3 && isIndexedGram(run)) out += `${mark}${run.join('')} `;
  }
  return out;
}

function startsOf(value: string): string {
  const chars = characters(value);
  let out = '';
  for (let n = 1; n <= Math.min(NAME_START_LENGTH, chars.length); n += 1) out += `${TOKEN_MARKS.nameStart}${chars.slice(0, n).join('')} `;
  return out;
}

/**
 * The index tokens of a search text (see TOKEN_MARKS): the grams of names and other fields
 * unmarked, as every query finds them; names and readings whole, their beginnings and all their
 * grams, key values whole, and document titles' grams, each marked. A reading (pinyin) has no
 * unmarked grams: its name grams serve.
 */
export function tokensOfText(text: string): string {
  let tokens = '';
  for (const piece of text.split(' ')) {
    const part = readMarkedPart(piece);
    if (!part) continue;
    const { kind, value } = part;
    if (kind === 'document') {
      tokens += gramsOf(value, TOKEN_MARKS.document);
      continue;
    }
    // A reading's grams are its name grams alone (a tenth of all tokens fewer): only a term of
    // letters can be in a reading, and such a term is also looked up there (see the lookups).
    if (kind !== 'reading') tokens += gramsOf(value);
    if (kind === 'name' || kind === 'key') tokens += `${TOKEN_MARKS.exactValue}${value} `;
    if (kind === 'reading') tokens += `${TOKEN_MARKS.reading}${value} `;
    if (kind === 'name' || kind === 'reading') tokens += startsOf(value) + nameGramsOf(value, TOKEN_MARKS.name);
  }
  return tokens.trimEnd();
}

export function searchEntry(parts: readonly SearchPart[]): SearchEntry {
  const text = searchText(parts);
  return { text, tokens: tokensOfText(text) };
}
