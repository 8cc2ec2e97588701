import { describe, expect, it } from 'vitest';
import { TOKEN_MARKS } from '../../../../db/repositories/search';
import { normaliseForSearch } from './normalise';
import { PART_MARKS } from './search-entry';

/** The general rule the fast paths must agree with: letters, digits and symbols, ASCII ones full-width. */
const general = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{S}%_]+/gu, '')
    .replace(/[\u0021-\u007e]/g, (char) => (/[a-z0-9]/.test(char) ? char : String.fromCharCode(char.charCodeAt(0) + 0xfee0)));

function range(from: number, to: number): string[] {
  const chars: string[] = [];
  for (let code = from; code <= to; code += 1) chars.push(String.fromCharCode(code));
  return chars;
}

describe('normaliseForSearch', () => {
  it('treats every character of the basic plane exactly as the general rule does', () => {
    const everyChar = [...range(0x20, 0xd7ff), ...range(0xe000, 0xfffd)];
    expect(everyChar.filter((char) => normaliseForSearch(char) !== general(char))).toEqual([]);
  });

  it('treats mixed text of the fast paths exactly as the general rule does', () => {
    const simple = [...range(0x20, 0x7e), ...range(0x3000, 0x3004), ...range(0x3008, 0x301f), ...range(0x4e00, 0x9fff), ...range(0xff01, 0xff5e)];
    const plain = simple.filter((char) => char <= '\u007e' || (char >= '\u4e00' && char <= '\u9fff'));
    for (const chars of [plain, simple]) {
      const mixed = chars.join('');
      expect(normaliseForSearch(mixed)).toBe(general(mixed));
    }
  });

  it('unifies full-width forms, case and punctuation', () => {
    expect(normaliseForSearch('沪Ａ·１２３45')).toBe('沪a12345');
    expect(normaliseForSearch('补充材料12（回访记录）')).toBe('补充材料12回访记录');
    expect(normaliseForSearch('021-6234 5678')).toBe('02162345678');
    expect(normaliseForSearch('XC-2026-000001')).toBe('xc2026000001');
    expect(normaliseForSearch('𠀀字')).toBe('𠀀字');
  });

  it('keeps symbols – emoji, %, _ – so that a search for one finds what holds it', () => {
    expect(normaliseForSearch('利率 5% ')).toBe('利率5％');
    expect(normaliseForSearch('a_b')).toBe('a＿b');
    expect(normaliseForSearch('满意😀！')).toBe('满意😀');
    expect(normaliseForSearch('％')).toBe('％');
  });

  it('never keeps a character that marks the parts of a search text or the tokens of the index', () => {
    const marks = [...Object.values(PART_MARKS), ...Object.values(TOKEN_MARKS)];
    expect(marks.filter((mark) => normaliseForSearch(`a${mark}b`).includes(mark))).toEqual([]);
  });
});
