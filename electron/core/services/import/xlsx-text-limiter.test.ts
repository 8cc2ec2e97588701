import { describe, expect, it } from 'vitest';
import { asciiOnly, XmlTextLimiter, type TextScopes } from './xlsx-text-limiter';

/** The part as exceljs is given it: limited, then in ASCII. */
function limited(xml: string, scopes: TextScopes | null, size = 64 * 1024): string {
  const limiter = new XmlTextLimiter(scopes);
  let out = '';
  for (let at = 0; at < xml.length; at += size) out += asciiOnly(limiter.push(xml.slice(at, at + size)));
  return out + limiter.end();
}

/** The text a reader makes of the XML's character references (the ones the limiter writes). */
const references = (xml: string) => xml.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));

const SHARED = { cell: 'si' };
const WORKSHEET = { cell: 'c', row: 'row' };

describe('the text of a workbook part on its way to the reader', () => {
  it('comes out in ASCII, the same however the part is cut into chunks', () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<sst count="3"><si><t>客户名称</t></si><si><t xml:space="preserve">欧阳 &amp; 明日 😀</t></si><si><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></si></sst>';
    const whole = limited(xml, SHARED);
    expect(whole).toMatch(/^[\x20-\x7e\n]*$/);
    expect(references(whole)).toBe(xml);
    for (const size of [1, 2, 3, 7, 13]) expect(limited(xml, SHARED, size), `chunks of ${size}`).toBe(whole);
  });

  it('cuts a cell just past 32,767 characters, never inside a reference or a character', () => {
    const sharedString = (text: string) => `<sst><si><t>${text}</t></si><si><t>next</t></si></sst>`;
    const over = limited(sharedString(`${'x'.repeat(32_766)}&amp;&amp;&amp;`), SHARED);
    expect(over).toBe(sharedString(`${'x'.repeat(32_766)}&amp;&amp;`));
    const emoji = limited(sharedString(`${'x'.repeat(32_767)}😀😀`), SHARED, 1000);
    expect(references(emoji)).toBe(sharedString(`${'x'.repeat(32_767)}😀`));
    // Within the limit, however long its XML, a cell is never cut.
    const full = sharedString(`${'&lt;'.repeat(32_767)}`);
    expect(limited(full, SHARED, 999)).toBe(full);
    // The runs of one rich-text cell count together; the next cell starts afresh.
    const rich = `<sst><si><r><t>${'a'.repeat(20_000)}</t></r><r><t>${'b'.repeat(20_000)}</t></r></si><si><t>${'c'.repeat(30_000)}</t></si></sst>`;
    expect(limited(rich, SHARED)).toBe(`<sst><si><r><t>${'a'.repeat(20_000)}</t></r><r><t>${'b'.repeat(12_768)}</t></r></si><si><t>${'c'.repeat(30_000)}</t></si></sst>`);
  });

  it('cuts a row just past 262,144 characters and starts the next afresh', () => {
    const cell = (text: string) => `<c t="inlineStr"><is><t>${text}</t></is></c>`;
    const row = (cells: string[]) => `<row>${cells.map(cell).join('')}</row>`;
    const xml = `<worksheet><sheetData>${row(Array.from({ length: 9 }, () => 'y'.repeat(30_000)))}${row(['z'])}</sheetData></worksheet>`;
    const out = limited(xml, WORKSHEET);
    const kept = [...Array.from({ length: 8 }, () => 'y'.repeat(30_000)), 'y'.repeat(262_145 - 240_000)];
    expect(out).toBe(`<worksheet><sheetData>${row(kept)}${row(['z'])}</sheetData></worksheet>`);
  });

  it('takes a tag longer than any workbook holds, or a part cut off inside one, for damage', () => {
    expect(() => limited(`<sst><si a="${'x'.repeat(70_000)}"/></sst>`, SHARED)).toThrow(/damaged/);
    expect(() => limited('<sst><si><t>abc</t></si><s', SHARED)).toThrow(/damaged/);
  });
});
