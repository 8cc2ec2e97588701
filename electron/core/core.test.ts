import { describe, expect, it, vi } from 'vitest';
import { contract, type Channel } from '../../shared/contract';
import { defaultTypes } from './services/types/default-types';
import { ADMIN, addUser, call, fakeDossierSummary, newArchive, ok, switchTo, testCore } from '../../tests/helpers/core';
import { useTempDirs } from '../../tests/helpers/temp-dir';
import { handlers } from './handlers';
import type { HandlerTable } from './handlers/types';

const tempDir = useTempDirs();

async function auditCount(core: Awaited<ReturnType<typeof newArchive>>): Promise<number> {
  return (await ok(core, 'archive:info', {})).counts.auditEvents;
}

describe('the handler wrapper', () => {
  it('answers invalid input with VALIDATION, naming the field in both languages', async () => {
    const core = await newArchive(tempDir());
    const result = await call(core, 'dossier:create', { title: '   ' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.issues?.[0]?.path).toBe('title');
    expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(result.error.messageEn).toMatch(/title/);

    const extra = await core.invoke('dossier:create', { title: 'x', unexpected: true }, 'ui');
    expect(extra).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const wrongType = await core.invoke('dossier:list', 'not an object', 'ui');
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await core.close();
  });

  it('answers UNAUTHENTICATED without a session, for every non-public channel', async () => {
    const core = await newArchive(tempDir());
    await ok(core, 'session:lock', {});
    for (const channel of Object.keys(contract) as Channel[]) {
      if (contract[channel].access === 'public') continue;
      const result = await core.invoke(channel, validInputFor(channel), 'ui');
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    await core.close();
  });

  it('writes one audit event with each mutation and none for reads', async () => {
    const core = await newArchive(tempDir());
    const start = await auditCount(core);
    await ok(core, 'dossier:list', {});
    await ok(core, 'settings:get', {});
    await ok(core, 'session:status', {});
    await ok(core, 'user:list', {});
    expect(await auditCount(core)).toBe(start);

    await ok(core, 'dossier:create', { title: '王五的售后档案' });
    expect(await auditCount(core)).toBe(start + 1);
    await ok(core, 'settings:update', { idleLockMinutes: 20 });
    expect(await auditCount(core)).toBe(start + 2);
    await addUser(core, { login: 'clerk1', displayName: '档案员甲', roles: ['clerk'] });
    expect(await auditCount(core)).toBe(start + 3);
    // A failed mutation writes nothing: no half record, no event.
    const failed = await call(core, 'user:create', { login: 'CLERK1', displayName: '重复', roles: ['clerk'], departmentCode: 'DAS', clearance: 1, password: 'clerk-password-2' });
    expect(failed).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await auditCount(core)).toBe(start + 3);
    await core.close();
  });

  it('refuses a channel the role does not grant with FORBIDDEN, and records the attempt', async () => {
    const dir = tempDir();
    const core = await newArchive(dir);
    await addUser(core, { login: 'scanner1', displayName: '扫描员甲', roles: ['scanner'] });
    await switchTo(core, 'scanner1');
    const before = await auditCount(core);
    expect(await call(core, 'dossier:create', { title: '不应创建' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(core, 'user:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await auditCount(core)).toBe(before + 2);
    expect((await ok(core, 'dossier:list', {})).total).toBe(0);
    await core.close();
  });

  it('reports an unknown channel as NOT_FOUND', async () => {
    const core = testCore(tempDir());
    expect(await core.invoke('dossier:drop-everything', {}, 'ui')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await core.close();
  });

  it('refuses a mutation handler that changes data without an audit event', async () => {
    const broken: HandlerTable = { ...handlers, 'dossier:create': () => ({ ...fakeDossierSummary }) };
    const core = await newArchive(tempDir(), { handlers: broken });
    expect(await call(core, 'dossier:create', { title: 'x' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    await core.close();
  });

  it('hides internal failures behind INTERNAL with both languages, and a reference to the log line with the cause', async () => {
    const failing: HandlerTable = {
      ...handlers,
      'dossier:list': () => {
        throw new Error('disk on fire');
      },
    };
    const logged: string[] = [];
    const core = await newArchive(tempDir(), { handlers: failing, log: (m) => logged.push(m) });
    const result = await call(core, 'dossier:list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/^内部错误（参考编号 E\d{8}-\d{4}-[0-9a-f]{4}，详见程序日志）$/) as string } });
    // The reference the user is shown finds the cause in the log.
    const reference = /E\d{8}-\d{4}-[0-9a-f]{4}/.exec(result.ok ? '' : result.error.messageEn)?.[0] ?? 'none';
    expect(result.ok ? '' : result.error.messageEn).toBe(`Internal error (reference ${reference}; see the program's log)`);
    expect(logged.find((line) => line.includes(reference))).toContain('disk on fire');
    await core.close();
  });
});

describe('sessions', () => {
  it('locks after the idle time, records why, and says so', async () => {
    let now = new Date('2026-11-22T09:00:00Z').getTime();
    const core = await newArchive(tempDir(), { now: () => new Date(now) });
    await ok(core, 'settings:update', { idleLockMinutes: 5 });
    now += 4 * 60_000;
    await ok(core, 'session:touch', {});
    now += 4 * 60_000;
    await ok(core, 'dossier:list', {}); // still within 5 minutes of the touch
    // The window learns how long is left, to warn the minute before; asking does not postpone it.
    now += 4 * 60_000;
    expect(await ok(core, 'session:status', {})).toMatchObject({ idleLockInMs: 60_000 });
    now += 30_000;
    expect(await ok(core, 'session:status', {})).toMatchObject({ idleLockInMs: 30_000 });
    now += 30_000;
    const status = await ok(core, 'session:status', {});
    expect(status).toEqual({ session: null, lockReason: 'idle', idleLockInMs: null });
    const refused = await call(core, 'dossier:list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    if (!refused.ok) expect(refused.error.message).toContain('自动锁定');

    await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    expect(await ok(core, 'session:status', {})).toMatchObject({ lockReason: null, session: { user: { login: 'admin' } } });
    await core.close();
  });

  it('locks in the background too, so the key does not stay in memory', async () => {
    let now = Date.now();
    const core = await newArchive(tempDir(), { now: () => new Date(now), idleCheckIntervalMs: 20 });
    await ok(core, 'settings:update', { idleLockMinutes: 1 });
    now += 61_000;
    // Asked with the clock set back, so the question itself finds nothing idle: only the background check can have locked.
    const statusNotIdle = async () => {
      now -= 61_000;
      try {
        return await ok(core, 'session:status', {});
      } finally {
        now += 61_000;
      }
    };
    await vi.waitFor(async () => expect(await statusNotIdle()).toEqual({ session: null, lockReason: 'idle', idleLockInMs: null }), { timeout: 5000, interval: 50 });
    await core.close();
  });

  it('is not kept alive by what the window asks on its own (notices due, the backup due)', async () => {
    let now = Date.now();
    const core = await newArchive(tempDir(), { now: () => new Date(now) });
    await ok(core, 'settings:update', { idleLockMinutes: 1 });
    now += 40_000;
    await ok(core, 'notice:check', {});
    await ok(core, 'backup:run-due', {});
    await ok(core, 'backup:status', {});
    now += 30_000;
    expect(await call(core, 'dossier:list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await ok(core, 'session:status', {})).toMatchObject({ session: null, lockReason: 'idle' });
    await core.close();
  });

  it('refuses a second sign-in while someone is signed in', async () => {
    const core = await newArchive(tempDir());
    expect(await call(core, 'session:login', { login: ADMIN.login, password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await core.close();
  });
});

const SOME_UUID = '6f1c2b9e-3d4a-4e5f-8a7b-9c0d1e2f3a4b';

/** A minimal valid input for each channel, so the test reaches the session check. */
function validInputFor(channel: Channel): unknown {
  const inputs: Partial<Record<Channel, unknown>> = {
    'dossier:create': { title: '档案' },
    'user:create': { login: 'someone', displayName: '某人', roles: ['staff'], departmentCode: 'DAS', clearance: 1, password: 'password-123' },
    'user:update': { login: 'someone' },
    'user:disable': { login: 'someone' },
    'user:enable': { login: 'someone', password: 'password-123' },
    'user:reset-password': { login: 'someone', password: 'password-123' },
    'user:unlock': { login: 'someone' },
    'department:create': { code: 'XSB', name: '销售部' },
    'department:update': { code: 'XSB' },
    'dossier:get': { archiveNumber: 'KH-2026-000001' },
    'dossier:classify': { archiveNumber: 'KH-2026-000001' },
    'dossier:preview-number': { typeKey: 'vehicle-new' },
    'dossier:update': { archiveNumber: 'KH-2026-000001', title: '档案' },
    'dossier:reveal-field': { archiveNumber: 'KH-2026-000001', fieldKey: 'idNumber' },
    'dossier:history': { archiveNumber: 'KH-2026-000001' },
    'user:custodian-candidates': { level: 3, departmentCode: 'DAS' },
    'document:add': { archiveNumber: 'KH-2026-000001', title: '合同' },
    'document:update': { id: 1, title: '合同' },
    'document:reorder': { archiveNumber: 'KH-2026-000001', groupKey: null, order: [1] },
    'document:remove': { id: 1 },
    'type:save': { definition: defaultTypes[0] },
    'dossier:export': { archiveNumber: 'KH-2026-000001' },
    'approval:request': { archiveNumber: 'KH-2026-000001', kind: 'export', purpose: '审计' },
    'approval:decide': { id: 1, decision: 'approve' },
    'approval:record-use': { id: 1 },
    'approval:withdraw': { id: 1 },
    'approval:get': { id: 1 },
    'approval:list': { archiveNumber: 'KH-2026-000001' },
    'loan:checkout': { requestId: 1, signature: { name: '张三' } },
    'loan:return': { loanId: 1, signature: { name: '张三' } },
    'loan:correct-return': { loanId: 1, findings: [], reason: '登记有误' },
    'loan:desk': { archiveNumber: 'KH-2026-000001' },
    'loan:period-limit': { archiveNumber: 'KH-2026-000001' },
    'intake:add': { fromDepartment: 'XSB', handedBy: { name: '张三' }, dossiers: [{ archiveNumber: 'KH-2026-000001' }], handedBySignature: { name: '张三' }, receiverSignature: { name: '李四' } },
    'intake:get': { id: 1 },
    'loan:get': { id: 1 },
    'notice:read': { ids: [1] },
    'register:export': { kind: 'loans', from: '2026-11-01', to: '2026-11-30', format: 'pdf' },
    'kpi:report': { month: '2026-11' },
    'violation:report': { month: '2026-11' },
    'audit:export': { format: 'csv' },
    'dossier:export-list': { format: 'xlsx' },
    'security:enable-separation': { securityAdmin: 'someone', securityAuditor: 'other' },
    'session:change-password': { currentPassword: 'a', newPassword: 'new-password-1' },
    'settings:update': { idleLockMinutes: 10 },
    'calendar:list': { year: 2026 },
    'calendar:set': { day: '2027-01-01', kind: 'holiday', name: '元旦' },
    'calendar:unset': { day: '2027-01-01' },
    'calendar:confirm-year': { year: 2027 },
    'link:add': { archiveNumber: 'KH-2026-000001', otherArchiveNumber: 'KH-2026-000002', relation: 'other' },
    'link:remove': { archiveNumber: 'KH-2026-000001', id: 1 },
    'location:create': { parentId: null, code: 'A', name: '一号库房' },
    'location:update': { id: 1 },
    'location:remove': { id: 1 },
    'dossier:set-location': { archiveNumber: 'KH-2026-000001', locationId: null },
    'customer:create': { kind: 'person', name: '张三' },
    'customer:get': { id: 1 },
    'customer:update': { id: 1 },
    'customer:reveal-id': { id: 1 },
    'customer:add-record': { id: 1, kind: 'call', recordedOn: '2026-11-01', text: '回访' },
    'dossier:link-customer': { archiveNumber: 'KH-2026-000001', customerId: 1 },
    'dossier:unlink-customer': { archiveNumber: 'KH-2026-000001', customerId: 1 },
    'view:save': { name: '我的视图', state: { columns: ['archiveNumber'] } },
    'view:remove': { id: 1 },
    'import:open': { stagedFileId: '00000000-0000-4000-8000-000000000000' },
    'import:suggest-mapping': { importId: SOME_UUID, typeKey: 'vehicle-new' },
    'import:check': { importId: SOME_UUID, typeKey: 'vehicle-new' },
    'import:report': { importId: SOME_UUID, typeKey: 'vehicle-new' },
    'import:run': { importId: SOME_UUID, typeKey: 'vehicle-new' },
    'import:progress': { importId: SOME_UUID },
    'import:cancel': { importId: SOME_UUID },
    'import:close': { importId: SOME_UUID },
    'staging:begin': { purpose: 'import', name: 'list.csv', size: 1 },
    'staging:append': { stagedFileId: SOME_UUID, offset: 0, bytes: new Uint8Array(1) },
    'staging:finish': { stagedFileId: SOME_UUID },
    'staging:discard': { stagedFileId: SOME_UUID },
    'scan:add': { archiveNumber: 'KH-2026-000001', stagedFileIds: [SOME_UUID] },
    'scan:list': { archiveNumber: 'KH-2026-000001' },
    'scan:file': { pageId: 1 },
    'scan:page-image': { pageId: 1, size: 'thumbnail' },
    'scan:rotate': { pageId: 1, rotation: 90 },
    'scan:reorder': { documentId: 1, order: [1] },
    'scan:move': { pageIds: [1], toDocumentId: 2 },
    'scan:remove': { pageIds: [1], reason: '重复' },
    'label:print': { archiveNumbers: ['KH-2026-000001'] },
    'label:cover-sheets': { archiveNumber: 'KH-2026-000001' },
    'inbox:checklist': { archiveNumber: 'KH-2026-000001' },
    'inbox:thumbnail': { name: 'scan_0001.jpg' },
    'inbox:file': { names: ['scan_0001.jpg'], archiveNumber: 'KH-2026-000001' },
    'inbox:discard': { names: ['scan_0001.jpg'] },
    'backup:create': { folder: '/media/backup' },
    'backup:list': { folder: '/media/backup' },
    'backup:verify': { file: '/media/backup/DossierDesk-备份-20261130-120000.ddbackup' },
    'stocktake:get': { id: 1 },
    'stocktake:start': { locationId: 1 },
    'stocktake:scan': { id: 1, code: 'KH-2026-000001' },
    'stocktake:finish': { id: 1, correctLocations: false },
    'stocktake:report': { id: 1, format: 'pdf' },
    'inspection:get': { id: 1 },
    'inspection:start': { locationId: null },
    'inspection:save-checks': { id: 1, checks: [] },
    'inspection:add-finding': { id: 1, archiveNumber: 'KH-2026-000001', kind: 'torn', note: '' },
    'inspection:edit-finding': { findingId: 1, archiveNumber: 'KH-2026-000001', kind: 'torn', note: '' },
    'inspection:remove-finding': { findingId: 1 },
    'inspection:add-photos': { findingId: 1, stagedFileIds: [SOME_UUID] },
    'inspection:remove-photo': { photoId: 1 },
    'inspection:photo': { photoId: 1, size: 'thumbnail' },
    'inspection:finish': { id: 1, inspectedOn: '2026-11-02', inspectors: ['王芳'] },
    'inspection:print': { id: 1 },
    'inspection:repair-order': { findingId: 1, instructions: '托裱' },
    'inspection:repair-outcome': { orderId: 1, outcome: 'repaired', repairedBy: '赵师傅', repairedOn: '2026-11-02' },
    'appraisal:decide': { decision: 'destroy', archiveNumbers: ['KH-2026-000001'], reason: '已过保管期限', committee: '张三、李四' },
    'disposal:get': { id: 1 },
    'disposal:create': { archiveNumbers: ['KH-2026-000001'], method: 'shredding' },
    'disposal:decide': { id: 1, decision: 'approve' },
    'disposal:carry-out': { id: 1, destroyedOn: '2026-11-30', witnesses: [{ login: 'wit-a', password: 'x' }, { login: 'wit-b', password: 'y' }] },
    'disposal:print': { id: 1 },
    'hold:of': { archiveNumber: 'KH-2026-000001' },
    'hold:place': { archiveNumber: 'KH-2026-000001', reason: '诉讼' },
    'hold:lift': { holdId: 1, reason: '结案' },
    'check:run': { scope: { kind: 'archive' } },
  };
  return inputs[channel] ?? {};
}
