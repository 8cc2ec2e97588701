import { describe, expect, it } from 'vitest';
import { addUser, call, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { inspectPdf } from '../../../../tests/helpers/pdf';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();

async function twoDossiers() {
  const core = await newArchive(tempDir());
  const customer = await ok(core, 'dossier:create', { typeKey: 'property', fields: { customerName: '赵六', phone: '13700137000', garden: '翠苑', building: '3', unit: '2', room: '1501' } });
  const lawsuit = await ok(core, 'dossier:create', { typeKey: 'incident', fields: { customerName: '赵六', eventKind: '诉讼', eventDate: '2026-09-01' }, title: '赵六 购房合同纠纷' });
  return { core, customer: customer.archiveNumber, lawsuit: lawsuit.archiveNumber };
}

describe('cross-references between dossiers (XR-01…05)', () => {
  it('a link shows from both sides, each reading the relation its own way, and prints in the export', async () => {
    const { core, customer, lawsuit } = await twoDossiers();
    const detail = await ok(core, 'link:add', { archiveNumber: customer, otherArchiveNumber: lawsuit, relation: 'litigation', note: '结案文书复印件已入客户档案' });
    expect(detail.links).toEqual([
      expect.objectContaining({ relation: 'litigation', label: '诉讼案卷', rule: 'XR-02', note: '结案文书复印件已入客户档案', other: expect.objectContaining({ archiveNumber: lawsuit, title: '赵六 购房合同纠纷' }) as unknown }),
    ]);
    const fromCase = await ok(core, 'dossier:get', { archiveNumber: lawsuit });
    expect(fromCase.links).toEqual([expect.objectContaining({ label: '涉诉客户档案', other: expect.objectContaining({ archiveNumber: customer }) as unknown })]);

    const pdf = inspectPdf((await ok(core, 'dossier:export', { archiveNumber: customer })).bytes);
    expect(pdf.text).toContain('参见（相关档案）');
    expect(pdf.text).toContain(`诉讼案卷（XR-02） ${lawsuit}`);

    const [event] = (await ok(core, 'audit:list', { action: 'link:add' })).items;
    expect(event?.summary).toMatchObject({ other: lawsuit, relation: 'litigation' });
    await core.close();
  });

  it('refuses a second identical link (either direction) and a link to itself; another relation is fine', async () => {
    const { core, customer, lawsuit } = await twoDossiers();
    await ok(core, 'link:add', { archiveNumber: customer, otherArchiveNumber: lawsuit, relation: 'same-customer' });
    expect(await call(core, 'link:add', { archiveNumber: lawsuit, otherArchiveNumber: customer, relation: 'same-customer' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call(core, 'link:add', { archiveNumber: customer, otherArchiveNumber: customer, relation: 'other' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const both = await ok(core, 'link:add', { archiveNumber: lawsuit, otherArchiveNumber: customer, relation: 'litigation' });
    expect(both.links.map((l) => l.label)).toEqual(['同一客户的档案', '诉讼案卷']);
    await core.close();
  });

  it('removing from the other side takes it away from both', async () => {
    const { core, customer, lawsuit } = await twoDossiers();
    const [link] = (await ok(core, 'link:add', { archiveNumber: customer, otherArchiveNumber: lawsuit, relation: 'other' })).links;
    const after = await ok(core, 'link:remove', { archiveNumber: lawsuit, id: link?.id ?? 0 });
    expect(after.links).toEqual([]);
    expect((await ok(core, 'dossier:get', { archiveNumber: customer })).links).toEqual([]);
    expect(await call(core, 'link:remove', { archiveNumber: lawsuit, id: link?.id ?? 0 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Each dossier's history lists the link made and removed, wherever it was done from.
    for (const [number, other] of [[customer, lawsuit], [lawsuit, customer]]) {
      const history = (await ok(core, 'audit:list', { archiveNumber: number })).items;
      expect(history.filter((e) => e.action.startsWith('link:')).map((e) => [e.action, e.target?.label, e.summary?.other])).toEqual([
        ['link:remove', lawsuit, customer],
        ['link:add', customer, lawsuit],
      ]);
      expect(history.some((e) => e.target?.label === other && e.action === 'dossier:create')).toBe(false);
    }
    await core.close();
  });

  it('a link never reveals a dossier the reader may not see', async () => {
    const { core, customer } = await twoDossiers();
    const secret = await ok(core, 'dossier:create', { title: '赵六 绝密调查', level: 4 });
    await ok(core, 'link:add', { archiveNumber: customer, otherArchiveNumber: secret.archiveNumber, relation: 'other' });
    await addUser(core, { login: 'clerk', roles: ['clerk'], clearance: 1 });
    await switchTo(core, 'clerk');
    expect((await ok(core, 'dossier:get', { archiveNumber: customer })).links).toEqual([]);
    const hidden = await call(core, 'link:add', { archiveNumber: customer, otherArchiveNumber: secret.archiveNumber, relation: 'same-customer' });
    expect(hidden).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // An auditor of low clearance reads the customer's history: the link is there, the secret's number is not.
    await switchTo(core, 'admin', 'admin-password-1');
    await addUser(core, { login: 'auditor', roles: ['auditor'], clearance: 1 });
    await switchTo(core, 'auditor');
    const [event] = (await ok(core, 'audit:list', { archiveNumber: customer, action: 'link:add' })).items;
    expect(event?.summary).toMatchObject({ other: '（无权查看）', relation: 'other' });
    expect(JSON.stringify(await ok(core, 'audit:list', {}))).not.toContain(secret.archiveNumber);
    await core.close();
  });
});
