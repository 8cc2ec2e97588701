import { describe, expect, it } from 'vitest';
import { SharedStringsReader } from './shared-strings';
import { WORKBOOK_LIMITS } from './workbook-limits';

function read(xml: string, size = xml.length): string[] {
  const reader = new SharedStringsReader();
  for (let at = 0; at < xml.length; at += size) reader.push(xml.slice(at, at + size));
  return reader.end();
}

/** Feeds `<sst>`, then `block` until the reader refuses; how many blocks it took, or null if it never refused. */
function blocksUntilRefused(block: string, most: number): { blocks: number; error: unknown } | null {
  const reader = new SharedStringsReader();
  reader.push('<sst>');
  for (let blocks = 1; blocks <= most; blocks += 1) {
    try {
      reader.push(block);
    } catch (error) {
      return { blocks, error };
    }
  }
  return null;
}

describe('the shared strings of a workbook', () => {
  it('are the text of each string’s runs, whatever the chunks, without phonetic guides', () => {
    const xml = [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="7" uniqueCount="7">',
      '<si><t>客户名称</t></si>',
      '<si>\n  <t xml:space="preserve">欧阳 &amp; 明日 😀 &#x4E2D;&#25991;</t>\n</si>',
      '<si><r><t>富</t></r><r><rPr><b/><sz val="11"/></rPr><t>文本</t></r></si>',
      '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>',
      '<si><t/></si><si/>',
      '<si><t><![CDATA[<不是标签> & 原样]]></t></si>',
      '<si><t>第一行\r\n第二行</t></si>',
      '</sst>',
    ].join('');
    const strings = ['客户名称', '欧阳 & 明日 😀 中文', '富文本', '東京', '', '', '<不是标签> & 原样', '第一行\n第二行'];
    expect(read(xml)).toEqual(strings);
    for (const size of [1, 2, 3, 7, 64]) expect(read(xml, size), `chunks of ${size}`).toEqual(strings);
  });

  it(`refuses string ${(WORKBOOK_LIMITS.sharedStrings + 1).toLocaleString('en-US')} as it is read`, () => {
    const perBlock = 10_000;
    const refused = blocksUntilRefused('<si><t>a</t></si>'.repeat(perBlock), 1000);
    expect(refused?.error).toMatchObject({ code: 'VALIDATION', messageEn: expect.stringMatching(/^The workbook's shared strings exceed 2,000,000 strings; nothing was imported/) as string });
    expect(refused?.blocks).toBe(WORKBOOK_LIMITS.sharedStrings / perBlock + 1);
  });

  it(`refuses strings of more than ${WORKBOOK_LIMITS.sharedStringChars.toLocaleString('en-US')} characters in all as they are read`, () => {
    const refused = blocksUntilRefused(`<si><t>${'客'.repeat(32_000)}</t></si>`, 2000);
    expect(refused?.error).toMatchObject({ code: 'VALIDATION', messageZh: expect.stringMatching(/^工作簿的共享字符串超过 32,000,000 字；未导入任何数据/) as string });
    expect(refused?.blocks).toBe(WORKBOOK_LIMITS.sharedStringChars / 32_000 + 1);
  });

  it('takes XML that is not well formed for an error', () => {
    expect(() => read('<sst><si><t>a</si></sst>')).toThrow();
    expect(() => read('<sst><si><t>&bogus;</t></si></sst>')).toThrow();
    expect(() => read('<sst><si><t>a</t></si>')).toThrow();
  });
});
