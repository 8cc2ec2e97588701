import { afterAll, describe, expect, it } from 'vitest';
import { call, newArchive, ok } from '../../../../tests/helpers/core';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { retirePrintThreads } from '../../pdf/print-pool';

const tempDir = useTempDirs();
afterAll(() => retirePrintThreads());

describe('labels made on the print thread', () => {
  it('a refusal made there reaches the clerk as itself (VALIDATION with its words), not as an internal error', async () => {
    const core = await newArchive(tempDir());
    const { archiveNumber } = await ok(core, 'dossier:create', { title: '张三 购车档案' });
    const refused = await call(core, 'label:print', { archiveNumbers: [archiveNumber], sheet: 'a4-3x8', startAt: 25 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '起始位置须为 1 到 24 之间的整数（此标签纸每张 24 个标签）' } });
    const printed = await ok(core, 'label:print', { archiveNumbers: [archiveNumber], sheet: 'a4-3x8', startAt: 24 });
    expect(Buffer.from(printed.bytes).subarray(0, 5).toString()).toBe('%PDF-');
    await core.close();
  });
});
