import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { flipByte } from '../../../../tests/helpers/archive-faults';
import { ADMIN, addUser, call, newArchive, ok, stageBytes, switchTo, testCore } from '../../../../tests/helpers/core';
import { expectSummariesInWords } from '../../../../tests/helpers/audit-words';
import { inspectPdf } from '../../../../tests/helpers/pdf';
import { openRawDatabase } from '../../../../tests/helpers/raw-archive';
import { samplePdf, samplePng, sampleTiff } from '../../../../tests/helpers/scan-files';
import { scansIn } from '../../../../tests/helpers/scan-dossier';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { FourCheckReport } from '../../../../shared/contract';
import type { CheckItemKey } from '../../../../shared/four-check';
import type { Core } from '../../core';

const tempDir = useTempDirs();
let dir: string;
let core: Core;
let archiveNumber: string;

const failed = (report: FourCheckReport) => report.items.filter((item) => !item.ok).map((item) => item.key);
const item = (report: FourCheckReport, key: CheckItemKey) => report.items.find((i) => i.key === key);

/** A clean archive: one dossier without a type, two documents, three files (PDF, TIFF, PNG) of six pages. */
beforeEach(async () => {
  dir = tempDir();
  core = await newArchive(dir);
  archiveNumber = (await ok(core, 'dossier:create', { title: '张三 购车档案' })).archiveNumber;
  await ok(core, 'scan:add', { archiveNumber, stagedFileIds: [await stageBytes(core, '合同.pdf', await samplePdf(2), 'scan'), await stageBytes(core, '发票.tif', sampleTiff(3), 'scan')] });
  await ok(core, 'scan:add', { archiveNumber, stagedFileIds: [await stageBytes(core, '照片.png', samplePng(), 'scan')] });
});

async function rawUpdate(sql: string, ...params: unknown[]): Promise<void> {
  const raw = await openRawDatabase(dir, ADMIN.login, ADMIN.password);
  try {
    raw.prepare(sql).run(...params);
  } finally {
    raw.close();
  }
}

