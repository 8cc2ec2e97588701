import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { degrees, PDFDocument } from 'pdf-lib';
import { addUser, ADMIN, call, newArchive, ok, stageBytes, switchTo, testCore } from '../../../../tests/helpers/core';
import { openRawDatabase } from '../../../../tests/helpers/raw-archive';
import { MAX_EXPORT_SCAN_BYTES } from './export-dossier';
import { inkShare, inspectPdf, renderPdfPage } from '../../../../tests/helpers/pdf';
import { sampleJpeg, samplePdf, samplePng, sampleTiff } from '../../../../tests/helpers/scan-files';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';

const tempDir = useTempDirs();

const blackBand = async () => new Uint8Array(await sharp({ create: { width: 400, height: 100, channels: 3, background: '#000000' } }).png().toBuffer());

async function dossierWithScans(core: Core) {
  const { archiveNumber } = await ok(core, 'dossier:create', { title: '王五 维修档案' });
  const stage = (name: string, bytes: Uint8Array) => stageBytes(core, name, bytes, 'scan');
  const contract = await ok(core, 'scan:add', { archiveNumber, stagedFileIds: [await stage('维修合同.pdf', await samplePdf(2, 'CONTRACT-TEXT-7731'))] });
  const photo = await ok(core, 'scan:add', { archiveNumber, stagedFileIds: [await stage('车损照片.png', await blackBand()), await stage('结算.tif', sampleTiff(2)), await stage('小票.jpg', sampleJpeg())] });
  return { archiveNumber, contract: contract.documents[0]?.id ?? 0, photo: photo.documents[0]?.id ?? 0 };
}

