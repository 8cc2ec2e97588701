import { describe, expect, it } from 'vitest';
import { encodeScanCode, parseScanCode, type ScanCode } from './scan-codes';

const numbers = ['KH-2026-000001', 'A/B-12/zz-2026-0001', '翠苑-3-2-101', 'J001-WS·2026-Y-0001', 'KH:2026%01', 'x'.repeat(64)];

describe('the payloads of the archive QR codes', () => {
  it('writes labels, cover sheets and separators as DD:A, DD:C and DD:S', () => {
    expect(encodeScanCode({ kind: 'archive', archiveNumber: 'KH-2026-000001' })).toBe('DD:A:KH-2026-000001');
    expect(encodeScanCode({ kind: 'archive', archiveNumber: 'A/B-12/zz' })).toBe('DD:A:A/B-12/zz');
    expect(encodeScanCode({ kind: 'cover', archiveNumber: 'KH-2026-000001', checklistItemKey: null })).toBe('DD:C:KH-2026-000001');
    expect(encodeScanCode({ kind: 'cover', archiveNumber: 'KH-2026-000001', checklistItemKey: 'idCopy' })).toBe('DD:C:KH-2026-000001:idCopy');
    expect(encodeScanCode({ kind: 'separator' })).toBe('DD:S');
  });

  it('keeps the payload ASCII: Chinese, ":" and "%" in a number are percent-encoded as UTF-8', () => {
    expect(encodeScanCode({ kind: 'archive', archiveNumber: '翠苑-3' })).toBe('DD:A:%E7%BF%A0%E8%8B%91-3');
    expect(encodeScanCode({ kind: 'cover', archiveNumber: 'KH:1%', checklistItemKey: 'contract' })).toBe('DD:C:KH%3A1%25:contract');
  });

  it('reads back every code it writes', () => {
    const codes: ScanCode[] = [{ kind: 'separator' }];
    for (const archiveNumber of numbers) {
      codes.push({ kind: 'archive', archiveNumber }, { kind: 'cover', archiveNumber, checklistItemKey: null }, { kind: 'cover', archiveNumber, checklistItemKey: 'salesContract2' });
    }
    for (const code of codes) expect(parseScanCode(encodeScanCode(code))).toEqual(code);
  });

  it('refuses to write a code for a number or key the archive cannot hold', () => {
    for (const archiveNumber of ['', ' KH-1', 'x'.repeat(65)]) {
      expect(() => encodeScanCode({ kind: 'archive', archiveNumber })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    }
    for (const checklistItemKey of ['Id', 'id-copy', 'id:copy', '']) {
      expect(() => encodeScanCode({ kind: 'cover', archiveNumber: 'KH-1', checklistItemKey })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    }
  });

  it('reads anything else as no code of the archive', () => {
    const others = [
      '',
      'KH-2026-000001', // the bare number a Code 128 carries
      'DD',
      'DD:',
      'DD:S:',
      'DD:S:KH-1',
      'dd:A:KH-1',
      'DD:a:KH-1',
      'DD:X:KH-1',
      'DD:A:',
      'DD:A:KH-1:idCopy', // a label names no checklist item
      'DD:C:KH-1:',
      'DD:C:KH-1:Id', // not a key
      'DD:C:KH-1:idCopy:more',
      'DD:A:KH 1', // a space is written %20
      'DD:A:%e7%bf%a0', // lower-case hex
      'DD:A:%4B%48', // an escaped letter: KH has one spelling
      'DD:A:%E7%BF', // not UTF-8
      'DD:A:%ZZ',
      'DD:A:%20KH', // a number never starts with a space
      `DD:A:${'x'.repeat(65)}`,
      ' DD:A:KH-1',
      'DD:A:KH-1\n',
      'https://example.com/DD:A:KH-1',
    ];
    for (const text of others) expect(parseScanCode(text), text).toBeNull();
  });
});
