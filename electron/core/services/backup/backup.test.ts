import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, passwordOf, stageBytes, testCore } from '../../../../tests/helpers/core';
import { samplePdf, samplePng } from '../../../../tests/helpers/scan-files';
import { serviceDossier } from '../../../../tests/helpers/scan-dossier';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';
import { fileChunks, readTar } from '../../backup/tar-reader';
import { expectSummariesInWords } from '../../../../tests/helpers/audit-words';

const tempDir = useTempDirs();
let dataDir: string;
let backups: string;
let core: Core;
let archiveNumber: string;
const MARKER = 'BACKUP-MARKER-4711';

beforeEach(async () => {
  dataDir = tempDir();
  backups = tempDir();
  core = await newArchive(dataDir);
  archiveNumber = await serviceDossier(core);
  await ok(core, 'scan:add', {
    archiveNumber,
    checklistItem: 'receptionSheet',
    stagedFileIds: [await stageBytes(core, '接车单.pdf', await samplePdf(2, MARKER), 'scan'), await stageBytes(core, '照片.png', samplePng(), 'scan')],
  });
});

/** Where a byte of the named entry lies in a backup file. */
async function offsetOf(file: string, entry: (name: string) => boolean): Promise<number> {
  let at = 0;
  let found = -1;
  await readTar(fileChunks(file), (name, size) => {
    at += 512;
    if (found < 0 && entry(name)) found = at + Math.floor(size / 2);
    at += Math.ceil(size / 512) * 512;
    return null;
  });
  if (found < 0) throw new Error('no such entry');
  return found;
}

function flipped(file: string, at: number): string {
  const bytes = readFileSync(file);
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  const copy = join(backups, `copy-${at}.ddbackup`);
  writeFileSync(copy, bytes);
  return copy;
}

