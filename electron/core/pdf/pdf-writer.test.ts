import { describe, expect, it } from 'vitest';
import { inspectPdf, redShare, renderPdfPage } from '../../../tests/helpers/pdf';
import { mayNotEndLine, mayNotStartLine } from './line-break';
import { PdfWriter, type PageFrame } from './pdf-writer';

const frame: PageFrame = { title: '排版测试', marking: null, notice: '内部资料，严禁外传', watermark: null };
const meta = { author: '测试', subject: '排版' };

/** Paragraphs in which a closing mark (or an opening one) recurs at every period: some land where a line breaks. */
function punctuatedParagraphs(): string[] {
  const closing = Array.from('，。、；：！？）》」』】”々');
  const opening = Array.from('（《「“【');
  const paragraphs: string[] = [];
  for (let period = 2; period <= 13; period += 1) {
    let text = '';
    for (let i = 0; text.length < 160; i += 1) text += '档案管理系统客户资料卷内文件'.slice(0, period - 1) + (closing[i % closing.length] ?? '');
    paragraphs.push(text);
    let open = '';
    for (let i = 0; open.length < 160; i += 1) open += '档案管理系统客户资料卷内文件'.slice(0, period - 1) + (opening[i % opening.length] ?? '');
    // A paragraph's own last character ends its last line: it closes what it opened.
    paragraphs.push(`${open}完`);
  }
  return paragraphs;
}

describe('the PDF writer', () => {
  it('breaks lines by the Chinese rules: no line of the printed page starts with ）；，。、 or ends with （', async () => {
    const writer = await PdfWriter.create(frame, meta);
    const paragraphs = punctuatedParagraphs();
    for (const paragraph of paragraphs) writer.paragraph(paragraph);
    // Narrow table cells too.
    writer.table(
      [
        { title: '序号', weight: 1 },
        { title: '内容', weight: 2 },
      ],
      paragraphs.map((paragraph, i) => [String(i + 1), paragraph]),
    );
    const pdf = inspectPdf(await writer.save());
    const lines = pdf.layout
      .split('\n')
      .flatMap((line) => line.split(/\s{2,}/))
      .map((line) => line.trim())
      .filter((line) => line !== '');
    expect(lines.length).toBeGreaterThan(100);
    const startsBadly = lines.filter((line) => mayNotStartLine(Array.from(line)[0] ?? ''));
    const endsBadly = lines.filter((line) => mayNotEndLine(Array.from(line).at(-1) ?? ''));
    expect(startsBadly).toEqual([]);
    expect(endsBadly).toEqual([]);
    // Nothing lost: every paragraph is there, character for character, in order.
    const text = pdf.text.replace(/\s/g, '');
    for (const paragraph of paragraphs) expect(text).toContain(paragraph);
  });

  it('draws the watermark visibly on every page, and extracting the text gives exactly what it gives without one', async () => {
    const write = async (watermark: string | null) => {
      const writer = await PdfWriter.create({ ...frame, marking: '机密' }, meta);
      writer.heading('档案信息');
      writer.keyValues([
        ['档号', 'KH-2026-000001'],
        ['案卷题名', '张三 沪A12345 新车档案'],
      ]);
      writer.table(
        [
          { title: '序号', weight: 1 },
          { title: '案卷题名', weight: 4 },
        ],
        Array.from({ length: 80 }, (_, i) => [String(i + 1), `李四 沪B${10000 + i} 售后档案`]),
      );
      writer.stamp({ marking: '机密', watermark });
      return writer.save();
    };
    const plain = await write(null);
    const stamped = await write('档案员小王（clerk） 销售部 2026-11-02 09:30');
    const [before, after] = [inspectPdf(plain), inspectPdf(stamped)];
    expect(after.pages).toBeGreaterThan(1);
    expect(after.text).toBe(before.text);
    expect(after.layout).toBe(before.layout);
    expect(after.text).not.toMatch(/档案员小王|clerk|销售部/);
    expect(after.info).toMatch(/Watermark:\s+档案员小王（clerk） 销售部 2026-11-02 09:30/);
    expect(after.check).toContain('No syntax or stream encoding errors');
    for (let page = 1; page <= after.pages; page += 1) {
      expect(redShare(renderPdfPage(stamped, page), { left: 0, top: 0.3, right: 1, bottom: 0.9 })).toBeGreaterThan(0.01);
      expect(redShare(renderPdfPage(plain, page), { left: 0, top: 0.3, right: 1, bottom: 0.9 })).toBe(0);
    }
  });

  it('numbers pages 第 N 页 共 M 页 and repeats a table’s header on each page', async () => {
    const writer = await PdfWriter.create({ ...frame, landscape: true }, meta);
    const table = writer.beginTable([
      { title: '序号', weight: 1 },
      { title: '案卷题名', weight: 6 },
    ]);
    for (let i = 1; i <= 120; i += 1) table.row([String(i), `第${i}份档案`]);
    const pdf = inspectPdf(await writer.save());
    const pages = pdf.text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      expect(page).toContain('序号 案卷题名');
      expect(page).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`);
    });
  });
});
