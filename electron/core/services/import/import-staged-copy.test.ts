import { createHash } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flipByte } from '../../../../tests/helpers/archive-faults';
import { call, newArchive, ok, openSheet } from '../../../../tests/helpers/core';
import { filesUnder } from '../../../../tests/helpers/files';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { stageLocalFile } from '../../staging/stage-local-file';

const tempDir = useTempDirs();

const HEADER = ['客户名称', '联系电话', '车架号（VIN）', '交车日期'];
const row = (i: number) => [`客户${i}`, `1380013${String(i).padStart(4, '0')}`, `LSVAU2180N${String(i).padStart(7, '0')}`, '2026-11-02'];
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\r\n'));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the file imported is the file checked', () => {
  it('imports the rows it checked when the file on disk is replaced after checking, and audits the checked copy’s SHA-256', async () => {
    const dir = tempDir();
    const core = await newArchive(join(dir, 'archive'));
    const path = join(dir, '新车客户.csv');
    const checkedBytes = csv([HEADER, row(1), row(2)]);
    writeFileSync(path, checkedBytes);

    // As the desktop app and the CLI do it: the file is staged (copied, encrypted) when it is opened.
    const staged = await stageLocalFile(path, 'import', (channel, input) => ok(core, channel, input));
    expect(staged.sha256).toBe(sha256(checkedBytes));
    const opened = await ok(core, 'import:open', { stagedFileId: staged.stagedFileId });
    const plan = { importId: opened.importId, typeKey: 'vehicle-new' };
    expect(await ok(core, 'import:check', plan)).toMatchObject({ rowCount: 2, badRows: 0 });

    // Another program saves other rows over the file, then it is even deleted.
    const replacement = csv([HEADER, row(7), row(8), row(9)]);
    writeFileSync(path, replacement);
    const result = await ok(core, 'import:run', plan);
    rmSync(path);
    expect(result).toMatchObject({ imported: 2 });
    expect((await ok(core, 'dossier:list', {})).items.map((d) => d.title).sort()).toEqual(['客户1 新车档案', '客户2 新车档案']);

    const [event] = (await ok(core, 'audit:list', { action: 'import:commit' })).items;
    expect(event?.summary).toMatchObject({ rows: 2, sha256: sha256(checkedBytes) });
    expect(event?.summary).not.toMatchObject({ sha256: sha256(replacement) });
    await core.close();
  });

  it('names a staged copy damaged on disk as such – not as damage to the archive, which goes on taking writes', async () => {
    const dataDir = tempDir();
    const core = await newArchive(dataDir);
    // Larger than a chunk, so it is staged on disk (a smaller one is held in memory).
    const rows = Array.from({ length: 20_000 }, (_, i) => row(i + 1));
    const opened = await openSheet(core, '新车客户.csv', csv([HEADER, ...rows]));
    const plan = { importId: opened.importId, typeKey: 'vehicle-new' };
    const copies = filesUnder(join(dataDir, 'staging'));
    expect(copies).toHaveLength(1);
    flipByte(copies[0] ?? '', 20);

    const stagedFileDamaged = { ok: false, error: { code: 'STAGED_FILE_DAMAGED', messageEn: 'The uploaded copy of the file is damaged (the archive is not affected); choose and upload the file again' } };
    expect(await call(core, 'import:check', plan)).toMatchObject(stagedFileDamaged);
    // The run reads it in the import's worker thread.
    expect(await call(core, 'import:run', plan)).toMatchObject(stagedFileDamaged);

    expect((await ok(core, 'session:status', {})).session?.condition).toBeNull();
    expect(existsSync(join(dataDir, 'damage.json'))).toBe(false);
    await ok(core, 'dossier:create', { typeKey: 'vehicle-new', fields: { customerName: '客户3', phone: '13800130003', vin: 'LSVAU2180N0000003', deliveryDate: '2026-11-02' } });
    expect((await ok(core, 'dossier:list', {})).total).toBe(1);
    await core.close();
  });
});