describe('the dossier as one PDF', () => {
  it('cover, record with catalogue, then every scanned page in order – PDF pages as PDF (text extractable), images turned as stored', async () => {
    const core = await newArchive(tempDir());
    const { archiveNumber, photo } = await dossierWithScans(core);
    const band = (await ok(core, 'scan:list', { archiveNumber })).documents.find((d) => d.documentId === photo)?.pages[0];
    if (!band) throw new Error('no page');
    const before = (await ok(core, 'dossier:export', { archiveNumber })).bytes;
    const pdf = inspectPdf(before);
    // Cover, record (one page), contract ×2, photo, TIFF ×2, a small JPEG.
    expect(pdf.pages).toBe(8);
    for (const text of [/档\s+案/, archiveNumber, '王五 维修档案', '内部资料，严禁外传', '卷内文件目录', /维修合同\s+第 1\/2 页/, 'CONTRACT-TEXT-7731', /结算\s+第 2\/2 页/, /小票\s+第 1\/1 页/]) expect(pdf.text).toMatch(text);
    expect(pdf.check).toContain('No syntax or stream encoding errors');
    // The wide black band lies across the page; turned a quarter, it stands upright in the middle.
    const left = { left: 0.1, right: 0.3, top: 0.45, bottom: 0.55 };
    const middle = { left: 0.45, right: 0.55, top: 0.3, bottom: 0.7 };
    expect(inkShare(renderPdfPage(before, 5), left)).toBeGreaterThan(0.9);
    expect(inkShare(renderPdfPage(before, 5), middle)).toBeLessThan(0.7);
    await ok(core, 'scan:rotate', { pageId: band.id, rotation: 90 });
    const turned = (await ok(core, 'dossier:export', { archiveNumber })).bytes;
    expect(inkShare(renderPdfPage(turned, 5), left)).toBeLessThan(0.05);
    expect(inkShare(renderPdfPage(turned, 5), middle)).toBeGreaterThan(0.9);
    await core.close();
  });

  it('refuses, before reading a byte, a dossier whose scans exceed what one export may hold in memory – and says to export some documents at a time', async () => {
    const dir = tempDir();
    const core = await newArchive(dir);
    const { archiveNumber } = await dossierWithScans(core);
    await core.close();
    // The store's record of one file made larger than one export may hold (its bytes are never read).
    const raw = await openRawDatabase(dir, ADMIN.login, ADMIN.password);
    raw.prepare('UPDATE scan_files SET size = ? WHERE id = (SELECT min(id) FROM scan_files)').run(MAX_EXPORT_SCAN_BYTES + 1);
    raw.close();
    const again = testCore(dir);
    await switchTo(again, ADMIN.login, ADMIN.password);
    const refused = await call(again, 'dossier:export', { archiveNumber });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageEn: expect.stringContaining('more than one export takes (1 GB): export some of its documents at a time') as unknown } });
    await again.close();
  });

  it('some documents only, or none; a document of another dossier is refused', async () => {
    const core = await newArchive(tempDir());
    const { archiveNumber, contract } = await dossierWithScans(core);
    expect(inspectPdf((await ok(core, 'dossier:export', { archiveNumber, documentIds: [contract] })).bytes).pages).toBe(4);
    expect(inspectPdf((await ok(core, 'dossier:export', { archiveNumber, scans: false })).bytes).pages).toBe(2);
    expect(await call(core, 'dossier:export', { archiveNumber, documentIds: [contract + 100] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await core.close();
  });

  it('is put together outside the queue: a call made while a long export runs is answered before it ends', async () => {
    const core = await newArchive(tempDir());
    const { archiveNumber } = await ok(core, 'dossier:create', { title: '大批扫描' });
    const ids = [];
    for (let i = 0; i < 30; i += 1) ids.push(await stageBytes(core, `p${i}.png`, samplePng({ width: 800, height: 1100, variant: i }), 'scan'));
    await ok(core, 'scan:add', { archiveNumber, stagedFileIds: ids });
    const order: string[] = [];
    const exporting = call(core, 'dossier:export', { archiveNumber }).then((result) => {
      order.push('export');
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await call(core, 'dossier:list', {}).then(() => order.push('list'));
    expect((await exporting).ok).toBe(true);
    expect(order).toEqual(['list', 'export']);
    const events = (await ok(core, 'audit:list', { action: 'dossier:export' })).items;
    expect(events[0]?.summary).toMatchObject({ scannedPages: 30 });
    await core.close();
  });

  it('a classified dossier exports what its approval covers: an approval for one document exports that one, no other', async () => {
    const core = await newArchive(tempDir());
    await ok(core, 'department:create', { code: 'XSB', name: '销售部' });
    await addUser(core, { login: 'clerk', roles: ['clerk'], departmentCode: 'XSB' });
    await addUser(core, { login: 'dm', roles: ['dept-manager'], departmentCode: 'XSB' });
    await addUser(core, { login: 'csm', roles: ['cs-manager'] });
    const { archiveNumber } = await ok(core, 'dossier:create', { title: '孙七 秘密档案', level: 2, departmentCode: 'XSB' });
    const stage = (name: string, bytes: Uint8Array) => stageBytes(core, name, bytes, 'scan');
    const [contract, invoice] = (await ok(core, 'scan:add', { archiveNumber, stagedFileIds: [await stage('合同.pdf', await samplePdf(2, 'CONTRACT-ONLY')), await stage('发票.pdf', await samplePdf(1, 'INVOICE-HIDDEN'))] })).documents;
    if (!contract || !invoice) throw new Error('two documents expected');
    await switchTo(core, 'clerk');
    const request = await ok(core, 'approval:request', { archiveNumber, kind: 'export', purpose: '核对合同', documentIds: [contract.id] });
    for (const approver of ['dm', 'csm']) {
      await switchTo(core, approver);
      await ok(core, 'approval:decide', { id: request.id, decision: 'approve' });
    }
    await switchTo(core, 'clerk');
    // The invoice was not approved: asked for by name, it is refused.
    expect(await call(core, 'dossier:export', { archiveNumber, documentIds: [invoice.id] })).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    const file = await ok(core, 'dossier:export', { archiveNumber });
    const text = inspectPdf(file.bytes).text;
    expect(text).toContain('CONTRACT-ONLY');
    expect(text).not.toContain('INVOICE-HIDDEN');
    expect(text).not.toContain('发票');
    // Used once.
    expect(await call(core, 'dossier:export', { archiveNumber, documentIds: [contract.id] })).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    await core.close();
  });

  it('takes a PDF with a blank page without content and a page turned by the PDF itself; refuses the file when the dossier changed while it was made', async () => {
    const core = await newArchive(tempDir());
    const { archiveNumber } = await ok(core, 'dossier:create', { title: '周八 维修档案' });
    const odd = await PDFDocument.create();
    odd.addPage([595, 842]); // no content stream at all
    odd.addPage([842, 595]).setRotation(degrees(90));
    await ok(core, 'scan:add', { archiveNumber, stagedFileIds: [await stageBytes(core, '空白页.pdf', await odd.save({ useObjectStreams: false }), 'scan')] });
    const pdf = inspectPdf((await ok(core, 'dossier:export', { archiveNumber })).bytes);
    expect(pdf.pages).toBe(4);
    expect(pdf.check).toContain('No syntax or stream encoding errors');

    const ids = [];
    for (let i = 0; i < 30; i += 1) ids.push(await stageBytes(core, `p${i}.png`, samplePng({ width: 800, height: 1100, variant: i }), 'scan'));
    const filed = await ok(core, 'scan:add', { archiveNumber, stagedFileIds: ids });
    const page = (await ok(core, 'scan:list', { archiveNumber })).documents.find((d) => d.documentId === filed.documents[0]?.id)?.pages[0];
    if (!page) throw new Error('no page');
    const exporting = call(core, 'dossier:export', { archiveNumber });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await ok(core, 'scan:rotate', { pageId: page.id, rotation: 180 });
    expect(await exporting).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await ok(core, 'audit:list', { action: 'dossier:export' })).items).toHaveLength(1);
    await core.close();
  });
});
