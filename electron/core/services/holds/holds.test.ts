import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, stageBytes, switchTo } from '../../../../tests/helpers/core';
import { expectSummariesInWords } from '../../../../tests/helpers/audit-words';
import { samplePng } from '../../../../tests/helpers/scan-files';
import { serviceDossier } from '../../../../tests/helpers/scan-dossier';
import { useSuiteTempDir } from '../../../../tests/helpers/temp-dir';
import { openRawDb } from '../../../../tests/helpers/raw-db';
import { findDossierIdByNumber } from '../../../../db/repositories/dossiers';
import type { Db } from '../../../../db/open';
import { can, roles, type Role } from '../../../../shared/permissions';
import type { Core } from '../../core';
import { requireNotHeld } from './hold-guard';

const suiteDir = useSuiteTempDir();
let core: Core;
let held = '';
let other = '';
let pageIds: number[] = [];

const as = (login: string) => switchTo(core, login, login === ADMIN.login ? ADMIN.password : undefined);
let db: Db;

/** The appraisal's and the disposal's check, called as they call it. */
const guardOn = (archiveNumber: string) => () => requireNotHeld(db, [{ id: findDossierIdByNumber(db, archiveNumber) ?? 0, archiveNumber }]);

beforeAll(async () => {
  const dir = suiteDir();
  core = await newArchive(dir);
  db = await openRawDb(dir, ADMIN.login, ADMIN.password);
  held = await serviceDossier(core);
  other = (await ok(core, 'dossier:create', { title: '另一份档案' })).archiveNumber;
  const filing = await ok(core, 'scan:add', { archiveNumber: held, stagedFileIds: [await stageBytes(core, '照片1.png', samplePng(), 'scan'), await stageBytes(core, '照片2.png', samplePng({ variant: 1 }), 'scan')] });
  pageIds = (await ok(core, 'scan:list', { archiveNumber: held })).documents.flatMap((d) => d.pages.map((p) => p.id));
  expect(filing.files).toHaveLength(2);
  await addUser(core, { login: 'clerk', roles: ['clerk'] });
  await addUser(core, { login: 'fawu', roles: ['legal'] });
  await addUser(core, { login: 'staff', roles: ['staff'] });
});

afterAll(() => db.$client.close());

describe('who may place and lift a legal hold', () => {
  it('clerk, legal officer and general manager place; only the legal officer and general manager lift; no separated administrator does either', () => {
    const placers = roles.filter((role) => can([role], 'hold.place'));
    const lifters = roles.filter((role) => can([role], 'hold.lift'));
    expect(placers).toEqual<Role[]>(['clerk', 'general-manager', 'legal']);
    expect(lifters).toEqual<Role[]>(['general-manager', 'legal']);
    for (const role of ['admin', 'security-admin', 'security-auditor'] as const) {
      expect(can([role, 'legal'], 'hold.place', true)).toBe(false);
      expect(can([role, 'legal'], 'hold.lift', true)).toBe(false);
    }
    expect(can(['legal'], 'hold.lift', true)).toBe(true);
  });
});

describe('a legal hold (诉讼保全)', () => {
  it('refuses page removal and the appraisal guard while in force, is shown on the dossier and in the list, and allows both once lifted; every act audited', async () => {
    await as('staff');
    expect(await call(core, 'hold:place', { archiveNumber: held, reason: '合同纠纷', caseNumber: '(2026)沪0101民初123号' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await as('clerk');
    const hold = await ok(core, 'hold:place', { archiveNumber: held, reason: '法院调取证据通知', caseNumber: '(2026)沪0101民初123号' });
    expect(hold).toMatchObject({ archiveNumber: held, reason: '法院调取证据通知', caseNumber: '(2026)沪0101民初123号', placedBy: 'clerk', lift: null });
    // The same case twice is one hold too many; an unrelated dossier is untouched.
    expect(await call(core, 'hold:place', { archiveNumber: held, reason: '再次', caseNumber: '(2026)沪0101民初123号' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    expect(guardOn(held)).toThrow(/under legal hold/);
    expect(guardOn(other)).not.toThrow();
    const refused = await call(core, 'scan:remove', { pageIds: [pageIds[0] ?? 0], reason: '重复扫描' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'LEGAL_HOLD' } });
    if (!refused.ok) expect(refused.error.message).toContain(held);
    const documentId = (await ok(core, 'dossier:get', { archiveNumber: held })).documents[0]?.id ?? 0;
    expect(await call(core, 'document:remove', { id: documentId })).toMatchObject({ ok: false, error: { code: 'LEGAL_HOLD' } });

    // Visible: the flag on the dossier, the list's filter, the register.
    expect((await ok(core, 'dossier:get', { archiveNumber: held })).held).toBe(true);
    expect((await ok(core, 'dossier:get', { archiveNumber: other })).held).toBe(false);
    const listed = await ok(core, 'dossier:list', { filters: { held: true } });
    expect(listed.items.map((d) => [d.archiveNumber, d.held])).toEqual([[held, true]]);
    expect(listed.total).toBe(1);
    expect((await ok(core, 'hold:list', {})).map((h) => h.archiveNumber)).toEqual([held]);

    // The clerk may not lift it; the legal officer may.
    expect(await call(core, 'hold:lift', { holdId: hold.id, reason: '结案' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await as('fawu');
    const lifted = await ok(core, 'hold:lift', { holdId: hold.id, reason: '案件已审结' });
    expect(lifted.lift).toMatchObject({ reason: '案件已审结', liftedBy: 'fawu' });
    expect(await call(core, 'hold:lift', { holdId: hold.id, reason: '再解' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    expect(guardOn(held)).not.toThrow();
    expect((await ok(core, 'dossier:list', { filters: { held: true } })).items).toEqual([]);
    expect(await ok(core, 'hold:list', {})).toEqual([]);
    expect((await ok(core, 'hold:of', { archiveNumber: held })).map((h) => [h.id, h.lift?.reason ?? null])).toEqual([[hold.id, '案件已审结']]);

    await as('clerk');
    await ok(core, 'scan:remove', { pageIds: [pageIds[0] ?? 0], reason: '重复扫描' });

    await as(ADMIN.login);
    const trail = (await ok(core, 'audit:list', { action: 'hold:' })).items;
    expectSummariesInWords(trail);
    expect(trail.map((e) => [e.action, e.target?.label])).toEqual([
      ['hold:lift', held],
      ['hold:place', held],
    ]);
  });

  it('keeps a second case as a second hold: the dossier stays held until both are lifted; a hidden dossier cannot be held', async () => {
    await as('clerk');
    const first = await ok(core, 'hold:place', { archiveNumber: other, reason: '仲裁' });
    const second = await ok(core, 'hold:place', { archiveNumber: other, reason: '另案', caseNumber: '(2026)沪02民终9号' });
    expect(first.caseNumber).toBeNull();
    await as('fawu');
    await ok(core, 'hold:lift', { holdId: first.id, reason: '仲裁结束' });
    expect(guardOn(other)).toThrow(/under legal hold/);
    await ok(core, 'hold:lift', { holdId: second.id, reason: '终审' });
    expect(guardOn(other)).not.toThrow();
    expect(await call(core, 'hold:place', { archiveNumber: 'NO-SUCH-1', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
