import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { heicPhoto } from '../../../../tests/helpers/heic-files';
import { fakeExe, refusalOf, sampleJpeg, samplePdf, samplePng, sampleTiff, truncated, withStartXref } from '../../../../tests/helpers/scan-files';
import { inspectScan } from '.';

describe('inspectScan: the type comes from the bytes, never the name', () => {
  it('knows each supported type with its pages and pixel size', async () => {
    expect(await inspectScan(sampleJpeg(), '扫描件.jpg')).toEqual({ mediaType: 'image/jpeg', pages: 1, width: 160, height: 226 });
    expect(await inspectScan(samplePng({ width: 40, height: 30 }), '照片.png')).toEqual({ mediaType: 'image/png', pages: 1, width: 40, height: 30 });
    expect(await inspectScan(sampleTiff(3, { width: 20, height: 28 }), '多页.tif')).toEqual({ mediaType: 'image/tiff', pages: 3, width: 20, height: 28 });
    expect(await inspectScan(await samplePdf(4), '合同.pdf')).toEqual({ mediaType: 'application/pdf', pages: 4 });
    expect(await inspectScan(heicPhoto(), 'IMG_2041.HEIC')).toEqual({ mediaType: 'image/heic', pages: 1, width: 320, height: 240 });
  });

  it('takes a JPEG named .pdf as the JPEG it is, and a PDF named .jpg as a PDF', async () => {
    expect(await inspectScan(sampleJpeg(), '合同.pdf')).toMatchObject({ mediaType: 'image/jpeg', pages: 1 });
    expect(await inspectScan(await samplePdf(2), 'IMG_0001.JPG')).toEqual({ mediaType: 'application/pdf', pages: 2 });
  });

  it('refuses a renamed program as a program, listing the supported types', async () => {
    const error = await refusalOf(inspectScan(fakeExe(), '发票扫描.jpg'));
    expect(error.code).toBe('VALIDATION');
    expect(error.messageZh).toBe('“发票扫描.jpg”不能作为扫描件保存：不是支持的扫描件类型（看起来是程序文件（Windows 可执行文件））；支持的类型：JPEG、PNG、TIFF、PDF、HEIC');
    expect(error.messageEn).toBe('"发票扫描.jpg" cannot be stored as a scan: it is not a supported scan type (it looks like a program (a Windows executable)); supported types: JPEG, PNG, TIFF, PDF, HEIC');
  });

  it('names other known files for what they are, and unknown bytes as not a scan type', async () => {
    const looksLike = async (bytes: Uint8Array) => (await refusalOf(inspectScan(bytes, 'x.pdf'))).messageEn;
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(40)]);
    expect(await looksLike(zip)).toContain('(it looks like a ZIP archive or an Office document)');
    expect(await looksLike(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]))).toContain('(it looks like a program)');
    expect(await looksLike(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toContain('(it looks like a GIF image)');
    expect(await looksLike(Buffer.from('客户姓名,电话\r\n张三,010-12345678\r\n', 'utf8'))).toContain('(it looks like a text file)');
    expect(await looksLike(Buffer.from('\0\0\0\x14ftypisom\0\0\x02\0mp41', 'latin1'))).toContain('(it looks like a video)');
    expect(await looksLike(deflateSync(Buffer.alloc(100, 7)))).toBe('"x.pdf" cannot be stored as a scan: it is not a supported scan type; supported types: JPEG, PNG, TIFF, PDF, HEIC');
  });

  it('refuses the first few bytes of any scan with a reason, never with another error', async () => {
    const scans = [sampleJpeg(), samplePng(), sampleTiff(1), sampleTiff(1, { bigTiff: true }), await samplePdf(1), heicPhoto()];
    for (const scan of scans) {
      for (let keep = 1; keep <= 16; keep += 1) {
        // A copy of its own: reading past the end of the bytes must not reach into a larger buffer behind them.
        expect((await refusalOf(inspectScan(truncated(scan, keep), 'kurz.bin'))).code).toBe('VALIDATION');
      }
    }
  });

  it('refuses an empty file as empty', async () => {
    const error = await refusalOf(inspectScan(new Uint8Array(), '空白.pdf'));
    expect(error.messageZh).toBe('“空白.pdf”不能作为扫描件保存：文件为空（0 字节）');
  });

  it('gives each kind of bad file its own message, and the reason alone as an issue keyed by the file name', async () => {
    const refusals = await Promise.all([
      refusalOf(inspectScan(truncated(sampleJpeg(), 1000), '截断.jpg')),
      refusalOf(inspectScan(withStartXref(await samplePdf(1), 999_999), '坏表.pdf')),
      refusalOf(inspectScan(fakeExe(), '程序.jpg')),
      refusalOf(inspectScan(new Uint8Array(), '空.png')),
    ]);
    const reasons = refusals.map((error) => error.issues?.[0]);
    expect(refusals.map((error) => error.code)).toEqual(['VALIDATION', 'VALIDATION', 'VALIDATION', 'VALIDATION']);
    expect(reasons.map((issue) => issue?.path)).toEqual(['截断.jpg', '坏表.pdf', '程序.jpg', '空.png']);
    expect(new Set(reasons.map((issue) => issue?.message)).size).toBe(4);
    expect(reasons[0]?.message).toBe('JPEG 文件不完整（可能在传输中被截断），请重新复制或重新扫描');
    expect(reasons[1]?.message).toMatch(/^PDF 文件的交叉引用表损坏/);
    refusals.forEach((error, i) => expect(error.messageZh).toBe(`“${reasons[i]?.path}”不能作为扫描件保存：${reasons[i]?.message}`));
  });
});
