import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { BAD_GB18030, gb18030Bytes } from '../../../../tests/helpers/gb18030';
import { csvRows } from './read-csv';

/** The bytes in pieces of `size` (1: every boundary a character could be split at). */
function pieces(bytes: Uint8Array, size: number): () => AsyncIterable<Uint8Array> {
  return async function* () {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
    await Promise.resolve();
  };
}

/** `head`, then `piece` up to `times` times as long as they are asked for; `given` counts the pieces. */
function repeated(head: string, piece: string, times: number): { read: () => AsyncIterable<Uint8Array>; given: () => number } {
  let given = 0;
  const bytes = new TextEncoder().encode(piece);
  return {
    read: async function* () {
      yield new TextEncoder().encode(head);
      for (; given < times; given += 1) yield await Promise.resolve(bytes);
    },
    given: () => given,
  };
}

async function rowsOf(bytes: Uint8Array, size: number, encoding: 'utf-8' | 'gb18030' = 'gb18030'): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const row of csvRows(pieces(bytes, size), encoding)) rows.push(row.cells);
  return rows;
}

async function refusal(bytes: Uint8Array, size: number, encoding: 'utf-8' | 'gb18030' = 'gb18030'): Promise<string> {
  const error = await rowsOf(bytes, size, encoding).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`not refused: ${String(error)}`);
  return error.messageEn;
}

describe('reading a CSV', () => {
  it('reads GBK text exactly however its bytes are cut into pieces', async () => {
    const bytes = gb18030Bytes('客户名称,备注\r\n张三,"第一行\r\n第二行，含逗号"\r\n李四,\u20ac\r\n');
    for (const size of [1, 2, 3, 5, 64 * 1024]) {
      expect(await rowsOf(bytes, size), `pieces of ${size}`).toEqual([['客户名称', '备注'], ['张三', '第一行\r\n第二行，含逗号'], ['李四', '€']]);
    }
  });

  it('reads rows that end in carriage returns alone (old Mac files), however many', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `客户${i},${'备注'.repeat(5)}`);
    const read = await rowsOf(gb18030Bytes(`客户名称,备注\r${rows.join('\r')}\r`), 64 * 1024);
    expect(read).toHaveLength(60_001);
    expect(read[60_000]).toEqual(['客户59999', '备注'.repeat(5)]);
  });

  it('names the row and column of the first bytes not in the encoding, however the bytes are cut', async () => {
    const cases: [string, Uint8Array, string][] = [
      ['in a cell', gb18030Bytes('客户名称,备注\r\n张三,备', BAD_GB18030, '注\r\n'), 'Row 2, column B (备注)'],
      ['right after a comma', gb18030Bytes('客户名称,备注\r\n张三,', BAD_GB18030, '\r\n'), 'Row 2, column B (备注)'],
      ['at the start of a row', gb18030Bytes('客户名称,备注\r\n张三,x\r\n', BAD_GB18030, '李四,y\r\n'), 'Row 3, column A (客户名称)'],
      ['inside quotes over two lines', gb18030Bytes('客户名称,备注\r\n张三,"一\r\n二', BAD_GB18030, '"\r\n'), 'Row 2, column B (备注)'],
      ['in the header', gb18030Bytes('客户名称,备', BAD_GB18030, '注\r\n张三,x\r\n'), 'Row 1, column B holds'],
      ['at the very start', gb18030Bytes(BAD_GB18030, '客户名称\r\n'), 'Row 1, column A holds'],
      ['inside a character at the end', gb18030Bytes('客户名称,备注\r\n张三,x', Uint8Array.of(0xd5)), 'Row 2, column B (备注)'],
    ];
    for (const [where, bytes, place] of cases) {
      for (const size of [1, 3, 64 * 1024]) expect(await refusal(bytes, size), `${where}, pieces of ${size}`).toContain(place);
    }
  });

  it('hands on no row the bad bytes cut short', async () => {
    const seen: string[][] = [];
    const read = pieces(gb18030Bytes('a,b\r\n1,2\r\n3,', BAD_GB18030, '4\r\n'), 4);
    await expect(
      (async () => {
        for await (const row of csvRows(read, 'gb18030')) seen.push(row.cells);
      })(),
    ).rejects.toThrow(/Row 3, column B \(b\)/);
    expect(seen).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('refuses a misplaced or unclosed quote by where it is', async () => {
    const utf8 = (text: string) => new TextEncoder().encode(text);
    expect(await refusal(utf8('a,b\r\n1,x"y\r\n'), 7, 'utf-8')).toBe('Row 2, column B (b): a quote is misplaced or never closed (the CSV is malformed); nothing was imported');
    expect(await refusal(utf8('a,b\r\n1,2\r\n3,"open\r\n4,5\r\n'), 7, 'utf-8')).toMatch(/^Row 3, column B \(b\): a quote/);
  });

  it('measures cells and rows as they are read', async () => {
    const utf8 = (text: string) => new TextEncoder().encode(text);
    expect(await refusal(utf8(`a,b\r\n1,${'x'.repeat(32_768)}\r\n`), 1000, 'utf-8')).toMatch(/^Row 2, column B \(b\) is too long/);
    expect(await rowsOf(utf8(`a,b\r\n1,${'x'.repeat(32_767)}\r\n`), 1000, 'utf-8')).toHaveLength(2);
    // One cell of ten million characters: refused once the row outgrows the parser's bound, not at its end.
    const endless = repeated('a,b\r\n1,', 'x'.repeat(10_000), 1000);
    await expect(csvRows(endless.read, 'utf-8').next()).rejects.toThrow(/Row 2, column B \(b\) is too long/);
    expect(endless.given()).toBeLessThan(200);
    // Ten million commas on one line: refused once the line is longer than any row makes, not as ten million cells.
    const commas = repeated('a,b\r\n', ','.repeat(10_000), 1000);
    await expect(
      (async () => {
        for await (const row of csvRows(commas.read, 'utf-8')) expect(row.line).toBe(1);
      })(),
    ).rejects.toThrow('Row 2 has more than 16,384 columns; nothing was imported');
    expect(commas.given()).toBeLessThan(200);
  });
});
