/** Text that needs no Unicode normalisation: ASCII and the common CJK block. */
const PLAIN = /^[\u0020-\u007e\u4e00-\u9fff]*$/u;
/**
 * Text whose normalisation is simple: PLAIN, full-width ASCII forms (ＡＢ１２（）, which NFKC maps
 * one to one onto ASCII) and CJK punctuation and brackets (、。《》【】〜, never searchable) – the
 * characters of almost every document title and address.
 */
const SIMPLE = /^[\u0020-\u007e\u3000-\u3003\u3008-\u3011\u3014-\u301f\u4e00-\u9fff\uff01-\uff5e]*$/u;
const FULL_WIDTH_ASCII = /[\uff01-\uff5e]/g;
/** Letters, digits and symbols (emoji, ¥, ℃, +) are searched; spaces and punctuation are not – but % and _, which people look for. */
const NOT_SEARCHABLE = /[^\p{L}\p{N}\p{S}%_]+/gu;
/** The same for SIMPLE text once made ASCII, where the letters, digits and symbols are exactly these. */
const NOT_SEARCHABLE_SIMPLE = /[^a-z0-9\u4e00-\u9fff$%+<=>^_`|~]+/g;
/**
 * ASCII symbols are searched in their full-width forms: the index's tokenizer splits words at
 * ASCII punctuation (see db/repositories/search.ts), and the parts of a search text are marked by
 * ASCII punctuation (see PART_MARKS), which a term must never contain.
 */
const ASCII_SYMBOL = /[$%+<=>^_`|~]/g;

const halfWidth = (char: string) => String.fromCharCode(char.charCodeAt(0) - 0xfee0);
const fullWidth = (char: string) => String.fromCharCode(char.charCodeAt(0) + 0xfee0);

/**
 * The form text is searched in: full-width letters and digits made ASCII (ＡＢ１２ → ab12),
 * lower case, and nothing but letters, digits and symbols – so 沪A·12345, 沪a 12345 and 沪Ａ12345
 * are one plate, 021-6234 5678 one phone number, and 50% or 😀 are found as typed. Simple text
 * (nearly all) takes a fast path that a test proves equal to the general rule for every character.
 */
export function normaliseForSearch(text: string): string {
  if (PLAIN.test(text)) return text.toLowerCase().replace(NOT_SEARCHABLE_SIMPLE, '').replace(ASCII_SYMBOL, fullWidth);
  if (SIMPLE.test(text)) return text.replace(FULL_WIDTH_ASCII, halfWidth).toLowerCase().replace(NOT_SEARCHABLE_SIMPLE, '').replace(ASCII_SYMBOL, fullWidth);
  return text.normalize('NFKC').toLowerCase().replace(NOT_SEARCHABLE, '').replace(ASCII_SYMBOL, fullWidth);
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