describe('the 四性 check', () => {
  it('passes on a clean archive, item by item, prints the report and keeps it as an audit event with its SHA-256', async () => {
    const { report, file, sha256 } = await ok(core, 'check:run', { scope: { kind: 'archive' } });
    expect(failed(report)).toEqual([]);
    expect(report.items.map((i) => i.key)).toHaveLength(12);
    expect(report).toMatchObject({ ok: true, dossiers: 1, files: 3, pages: 6 });
    expect(item(report, 'pages-render')?.checked).toBe(6);
    expect(item(report, 'file-hashes')?.checked).toBe(3);
    const text = inspectPdf(file.bytes).text;
    expect(text).toContain('电子档案四性检测报告');
    expect(text).toContain('全部通过');
    const event = (await ok(core, 'audit:list', { action: 'check:run' })).items[0];
    expect(event?.summary).toMatchObject({ ok: true, sha256 });
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    // One dossier, by number: the same verdict.
    expect((await ok(core, 'check:run', { scope: { kind: 'dossier', archiveNumber } })).report.ok).toBe(true);
  });

  it('fails file-hashes when a stored byte is flipped, naming the dossier and document', async () => {
    for (const stored of scansIn(dir)) flipByte(stored, 100);
    const { report, file } = await ok(core, 'check:run', { scope: { kind: 'dossier', archiveNumber } });
    expect(failed(report)).toEqual(['file-hashes']);
    expect(item(report, 'file-hashes')?.findings[0]).toMatchObject({ archiveNumber, document: { group: null, position: 1 } });
    const text = inspectPdf(file.bytes).text;
    expect(text).toContain('不通过');
    expect(text).toContain(archiveNumber);
  });

  it('fails files-present when a scan file is missing', async () => {
    const [first] = scansIn(dir);
    rmSync(first ?? '');
    const { report } = await ok(core, 'check:run', { scope: { kind: 'archive' } });
    expect(failed(report)).toEqual(['files-present']);
    expect(item(report, 'files-present')?.findings[0]?.archiveNumber).toBe(archiveNumber);
  });

  it('fails the sequence when a document number is skipped', async () => {
    await rawUpdate('UPDATE documents SET position = 3 WHERE position = 2');
    const { report } = await ok(core, 'check:run', { scope: { kind: 'dossiers', archiveNumbers: [archiveNumber] } });
    expect(failed(report)).toEqual(['sequence']);
    expect(item(report, 'sequence')?.findings[0]).toMatchObject({ archiveNumber, document: { position: 3 } });
  });

  it('fails the checklist when a required item lacks its document', async () => {
    await ok(core, 'department:create', { code: 'SHB', name: '售后部' });
    const service = await ok(core, 'dossier:create', { typeKey: 'vehicle-service', fields: { customerName: '王五', phone: '13900139000', plate: '沪A12345', serviceDate: '2026-09-30' }, departmentCode: 'SHB' });
    const { report } = await ok(core, 'check:run', { scope: { kind: 'list', filters: { typeKeys: ['vehicle-service'] } } });
    expect(failed(report)).toEqual(['checklist']);
    expect(report.dossiers).toBe(1);
    expect(item(report, 'checklist')?.findings.map((f) => f.archiveNumber)).toContain(service.archiveNumber);
  });

  it('fails the metadata on a number off its rule and an impossible date, not on a subject date ahead (a planned delivery)', async () => {
    await ok(core, 'department:create', { code: 'SHB', name: '售后部' });
    const service = await ok(core, 'dossier:create', { typeKey: 'vehicle-service', fields: { customerName: '王五', phone: '13900139000', plate: '沪A12345', serviceDate: '2098-09-30' }, departmentCode: 'SHB' });
    const checked = async () => (await ok(core, 'check:run', { scope: { kind: 'dossier', archiveNumber: service.archiveNumber } })).report;
    expect(item(await checked(), 'metadata')?.ok).toBe(true);
    await rawUpdate("UPDATE dossiers SET fields = json_set(fields, '$.serviceDate', '2026-02-30') WHERE id = ?", service.id);
    await rawUpdate("UPDATE dossiers SET archive_number = 'SH-26-1' WHERE id = ?", service.id);
    const report = (await ok(core, 'check:run', { scope: { kind: 'dossier', archiveNumber: 'SH-26-1' } })).report;
    expect(item(report, 'metadata')?.findings.map((f) => f.message)).toEqual([expect.stringContaining('档号不符合编号规则') as string, expect.stringContaining('“2026-02-30”不是有效日期') as string]);
  });

  it('checks a restored archive whole (the restored screen runs it at once), kept in the audit trail in words', async () => {
    const backups = tempDir();
    const taken = await ok(core, 'backup:create', { folder: backups });
    await core.close();
    const fresh = testCore(tempDir());
    const stagedFileId = await stageBytes(fresh, taken.fileName, readFileSync(join(backups, taken.fileName)), 'restore');
    expect((await ok(fresh, 'archive:restore', { stagedFileId, login: ADMIN.login, password: ADMIN.password })).report.ok).toBe(true);
    expect((await ok(fresh, 'check:run', { scope: { kind: 'archive' } })).report.ok).toBe(true);
    const events = (await ok(fresh, 'audit:list', { action: 'check:run' })).items;
    expect(events.map((e) => e.summary)).toEqual([expect.objectContaining({ scope: '全部档案', ok: true, dossiers: 1, files: 3, pages: 6 })]);
    expectSummariesInWords(events);
    await fresh.close();
  });

  it('is for verifiers; an exporter checks only the one dossier to be exported', async () => {
    await addUser(core, { login: 'clerk', roles: ['clerk'] });
    await addUser(core, { login: 'staff', roles: ['staff'] });
    await switchTo(core, 'clerk');
    expect((await ok(core, 'check:run', { scope: { kind: 'dossier', archiveNumber } })).report.ok).toBe(true);
    expect(await call(core, 'check:run', { scope: { kind: 'archive' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await switchTo(core, 'staff');
    expect(await call(core, 'check:run', { scope: { kind: 'dossier', archiveNumber } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
