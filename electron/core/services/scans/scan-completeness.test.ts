import { beforeEach, describe, expect, it } from 'vitest';
import type { ChecklistEvidence, TypeDefinition } from '../../../../shared/dossier-types';
import { newArchive, ok, stageBytes } from '../../../../tests/helpers/core';
import { samplePng } from '../../../../tests/helpers/scan-files';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';

const tempDir = useTempDirs();
let core: Core;
let archiveNumber: string;

/** vehicle-service with its reception sheet asking for the given evidence. */
async function receptionSheetNeeds(evidence: ChecklistEvidence): Promise<void> {
  const current = (await ok(core, 'type:list', {})).find((t) => t.key === 'vehicle-service');
  if (!current) throw new Error('no vehicle-service');
  const { version: _version, active: _active, ...definition } = current;
  const changed: TypeDefinition = { ...definition, checklist: definition.checklist.map((item) => (item.key === 'receptionSheet' ? { ...item, evidence } : item)) };
  await ok(core, 'type:save', { definition: changed });
  await ok(core, 'department:create', { code: 'SHB', name: '售后部' });
  archiveNumber = (await ok(core, 'dossier:create', { typeKey: 'vehicle-service', fields: { customerName: '王五', phone: '13900139000', plate: '沪A12345', serviceDate: '2026-09-30' }, departmentCode: 'SHB' })).archiveNumber;
}

const receptionSheet = async () => {
  const detail = await ok(core, 'dossier:get', { archiveNumber });
  const status = detail.checklist.find((c) => c.item.key === 'receptionSheet');
  const listed = (await ok(core, 'dossier:list', { query: archiveNumber })).items.find((d) => d.archiveNumber === archiveNumber);
  return { satisfied: status?.satisfied, scannedPages: status?.scannedPages, missing: detail.missingItems.some((m) => m.key === 'receptionSheet'), listedMissing: listed?.missingCount };
};

const scanOnto = async (documentId: number) => ok(core, 'scan:add', { archiveNumber, documentId, stagedFileIds: [await stageBytes(core, '接车单.png', samplePng(), 'scan')] });

beforeEach(async () => {
  core = await newArchive(tempDir());
});

describe('completeness per checklist item: paper, scan, or an original scanned', () => {
  it('paper (the default): the document registered fulfils the item, scans or not', async () => {
    await receptionSheetNeeds('paper');
    await ok(core, 'document:add', { archiveNumber, checklistItem: 'receptionSheet', pages: 1 });
    expect(await receptionSheet()).toMatchObject({ satisfied: true, missing: false, scannedPages: 0 });
  });

  it('scan: the paper alone leaves it missing – in the dossier and the list; its scan fulfils it; the page taken out again leaves it missing', async () => {
    await receptionSheetNeeds('scan');
    const before = await receptionSheet();
    const filed = await ok(core, 'document:add', { archiveNumber, checklistItem: 'receptionSheet', pages: 1 });
    const document = filed.documents.find((d) => d.checklistItem === 'receptionSheet');
    if (!document) throw new Error('not filed');
    expect(await receptionSheet()).toEqual({ satisfied: false, scannedPages: 0, missing: true, listedMissing: before.listedMissing });
    await scanOnto(document.id);
    const scanned = await receptionSheet();
    expect(scanned).toMatchObject({ satisfied: true, scannedPages: 1, missing: false });
    expect(scanned.listedMissing).toBe((before.listedMissing ?? 0) - 1);
    const page = (await ok(core, 'scan:list', { archiveNumber })).documents.find((d) => d.documentId === document.id)?.pages[0];
    if (!page) throw new Error('no page');
    await ok(core, 'scan:remove', { pageIds: [page.id], reason: '扫错' });
    expect(await receptionSheet()).toMatchObject({ satisfied: false, scannedPages: 0, missing: true });
  });

  it('both: a scanned copy does not fulfil it; a scanned original does', async () => {
    await receptionSheetNeeds('both');
    const copy = (await ok(core, 'document:add', { archiveNumber, checklistItem: 'receptionSheet', pages: 1, form: 'copy' })).documents.find((d) => d.checklistItem === 'receptionSheet');
    if (!copy) throw new Error('not filed');
    await scanOnto(copy.id);
    expect(await receptionSheet()).toMatchObject({ satisfied: false, scannedPages: 1, missing: true });
    await ok(core, 'document:update', { id: copy.id, form: 'original' });
    expect(await receptionSheet()).toMatchObject({ satisfied: true, missing: false });
  });
});
