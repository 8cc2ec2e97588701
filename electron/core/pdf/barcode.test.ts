import { describe, expect, it } from 'vitest';
import { decodePdfPage, drawnBarcodes, points } from '../../../tests/helpers/barcodes';
import { code128Symbol, qrSymbol } from './barcode';
import { FixedPageWriter, mm } from './fixed-page';

/** A page with the symbols at the given module sizes: a Code 128 lying, one turned, and a QR code. */
async function page(number: string, payload: string, level: 'M' | 'Q'): Promise<Uint8Array> {
  const writer = await FixedPageWriter.create({ title: 'barcodes', subject: 'test', author: 'test' });
  writer.newPage(mm(120), mm(120));
  const code = code128Symbol(number);
  if (!code) throw new Error('no Code 128');
  writer.barcode(code, { left: mm(5), top: mm(115), module: mm(0.3), height: mm(10) });
  writer.barcode(code, { left: mm(100), top: mm(100), module: mm(0.3), height: mm(10), turned: true });
  writer.barcode(qrSymbol(payload, level), { left: mm(5), top: mm(95), module: mm(0.6) });
  return writer.save();
}

describe('barcodes drawn as vector shapes', () => {
  it('keeps the quiet zones in the symbol: ten modules beside a Code 128, four around a QR code', () => {
    const code = code128Symbol('KH-2026-000001');
    expect(code).not.toBeNull();
    if (!code) return;
    const first = Math.min(...code.bars.map((bar) => bar.x));
    const last = Math.max(...code.bars.map((bar) => bar.x + bar.width));
    expect([first, code.columns - last]).toEqual([10, 10]);
    // Start, six symbols of 11 modules … stop of 13: a Code 128 is 11 modules a symbol and 2 more.
    expect((last - first - 2) % 11).toBe(0);

    const qr = qrSymbol('DD:A:KH-2026-000001', 'M');
    expect(Math.min(...qr.bars.map((bar) => bar.x))).toBe(4);
    expect(Math.min(...qr.bars.map((bar) => bar.y))).toBe(4);
    expect(qr.columns - Math.max(...qr.bars.map((bar) => bar.x + bar.width))).toBe(4);
    expect(qr.rows).toBe(qr.columns);
  });

  it('gives no Code 128 for what Code 128 cannot carry (Chinese, ·)', () => {
    expect(code128Symbol('翠苑-3-2-101')).toBeNull();
    expect(code128Symbol('J001-WS·2026')).toBeNull();
    expect(code128Symbol('')).toBeNull();
  });

  it('reads back from the printed page: Code 128 lying and turned, the QR code at its error-correction level, nothing mirrored', async () => {
    for (const level of ['M', 'Q'] as const) {
      const bytes = await page('KH-2026/000001', 'DD:C:KH-2026%3A1:idCopy', level);
      const found = await decodePdfPage(bytes);
      expect(found.map((code) => `${code.format} ${code.text}`).sort()).toEqual(['Code128 KH-2026/000001', 'Code128 KH-2026/000001', 'QRCode DD:C:KH-2026%3A1:idCopy']);
      expect(found.every((code) => !code.isMirrored)).toBe(true);
      expect(found.find((code) => code.format === 'QRCode')?.ecLevel).toBe(level);
    }
  });

  it('is drawn, not pictured: no image in the file, bars exactly the module asked for', async () => {
    const bytes = await page('KH-1', 'DD:S', 'Q');
    expect(Buffer.from(bytes).toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
    const drawn = await drawnBarcodes(bytes);
    expect(drawn.map((code) => code.kind).sort()).toEqual(['linear', 'linear', 'qr']);
    for (const code of drawn) expect(code.module).toBeCloseTo(points(code.kind === 'qr' ? 0.6 : 0.3), 2);
    // The turned Code 128 runs down the page: taller than wide.
    const turned = drawn.find((code) => code.kind === 'linear' && code.top - code.bottom > code.right - code.left);
    expect(turned).toBeDefined();
  });
});
