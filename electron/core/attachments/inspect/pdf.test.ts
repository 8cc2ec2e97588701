import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { qpdfRewrite, refusalReason, samplePdf, truncated, withObjectsMoved, withStartXref, withXrefEntry } from '../../../../tests/helpers/scan-files';
import { inspectScan } from '.';

const broken = (detail: string) => `the PDF file's cross-reference table is damaged (${detail}); re-save it in the program that made it, or scan it again, then upload it`;

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const fromLatin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const startXrefOf = (pdf: Uint8Array) => Number(/startxref\s+(\d+)/.exec(latin1(pdf).slice(latin1(pdf).lastIndexOf('startxref')))?.[1]);

/** A classic PDF whose trailer gains `entry` (the table before it stays where it is). */
const withTrailerEntry = (pdf: Uint8Array, entry: string) => fromLatin1(latin1(pdf).replace(/trailer\s*<</, (trailer) => `${trailer} ${entry}`));

describe('PDF structure', () => {
  it('counts the pages of PDFs with a classic table, an xref stream, PNG-predicted xref streams and a linearized file', async () => {
    const classic = await samplePdf(3, 'classic', { classicXref: true });
    const variants = {
      classic,
      xrefStream: await samplePdf(3),
      predicted: qpdfRewrite(classic, '--object-streams=generate'),
      linearized: qpdfRewrite(classic, '--linearize'),
      linearizedStreams: qpdfRewrite(classic, '--linearize', '--object-streams=generate'),
    };
    expect(latin1(variants.xrefStream)).toContain('/Type /XRef');
    expect(latin1(variants.predicted)).toMatch(/\/Predictor 12/);
    expect(latin1(variants.linearized)).toMatch(/\/Prev \d+/);
    for (const [name, pdf] of Object.entries(variants)) {
      expect(await inspectScan(pdf, `${name}.pdf`), name).toEqual({ mediaType: 'application/pdf', pages: 3 });
    }
  });

  it('accepts junk before the header, with offsets counted from the header as Acrobat does', async () => {
    const pdf = Buffer.concat([Buffer.from('Content-Type: application/pdf\r\n\r\n'), await samplePdf(1, undefined, { classicXref: true })]);
    expect(await inspectScan(pdf, 'mail.pdf')).toEqual({ mediaType: 'application/pdf', pages: 1 });
  });

  it('refuses a PDF whose startxref points past the end, or at no table', async () => {
    const pdf = await samplePdf(1);
    expect(await refusalReason(withStartXref(pdf, pdf.length + 100))).toBe(broken('startxref points past the end of the file'));
    expect(await refusalReason(withStartXref(pdf, 20))).toBe(broken('there is no cross-reference table where startxref points'));
  });

  it('refuses a classic table whose entry points at the wrong place', async () => {
    const pdf = await samplePdf(2, undefined, { classicXref: true });
    const objectFour = latin1(pdf).indexOf('\n4 0 obj') + 1;
    expect(await refusalReason(withXrefEntry(pdf, 3, objectFour))).toBe(broken('object 3 is not where the table says'));
  });

  it('refuses tables and xref streams whose objects have all moved', async () => {
    for (const pdf of [await samplePdf(2, undefined, { classicXref: true }), await samplePdf(2), qpdfRewrite(await samplePdf(2), '--object-streams=generate')]) {
      expect(await refusalReason(withObjectsMoved(pdf))).toMatch(/^the PDF file's cross-reference table is damaged \(object \d+ is not where the table says\)/);
    }
  });

  it('follows /Prev: refuses one that points at nothing, or back at itself', async () => {
    const pdf = await samplePdf(1, undefined, { classicXref: true });
    expect(await refusalReason(withTrailerEntry(pdf, '/Prev 30'))).toBe(broken('an earlier cross-reference section is not where the file says'));
    expect(await refusalReason(withTrailerEntry(pdf, `/Prev ${startXrefOf(pdf)}`))).toBe(broken('its cross-reference sections link back in a loop'));
  });

  it('refuses a PDF cut short anywhere before its end', async () => {
    const pdf = await samplePdf(2);
    const end = latin1(pdf).lastIndexOf('%%EOF') + 5;
    const reasons = new Set<string>();
    for (let keep = 8; keep < end; keep += 1) reasons.add(await refusalReason(truncated(pdf, keep)));
    expect([...reasons]).toEqual(['the PDF file is incomplete (it may have been cut short in transfer); copy or scan it again']);
  });

  it('refuses a PDF whose last update was cut short after the objects it adds', async () => {
    const pdf = await samplePdf(1, undefined, { classicXref: true });
    const update = Buffer.from('\n9 0 obj\n<< /Type /Annot /Subtype /Text /Contents (note) >>\nendobj\nxref\n0 1\n0000000000 65535 f\r\n');
    expect(await refusalReason(Buffer.concat([pdf, update]))).toBe('the PDF file is incomplete (it may have been cut short in transfer); copy or scan it again');
    expect(await refusalReason(Buffer.concat([pdf, Buffer.from('\r\n\0\0')]))).toBe('accepted');
  });

  it('refuses a password-protected PDF, with a classic table or an xref stream', async () => {
    const pdf = await samplePdf(1, undefined, { classicXref: true });
    for (const encrypted of [qpdfRewrite(pdf, '--encrypt', 'user', 'owner', '256', '--'), qpdfRewrite(pdf, '--object-streams=generate', '--encrypt', '', 'owner', '256', '--')]) {
      expect(await refusalReason(encrypted)).toBe('the PDF file is password-protected (encrypted) and cannot be filed; remove the password, then upload it');
    }
  });

  it('refuses a PDF without pages, and one whose page tree cannot be read', async () => {
    const empty = await (await PDFDocument.create()).save({ addDefaultPage: false });
    expect(await refusalReason(empty)).toBe('the PDF file has no pages');
    const pdf = await samplePdf(2, undefined, { classicXref: true });
    const noPageTree = fromLatin1(latin1(pdf).replace('/Type /Pages', '/Type /Pagez'));
    expect(await refusalReason(noPageTree)).toBe('the PDF file is damaged (its pages cannot be read); re-save it in the program that made it, or scan it again, then upload it');
  });

  it('looks for the header in the first 1024 bytes only', async () => {
    const late = Buffer.concat([Buffer.alloc(1100, 0x20), await samplePdf(1)]);
    expect(await refusalReason(late)).toMatch(/^it is not a supported scan type/);
  });
});
