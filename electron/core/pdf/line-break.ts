/**
 * Line breaking for the PDFs, by the Chinese rules (避头尾, W3C clreq / GB/T 15834 practice, and
 * the Japanese kinsoku shori for kana): closing punctuation and brackets, full stops, commas, 、,
 * colons, semicolons, ! ?, closing quotes, 々, small kana and the like never start a line; opening
 * brackets and quotes never end one. A line that would break before such a character gives up
 * its last characters to the next line instead (push-out). Latin words and numbers (plates,
 * archive numbers) are kept whole where the line leaves room.
 */
const NO_LINE_START = new Set(
  Array.from(
    '!%),.:;?]}¢°’”‰′″℃' + // Latin and symbols that close or follow
      '、。〃〆〉》」』】〕〗〙〛〞〟' + // CJK closing marks and brackets
      '！％），．：；？］｝～｡｣､' + // full- and half-width forms
      '·・‧•…‥–—' + // interpuncts, ellipsis and dashes: never split from what they follow
      '々〻ゝゞヽヾーｰ' + // iteration marks, prolonged sound mark
      'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯ', // small kana
  ),
);

const NO_LINE_END = new Set(Array.from('([{‘“〈《「『【〔〖〘〚〝（［｛｢'));

export const mayNotStartLine = (ch: string): boolean => NO_LINE_START.has(ch);
export const mayNotEndLine = (ch: string): boolean => NO_LINE_END.has(ch);

/** Letters and digits of Latin text, and what joins them inside a word or number. */
const inWord = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9_.@#&'’]/.test(ch);

/** The punctuation rules allow a break between `chars[at - 1]` and `chars[at]`. */
function punctuationAllows(chars: readonly string[], at: number): boolean {
  const before = chars[at - 1];
  const after = chars[at];
  if (before === undefined || after === undefined) return true;
  return !mayNotStartLine(after) && !mayNotEndLine(before);
}

/** A break that keeps words whole: at a space, or beside a Chinese character. */
function goodBreak(chars: readonly string[], at: number): boolean {
  return punctuationAllows(chars, at) && !(inWord(chars[at - 1]) && inWord(chars[at]));
}

/**
 * Where the line that starts at `start`, and overflows before `end`, should end: the last good
 * break, else the last break the punctuation rules allow (inside a long word or number), else
 * at `end` – a line of nothing but closing marks cannot obey the rules.
 */
function breakPosition(chars: readonly string[], start: number, end: number): number {
  for (let at = end; at > start; at -= 1) if (goodBreak(chars, at)) return at;
  for (let at = end; at > start; at -= 1) if (punctuationAllows(chars, at)) return at;
  return end;
}

/**
 * Breaks text into lines no wider than `max` (each line holds at least one character). Line
 * breaks in the text start new paragraphs; spaces at a break are dropped.
 */
export function breakLines(text: string, widthOf: (ch: string) => number, max: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const chars = Array.from(paragraph);
    let start = 0;
    do {
      let width = 0;
      let end = start;
      while (end < chars.length) {
        const w = widthOf(chars[end] ?? '');
        if (end > start && width + w > max && chars[end] !== ' ') break;
        width += w;
        end += 1;
      }
      const at = end === chars.length ? end : breakPosition(chars, start, end);
      lines.push(chars.slice(start, at).join('').trimEnd());
      start = at;
      while (chars[start] === ' ') start += 1;
    } while (start < chars.length);
  }
  return lines;
}
