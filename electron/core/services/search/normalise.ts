/** Text that needs no Unicode normalisation: ASCII and the common CJK block. */
const PLAIN = /^[\u0020-\u007e\u4e00-\u9fff]*$/u;
/**
 * Text whose normalisation is simple: PLAIN, full-width ASCII forms (ＡＢ１２（）, which NFKC maps
 * one to one onto ASCII) and CJK punctuation and brackets (、。《》【】〜, never searchable) – the
 * characters of almost every document title and address.
 */
const SIMPLE = /^[\u0020-\u007e\u3000-\u3004\u3008-\u301f\u4e00-\u9fff\uff01-\uff5e]*$/u;
const FULL_WIDTH_ASCII = /[\uff01-\uff5e]/g;
const NOT_SEARCHABLE = /[^\p{L}\p{N}]+/gu;
/** The same for SIMPLE text once made ASCII, where the letters and digits are exactly these. */
const NOT_SEARCHABLE_SIMPLE = /[^a-z0-9\u4e00-\u9fff]+/g;

const halfWidth = (char: string) => String.fromCharCode(char.charCodeAt(0) - 0xfee0);

/**
 * The form text is searched in: full-width letters and digits made ASCII (ＡＢ１２ → ab12),
 * lower case, and nothing but letters and digits – so 沪A·12345, 沪a 12345 and 沪Ａ12345 are one
 * plate, 021-6234 5678 one phone number. Simple text (nearly all) takes a fast path that a test
 * proves equal to the general rule for every character.
 */
export function normaliseForSearch(text: string): string {
  if (PLAIN.test(text)) return text.toLowerCase().replace(NOT_SEARCHABLE_SIMPLE, '');
  if (SIMPLE.test(text)) return text.replace(FULL_WIDTH_ASCII, halfWidth).toLowerCase().replace(NOT_SEARCHABLE_SIMPLE, '');
  return text.normalize('NFKC').toLowerCase().replace(NOT_SEARCHABLE, '');
}
/** The terms of a query: split at spaces and list punctuation, each normalised; all must match. */
export function searchTerms(query: string): string[] {
  const terms = query
    .split(/[\s,，;；、]+/u)
    .map(normaliseForSearch)
    .filter((term) => term.length > 0);
  return [...new Set(terms)];
}

/** Characters, not UTF-16 units: a rare character outside the BMP still counts as one. */
export function characters(text: string): string[] {
  return PLAIN.test(text) ? text.split('') : Array.from(text);
}