describe('backups', () => {
  it('backs up, checks the backup at once, and restores it into an empty folder: verify passes, counts and audit head equal, scans whole', async () => {
    const taken = await ok(core, 'backup:create', { folder: backups });
    expect(taken.ok).toBe(true);
    expect(taken.checks.map((c) => [c.name, c.ok])).toEqual([
      ['backup-contents', true],
      ['backup-snapshot', true],
      ['database-integrity', true],
      ['schema-version', true],
      ['key-slots', true],
      ['audit-trail', true],
    ]);
    expect(taken.summary).toMatchObject({ takenBy: ADMIN.login, reason: 'on-request', counts: { dossiers: 1, scanFiles: 2, users: 1 }, missingScans: 0, damagedScans: 0 });
    expect(readdirSync(backups)).toEqual([taken.fileName]);
    // Nothing in it is plaintext: the marker inside the stored PDF is nowhere in the file.
    expect(readFileSync(join(backups, taken.fileName)).includes(Buffer.from(MARKER))).toBe(false);
    const listed = await ok(core, 'backup:list', { folder: backups });
    expect(listed.backups).toEqual([{ fileName: taken.fileName, size: taken.size, modifiedAt: expect.any(String) as string, recorded: { takenAt: expect.any(String) as string, takenBy: ADMIN.login, ok: true, sha256: taken.sha256 } }]);
    const before = await ok(core, 'archive:info', {});
    const pagesBefore = await ok(core, 'scan:list', { archiveNumber });
    await core.close();

    const restoredDir = tempDir();
    const fresh = testCore(restoredDir);
    const stagedFileId = await stageBytes(fresh, taken.fileName, readFileSync(join(backups, taken.fileName)), 'restore');
    const restored = await ok(fresh, 'archive:restore', { stagedFileId, login: ADMIN.login, password: ADMIN.password });
    expect(restored.session.user.login).toBe(ADMIN.login);
    expect(restored.report.ok).toBe(true);
    expect(restored.summary.auditHead?.id).toBe(taken.summary.auditHead?.id);
    const after = await ok(fresh, 'archive:info', {});
    expect(after.archiveId).toBe(before.archiveId);
    expect(after.counts.dossiers).toBe(before.counts.dossiers);
    const verified = await ok(fresh, 'archive:verify', {});
    expect(verified.checks.every((c) => c.ok)).toBe(true);
    // The restore is in the audit trail, after the events the backup held; the high-water mark raises no alarm.
    const events = await ok(fresh, 'audit:list', { action: 'archive:restore', limit: 5 });
    expect(events.items.map((e) => e.action)).toEqual(['archive:restore']);
    expectSummariesInWords([...events.items, ...(await ok(fresh, 'audit:list', { action: 'backup:', limit: 50 })).items]);
    // The backup page says which backup this archive came from.
    expect((await ok(fresh, 'backup:status', {})).restoredFrom).toMatchObject({ takenAt: taken.summary.takenAt });
    const pages = (await ok(fresh, 'scan:list', { archiveNumber })).documents.flatMap((d) => d.pages);
    expect(pages.map((p) => p.sourceName)).toEqual(pagesBefore.documents.flatMap((d) => d.pages).map((p) => p.sourceName));
    const pdfPage = pages.find((p) => p.sourceName === '接车单.pdf');
    if (!pdfPage) throw new Error('no page');
    expect(Buffer.from((await ok(fresh, 'scan:file', { pageId: pdfPage.id })).bytes).includes(Buffer.from(MARKER))).toBe(true);
    await fresh.close();
  });

  it('fails the restore drill for a flipped byte in the database, a scan or the manifest, and for another archive’s backup', async () => {
    const taken = await ok(core, 'backup:create', { folder: backups });
    const file = join(backups, taken.fileName);
    const good = await ok(core, 'backup:verify', { file });
    expect(good.ok).toBe(true);
    expect(good.checks.find((c) => c.name === 'backup-record')).toMatchObject({ ok: true });
    for (const [entry, words] of [
      [(name: string) => name === 'archive.db', 'archive.db'],
      [(name: string) => name.startsWith('scans/'), 'scans/'],
      [(name: string) => name === 'manifest.sealed', '备份清单无法验证'],
    ] as const) {
      const bad = await ok(core, 'backup:verify', { file: flipped(file, await offsetOf(file, entry)) });
      expect(bad.ok).toBe(false);
      expect(bad.checks[0]).toMatchObject({ name: 'backup-contents', ok: false });
      expect(bad.checks[0]?.message).toContain(words);
    }
    const cut = join(backups, 'cut.ddbackup');
    writeFileSync(cut, readFileSync(file).subarray(0, 3000));
    expect((await ok(core, 'backup:verify', { file: cut })).checks[0]?.message).toMatch(/^不是完整的备份文件/);

    const otherDir = tempDir();
    const other = await newArchive(otherDir);
    const foreign = await ok(other, 'backup:verify', { file });
    expect(foreign.checks[0]?.message).toBe('这是另一个档案库的备份');
    await other.close();
  });

  it('fails the drill of a recorded backup that an older one was copied over: sound, but not the backup taken under that name', async () => {
    const older = await ok(core, 'backup:create', { folder: backups });
    await ok(core, 'dossier:create', { title: '后来的档案' });
    const newer = await ok(core, 'backup:create', { folder: backups });
    expect(newer.fileName).not.toBe(older.fileName);
    copyFileSync(join(backups, older.fileName), join(backups, newer.fileName));
    const drill = await ok(core, 'backup:verify', { file: join(backups, newer.fileName) });
    expect(drill.ok).toBe(false);
    expect(drill.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['backup-record']);
    expect(drill.checks.find((c) => c.name === 'backup-record')?.message).toMatch(/^此文件已不是 .* 以此名称记录的备份，而是 .* 的备份/);
    // The older file under its own name is still the backup it was.
    expect((await ok(core, 'backup:verify', { file: join(backups, older.fileName) })).ok).toBe(true);
  });

  it('takes a consistent backup while dossiers are being created', async () => {
    const backup = call(core, 'backup:create', { folder: backups });
    const created: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i += 1) created.push(ok(core, 'dossier:create', { typeKey: 'vehicle-service', fields: { customerName: `客户${i}`, phone: '13900139000', plate: `沪B${10000 + i}`, serviceDate: '2026-09-30' }, departmentCode: 'SHB' }));
    await Promise.all(created);
    const taken = await backup;
    if (!taken.ok) throw new Error(taken.error.messageEn);
    expect(taken.data.ok).toBe(true);
    expect(taken.data.summary.counts.dossiers).toBeGreaterThanOrEqual(1);
    expect(taken.data.summary.counts.dossiers).toBeLessThanOrEqual(21);
    expect((await ok(core, 'backup:verify', { file: join(backups, taken.data.fileName) })).ok).toBe(true);
  });

  it('refuses a backup folder inside the data folder or missing, and a restore into a folder that is not empty or with a wrong password', async () => {
    const inside = join(dataDir, 'backups');
    mkdirSync(inside);
    expect(await call(core, 'backup:create', { folder: inside })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'backup:create', { folder: join(backups, 'not-there') })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(core, 'backup:create', { folder: 'relative/folder' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await addUser(core, { login: 'clerk', roles: ['clerk'] });
    const taken = await ok(core, 'backup:create', { folder: backups });
    const bytes = readFileSync(join(backups, taken.fileName));

    // A folder with an archive in it: refused before anything is staged.
    expect(await call(core, 'archive:restore', { stagedFileId: '00000000-0000-4000-8000-000000000000', login: ADMIN.login, password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await core.close();

    const occupied = tempDir();
    writeFileSync(join(occupied, 'notes.txt'), 'mine');
    const inOccupied = testCore(occupied);
    const staged = await stageBytes(inOccupied, taken.fileName, bytes, 'restore');
    expect(await call(inOccupied, 'archive:restore', { stagedFileId: staged, login: ADMIN.login, password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // (The staged backup is in `staging/` when larger than a chunk, else held in memory.)
    expect(readdirSync(occupied).filter((name) => name !== 'staging')).toEqual(['notes.txt']);
    await inOccupied.close();

    const empty = tempDir();
    const inEmpty = testCore(empty);
    const stagedAgain = await stageBytes(inEmpty, taken.fileName, bytes, 'restore');
    expect(await call(inEmpty, 'archive:restore', { stagedFileId: stagedAgain, login: ADMIN.login, password: 'wrong-password-1' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    // A clerk's password opens the backup, but restoring is the administrator's: nothing stays in place.
    expect(await call(inEmpty, 'archive:restore', { stagedFileId: stagedAgain, login: 'clerk', password: passwordOf('clerk') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Before any archive exists nothing but a backup can be staged.
    expect(await call(inEmpty, 'staging:begin', { purpose: 'import', name: 'x.csv', size: 10 })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(readdirSync(empty).filter((name) => name !== 'staging')).toEqual([]);
    await inEmpty.close();
  });

  it('a restore cut short while it put the parts in place leaves nothing that stops the next one: the parts go at the next start, and the restore is done again', async () => {
    const taken = await ok(core, 'backup:create', { folder: backups });
    const bytes = readFileSync(join(backups, taken.fileName));
    await core.close();
    const target = tempDir();
    const first = testCore(target);
    await ok(first, 'archive:restore', { stagedFileId: await stageBytes(first, taken.fileName, bytes, 'restore'), login: ADMIN.login, password: ADMIN.password });
    await first.close();
    // As the program killed before the key slots' move leaves it: database, scans, high-water mark – and the key slots still in the restore's folder.
    const deadPid = 0x3ffffff0;
    mkdirSync(join(target, `.restoring-${deadPid}`));
    renameSync(join(target, 'keyslots.json'), join(target, `.restoring-${deadPid}`, 'keyslots.json'));
    expect(readdirSync(target)).toEqual(expect.arrayContaining(['archive.db', 'scans']));

    const again = testCore(target);
    expect(await ok(again, 'archive:status', {})).toMatchObject({ state: 'missing' });
    expect(readdirSync(target).filter((name) => name !== 'staging')).toEqual([]);
    const restored = await ok(again, 'archive:restore', { stagedFileId: await stageBytes(again, taken.fileName, bytes, 'restore'), login: ADMIN.login, password: ADMIN.password });
    expect(restored.report.ok).toBe(true);
    expect((await ok(again, 'archive:info', {})).counts.dossiers).toBe(1);
    await again.close();
  });
});
