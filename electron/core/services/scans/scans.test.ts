import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { addUser, call, newArchive, ok, stageBytes, switchTo } from '../../../../tests/helpers/core';
import { filesContaining, filesUnder } from '../../../../tests/helpers/files';
import { fakeExe, samplePdf, samplePng, sampleTiff, truncated } from '../../../../tests/helpers/scan-files';
import { scansIn, serviceDossier } from '../../../../tests/helpers/scan-dossier';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';

const tempDir = useTempDirs();
let dir: string;
let core: Core;
let archiveNumber: string;

const stageScan = (name: string, bytes: Uint8Array) => stageBytes(core, name, bytes, 'scan');

beforeEach(async () => {
  dir = tempDir();
  core = await newArchive(dir);
  archiveNumber = await serviceDossier(core);
});

describe('filing scans', () => {
  it('files a PDF and a multi-page TIFF onto a checklist item: its document is opened, the pages counted, the item fulfilled', async () => {
    const before = await ok(core, 'dossier:get', { archiveNumber });
    expect(before.missingItems.map((m) => m.key)).toContain('receptionSheet');
    const filing = await ok(core, 'scan:add', { archiveNumber, checklistItem: 'receptionSheet', stagedFileIds: [await stageScan('接车单.pdf', await samplePdf(2)), await stageScan('IMG_0001.tif', sampleTiff(3))] });
    expect(filing.documents).toEqual([{ id: expect.any(Number) as number, title: '接车单', pagesAdded: 5, created: true }]);
    expect(filing.files.map((f) => [f.name, f.mediaType, f.pages, f.stored])).toEqual([
      ['接车单.pdf', 'application/pdf', 2, 'new'],
      ['IMG_0001.tif', 'image/tiff', 3, 'new'],
    ]);
    const after = await ok(core, 'dossier:get', { archiveNumber });
    expect(after.missingItems.map((m) => m.key)).not.toContain('receptionSheet');
    expect(after.documents.find((d) => d.checklistItem === 'receptionSheet')?.pages).toBe(5);
    const listed = await ok(core, 'scan:list', { archiveNumber });
    const pages = listed.documents.find((d) => d.checklistItem === 'receptionSheet')?.pages ?? [];
    expect(pages.map((p) => [p.position, p.sourceName, p.pageInFile])).toEqual([
      [1, '接车单.pdf', 0],
      [2, '接车单.pdf', 1],
      [3, 'IMG_0001.tif', 0],
      [4, 'IMG_0001.tif', 1],
      [5, 'IMG_0001.tif', 2],
    ]);
    // A second filing onto the same item adds to its document; a file's bytes come back whole.
    const png = samplePng();
    await ok(core, 'scan:add', { archiveNumber, checklistItem: 'receptionSheet', stagedFileIds: [await stageScan('补扫.png', png)] });
    const again = (await ok(core, 'scan:list', { archiveNumber })).documents.find((d) => d.checklistItem === 'receptionSheet');
    expect(again?.pages.map((p) => p.position)).toEqual([1, 2, 3, 4, 5, 6]);
    const last = again?.pages[5];
    if (!last) throw new Error('no page');
    const file = await ok(core, 'scan:file', { pageId: last.id });
    expect(file).toMatchObject({ fileName: '补扫.png', mimeType: 'image/png', pageInFile: 0, rotation: 0 });
    expect(Buffer.from(file.bytes).equals(Buffer.from(png))).toBe(true);
  });

  it('files each file as a document of its own when no item or document is named, titled by its name', async () => {
    const filing = await ok(core, 'scan:add', { archiveNumber, stagedFileIds: [await stageScan('C:\\扫描\\维修照片.png', samplePng()), await stageScan('结算说明.pdf', await samplePdf(1))] });
    expect(filing.documents.map((d) => [d.title, d.pagesAdded, d.created])).toEqual([
      ['维修照片', 1, true],
      ['结算说明', 1, true],
    ]);
    const [first] = filing.documents;
    if (!first) throw new Error('no document');
    // Onto an existing document, by its number.
    await ok(core, 'scan:add', { archiveNumber, documentId: first.id, stagedFileIds: [await stageScan('维修照片2.pdf', await samplePdf(3))] });
    expect((await ok(core, 'dossier:get', { archiveNumber })).documents.find((d) => d.id === first.id)?.pages).toBe(4);
  });

  it('stores equal content once, encrypted: no stored byte reveals a marker inside the file, nor its name', async () => {
    const marker = `SCANMARK${randomUUID().slice(0, 8)}`;
    const pdf = await samplePdf(1, marker);
    // The check can fail: the marker is there in the plain file.
    writeFileSync(join(tempDir(), 'plain.pdf'), pdf);
    expect(Buffer.from(pdf).includes(Buffer.from(marker))).toBe(true);
    const first = await ok(core, 'scan:add', { archiveNumber, stagedFileIds: [await stageScan(`${marker}.pdf`, pdf)] });
    const second = await ok(core, 'scan:add', { archiveNumber, stagedFileIds: [await stageScan(`copy-${marker}.pdf`, pdf)] });
    expect(first.files[0]?.stored).toBe('new');
    expect(second.files[0]?.stored).toBe('duplicate');
    expect(scansIn(dir)).toHaveLength(1);
    expect(filesContaining(dir, marker)).toEqual([]);
    expect(filesUnder(dir).filter((f) => f.includes(marker))).toEqual([]);
  });

  it('refuses a renamed program, a truncated image, an empty file and an over-size file, each with its reason – and a batch with one of them files nothing', async () => {
    const refused = async (name: string, bytes: Uint8Array) => {
      const result = await call(core, 'scan:add', { archiveNumber, stagedFileIds: [await stageScan(name, bytes)] });
      if (result.ok) throw new Error(`${name} was filed`);
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.message).toContain(name);
      return result.error.message;
    };
    expect(await refused('合同.pdf', fakeExe())).toMatch(/程序/);
    expect(await refused('照片.png', truncated(samplePng(), 40))).toMatch(/不完整|截断|损坏/);
    expect(await refused('空白.pdf', new Uint8Array(0))).toMatch(/空/);
    const result = await call(core, 'scan:add', { archiveNumber, stagedFileIds: [await stageScan('好的.png', samplePng()), await stageScan('坏的.jpg', fakeExe())] });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: '坏的.jpg' }] } });
    await ok(core, 'settings:update', { scanMaxMegabytes: 1 });
    expect(await refused('大文件.pdf', await samplePdf(1, 'x'.repeat(1024 * 1024)))).toContain('1 MB');
    expect(scansIn(dir)).toEqual([]);
    expect((await ok(core, 'scan:list', { archiveNumber })).documents).toEqual([]);
  });

  it('a byte flipped in a stored file: reading it is refused naming dossier and document, and verify names it too', async () => {
    const filing = await ok(core, 'scan:add', { archiveNumber, checklistItem: 'settlement', stagedFileIds: [await stageScan('结算单.png', samplePng())] });
    const page = (await ok(core, 'scan:list', { archiveNumber })).documents.find((d) => d.documentId === filing.documents[0]?.id)?.pages[0];
    if (!page) throw new Error('no page');
    expect((await ok(core, 'archive:verify', {})).checks.find((c) => c.name === 'scans')).toMatchObject({ ok: true });
    const [stored] = scansIn(dir);
    if (!stored) throw new Error('nothing stored');
    const bytes = readFileSync(stored);
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0x40;
    writeFileSync(stored, bytes);
    const read = await call(core, 'scan:file', { pageId: page.id });
    expect(read).toMatchObject({ ok: false, error: { code: 'SCAN_DAMAGED' } });
    expect(read.ok ? '' : read.error.message).toContain(archiveNumber);
    expect(read.ok ? '' : read.error.message).toContain('结算单');
    const report = await ok(core, 'archive:verify', {});
    expect(report.ok).toBe(false);
    // Named by its place in the catalogue, not its title: whoever runs verify may not read the dossier.
    const detail = await ok(core, 'dossier:get', { archiveNumber });
    const filed = detail.documents.find((d) => d.id === filing.documents[0]?.id);
    const group = detail.groups.find((g) => g.key === filed?.groupKey)?.name ?? null;
    expect(report.damagedScans).toEqual([{ fileId: expect.any(Number) as number, archiveNumber, document: { group, position: filed?.position } }]);
    const words = report.checks.find((c) => c.name === 'scans')?.message ?? '';
    expect(words).toContain(`档案 ${archiveNumber} 卷内文件`);
    expect(words).toContain(`第 ${String(filed?.position)} 号`);
    expect(words).not.toContain('结算单');
  });

  it('collects a stored file no record refers to once it is an hour old, and keeps a younger one (a write about to be recorded)', async () => {
    await ok(core, 'scan:add', { archiveNumber, stagedFileIds: [await stageScan('保留.png', samplePng())] });
    const root = join(dir, 'scans', 'ab');
    mkdirSync(root, { recursive: true });
    const old = join(root, 'c'.repeat(62));
    const young = join(root, 'd'.repeat(62));
    // Left by interrupted writes: one of an older version (beside its place), one of a batch (in the store's own folder).
    const leftover = join(root, `.${'e'.repeat(62)}.123456.tmp`);
    const batchLeftover = join(dir, 'scans', `.${randomUUID()}.tmp`);
    const youngLeftover = join(dir, 'scans', `.${randomUUID()}.tmp`);
    for (const file of [old, young, leftover, batchLeftover, youngLeftover]) writeFileSync(file, 'sealed bytes');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    for (const file of [old, leftover, batchLeftover]) utimesSync(file, twoHoursAgo, twoHoursAgo);
    const check = (await ok(core, 'archive:verify', {})).checks.find((c) => c.name === 'scans');
    expect(check).toMatchObject({ ok: true });
    expect(check?.message).toContain('已清理 3 个');
    const left = scansIn(dir);
    expect(left).toHaveLength(3);
    expect(left).toEqual(expect.arrayContaining([young, youngLeftover]));
    for (const gone of [old, leftover, batchLeftover]) expect(left).not.toContain(gone);
  });

  it('records who opened a page of a classified document; an ordinary page is read without an audit event', async () => {
    const secret = (await ok(core, 'dossier:create', { title: '涉密档案', level: 2 })).archiveNumber;
    await ok(core, 'scan:add', { archiveNumber: secret, stagedFileIds: [await stageScan('密件.png', samplePng())] });
    await ok(core, 'scan:add', { archiveNumber, stagedFileIds: [await stageScan('普通.png', samplePng())] });
    const pageOf = async (number: string) => (await ok(core, 'scan:list', { archiveNumber: number })).documents[0]?.pages[0]?.id ?? 0;
    const events = async () => (await ok(core, 'audit:list', { action: 'scan:view-classified' })).items.length;
    await ok(core, 'scan:file', { pageId: await pageOf(archiveNumber) });
    expect(await events()).toBe(0);
    await ok(core, 'scan:file', { pageId: await pageOf(secret) });
    expect(await events()).toBe(1);
    // Someone whose clearance is below the dossier's cannot open its pages: as if they did not exist.
    const secretPage = await pageOf(secret);
    await addUser(core, { login: 'low', roles: ['clerk'], clearance: 1 });
    await switchTo(core, 'low');
    expect(await call(core, 'scan:file', { pageId: await pageOf(archiveNumber) })).toMatchObject({ ok: true });
    expect(await call(core, 'scan:file', { pageId: secretPage })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('will not remove a document that has scans', async () => {
    const filing = await ok(core, 'scan:add', { archiveNumber, stagedFileIds: [await stageScan('照片.png', samplePng())] });
    expect(await call(core, 'document:remove', { id: filing.documents[0]?.id ?? 0 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('turns, reorders, moves and removes pages – each audited, the page counts following – and never across dossiers', async () => {
    const filing = await ok(core, 'scan:add', { archiveNumber, checklistItem: 'repairOrder', stagedFileIds: [await stageScan('委托书.pdf', await samplePdf(3))] });
    const other = await ok(core, 'scan:add', { archiveNumber, checklistItem: 'settlement', stagedFileIds: [await stageScan('结算单.png', samplePng())] });
    const docOf = (scans: { documents: { documentId: number; pages: { id: number; rotation: number }[] }[] }, id: number | undefined) => scans.documents.find((d) => d.documentId === id)?.pages ?? [];
    const first = filing.documents[0]?.id;
    const target = other.documents[0]?.id ?? 0;
    const [a, b, c] = docOf(await ok(core, 'scan:list', { archiveNumber }), first).map((p) => p.id);
    if (!a || !b || !c) throw new Error('three pages expected');
    expect(docOf(await ok(core, 'scan:rotate', { pageId: b, rotation: 90 }), first).map((p) => p.rotation)).toEqual([0, 90, 0]);
    expect(docOf(await ok(core, 'scan:reorder', { documentId: first ?? 0, order: [c, a, b] }), first).map((p) => p.id)).toEqual([c, a, b]);
    expect(await call(core, 'scan:reorder', { documentId: first ?? 0, order: [c, a] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const moved = await ok(core, 'scan:move', { pageIds: [a], toDocumentId: target });
    expect(docOf(moved, first).map((p) => p.id)).toEqual([c, b]);
    expect(docOf(moved, target).map((p) => p.id)).toHaveLength(2);
    const removed = await ok(core, 'scan:remove', { pageIds: [c], reason: '重复扫描' });
    expect(docOf(removed, first).map((p) => p.id)).toEqual([b]);
    const detail = await ok(core, 'dossier:get', { archiveNumber });
    expect(detail.documents.find((d) => d.id === first)?.pages).toBe(1);
    expect(detail.documents.find((d) => d.id === target)?.pages).toBe(2);
    // A removed page is gone for readers; its file stays (until disposal).
    expect(await call(core, 'scan:file', { pageId: c })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(scansIn(dir)).toHaveLength(2);
    const actions = (await ok(core, 'audit:list', { action: 'scan:' })).items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['scan:rotate', 'scan:reorder', 'scan:move', 'scan:remove']));
    // Pages never move to another dossier's document.
    const elsewhere = await ok(core, 'dossier:create', { title: '另一档案' });
    const foreign = await ok(core, 'scan:add', { archiveNumber: elsewhere.archiveNumber, stagedFileIds: [await stageScan('别处.png', samplePng())] });
    expect(await call(core, 'scan:move', { pageIds: [b], toDocumentId: foreign.documents[0]?.id ?? 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('audits a page opened after the dossier was raised to a classified level; refuses an image bomb; a document emptied of scans counts no pages', async () => {
    const filing = await ok(core, 'scan:add', { archiveNumber, stagedFileIds: [await stageScan('普通.png', samplePng())] });
    const page = (await ok(core, 'scan:list', { archiveNumber })).documents[0]?.pages[0];
    if (!page) throw new Error('no page');
    await ok(core, 'dossier:classify', { archiveNumber, level: 2 });
    await ok(core, 'scan:file', { pageId: page.id });
    expect((await ok(core, 'audit:list', { action: 'scan:view-classified' })).items).toHaveLength(1);

    const bomb = await call(core, 'scan:add', { archiveNumber, stagedFileIds: [await stageScan('巨幅.png', samplePng({ width: 9000, height: 9000 }))] });
    expect(bomb).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('9000×9000') as unknown } });

    await ok(core, 'scan:remove', { pageIds: [page.id], reason: '扫错' });
    expect((await ok(core, 'dossier:get', { archiveNumber })).documents.find((d) => d.id === filing.documents[0]?.id)?.pages).toBe(0);
  });
});

describe('filing onto the dossier under one title', () => {
  it('opens one document of that title for every file of the batch (a camera sitting); a title beside a checklist item is refused', async () => {
    const filing = await ok(core, 'scan:add', { archiveNumber, title: '购车发票（高拍仪）', stagedFileIds: [await stageScan('高拍仪 第1页.png', samplePng()), await stageScan('高拍仪 第2页.png', samplePng({ variant: 1 }))] });
    expect(filing.documents).toEqual([{ id: expect.any(Number) as number, title: '购车发票（高拍仪）', pagesAdded: 2, created: true }]);
    const document = (await ok(core, 'scan:list', { archiveNumber })).documents.find((d) => d.title === '购车发票（高拍仪）');
    expect(document?.pages.map((p) => p.sourceName)).toEqual(['高拍仪 第1页.png', '高拍仪 第2页.png']);
    const refused = await call(core, 'scan:add', { archiveNumber, checklistItem: 'receptionSheet', title: '接车单', stagedFileIds: [await stageScan('接车单.png', samplePng())] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'title' }] } });
  });
});
