import { describe, expect, it } from 'vitest';
import { normaliseForSearch } from './normalise';

/** The general rule the fast path for ASCII and common CJK text must agree with. */
const general = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

describe('normaliseForSearch', () => {
  it('treats every ASCII and common CJK character exactly as the general rule does', () => {
    const plain: string[] = [];
    for (let code = 0x20; code <= 0x7e; code += 1) plain.push(String.fromCharCode(code));
    for (let code = 0x4e00; code <= 0x9fff; code += 1) plain.push(String.fromCharCode(code));
    const differing = plain.filter((char) => normaliseForSearch(char) !== general(char));
    expect(differing).toEqual([]);
    const mixed = plain.join('');
    expect(normaliseForSearch(mixed)).toBe(general(mixed));
  });

  it('unifies full-width forms, case and punctuation', () => {
    expect(normaliseForSearch('沪Ａ·１２３45')).toBe('沪a12345');
    expect(normaliseForSearch('021-6234 5678')).toBe('02162345678');
    expect(normaliseForSearch('XC-2026-000001')).toBe('xc2026000001');
    expect(normaliseForSearch('𠀀字')).toBe('𠀀字');
  });
});
