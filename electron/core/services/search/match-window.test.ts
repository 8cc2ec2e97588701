import { describe, expect, it } from 'vitest';
import { matchWindow, normalisedOrigins } from './match-window';

const highlighted = (value: string, stretch: { start: number; end: number } | undefined) => (stretch ? value.slice(stretch.start, stretch.end) : null);

describe('where a match stands in the stored value', () => {
  it('maps a match in the normalised form back over punctuation, spaces and full-width characters', () => {
    const value = '沪Ａ·１２ 345';
    const origins = normalisedOrigins(value);
    expect(origins?.normalised).toBe('沪a12345');
    const at = origins?.normalised.indexOf('a123') ?? -1;
    expect(highlighted(value, { start: origins?.from[at] ?? 0, end: origins?.to[at + 3] ?? 0 })).toBe('Ａ·１２ 3');
  });

  it('keeps a value that fits whole, and cuts a long one around the match, saying where it cut', () => {
    expect(matchWindow('沪A12345', [{ start: 1, end: 4 }], 30)).toEqual({ value: '沪A12345', highlights: [{ start: 1, end: 4 }], cutBefore: false, cutAfter: false });
    const title = '补充材料12（保险续保）关于客户张三名下车辆的维修记录与理赔往来函件汇编';
    const start = title.indexOf('理赔');
    const end = matchWindow(title, [{ start, end: start + 2 }], 30);
    expect(highlighted(end.value, end.highlights[0])).toBe('理赔');
    expect(end).toMatchObject({ cutBefore: true, cutAfter: false });
    expect(title.endsWith(end.value)).toBe(true);
    const middle = matchWindow(title, [{ start: title.indexOf('张三'), end: title.indexOf('张三') + 2 }], 30);
    expect(highlighted(middle.value, middle.highlights[0])).toBe('张三');
    expect(middle).toMatchObject({ cutBefore: true, cutAfter: true });
    const first = matchWindow(title, [{ start: 0, end: 4 }], 30);
    expect(first).toMatchObject({ cutBefore: false, cutAfter: true, highlights: [{ start: 0, end: 4 }] });
  });
});
