import { describe, expect, it } from 'vitest';
import { inspectPdf } from '../../../tests/helpers/pdf';
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
});
