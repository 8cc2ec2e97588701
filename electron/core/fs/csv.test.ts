import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV for Excel', () => {
  it('starts with a BOM, quotes what needs quoting, and defuses formulas', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(toCsv(['档号', '内容'], [['KH-2026-000001', '含,逗号'], ['=HYPERLINK("http://x")', '两行\n文字'], ['-1', '"引号"']]));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')).toEqual(['档号,内容', 'KH-2026-000001,"含,逗号"', `"'=HYPERLINK(""http://x"")","两行\n文字"`, `'-1,"""引号"""`, '']);
  });
});
