/** Text that needs no Unicode normalisation: ASCII and the common CJK block. */
const PLAIN = /^[\u0020-\u007e\u4e00-\u9fff]*$/u;
const NOT_SEARCHABLE = /[^\p{L}\p{N}]+/gu;
/** The same for PLAIN text, where the letters and digits are exactly these (and much faster to find). */
const NOT_SEARCHABLE_PLAIN = /[^a-z0-9\u4e00-\u9fff]+/g;

/**
 * The form text is searched in: full-width letters and digits made ASCII (ＡＢ１２ → ab12),
 * lower case, and nothing but letters and digits – so 沪A·12345, 沪a 12345 and 沪Ａ12345 are one
 * plate, 021-6234 5678 one phone number.
 */
export function normaliseForSearch(text: string): string {
  if (PLAIN.test(text)) return text.toLowerCase().replace(NOT_SEARCHABLE_PLAIN, '');
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
