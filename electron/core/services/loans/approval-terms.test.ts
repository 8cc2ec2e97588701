import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, switchTo, testCore } from '../../../../tests/helpers/core';
import { useSuiteTempDir } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';

const suiteDir = useSuiteTempDir();
/** The clock of the core under test: a Monday morning in Shanghai, moved on by the tests. */
let now = new Date('2026-11-02T09:00:00+08:00');
let core: Core;
let archiveNumber = '';
const ids = { li: 0, zhou: 0, wu: 0, loan: 0 };
const at = (text: string) => new Date(text).toISOString();

async function approved(requester: string, kind: 'loan' | 'consultation'): Promise<number> {
  await switchTo(core, 'clerk');
  const request = await ok(core, 'approval:request', { archiveNumber, kind, purpose: `${requester} ${kind}`, requester, days: 1 });
  await switchTo(core, 'xsdm');
  await ok(core, 'approval:decide', { id: request.id, decision: 'approve' });
  await switchTo(core, 'clerk');
  return request.id;
}

const notices = async (login: string) => {
  await switchTo(core, login);
  return (await ok(core, 'notice:check', {})).notices.map((n) => n.kind);
};

beforeAll(async () => {
  const dir = suiteDir();
  const setup = await newArchive(dir);
  await ok(setup, 'department:create', { code: 'XSB', name: '销售部' });
  await addUser(setup, { login: 'clerk', displayName: '档案员小王', roles: ['clerk'] });
  await addUser(setup, { login: 'xsdm', displayName: '销售部经理', roles: ['dept-manager'], departmentCode: 'XSB' });
  for (const [login, name] of [['li', '销售小李'], ['zhou', '销售小周'], ['wu', '销售小吴']] as const) await addUser(setup, { login, displayName: name, roles: ['staff'], departmentCode: 'XSB' });
  archiveNumber = (await ok(setup, 'dossier:create', { title: '张三 新车档案', level: 1, departmentCode: 'XSB' })).archiveNumber;
  await setup.close();
  core = testCore(dir, { now: () => now });
  await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
});

describe('the days of a loan or consultation approval run while the dossier is there for it (approvalValidDays: 7)', () => {
  it('the first approval in the queue has its days; those behind it, or waiting while the dossier is out, keep their place', async () => {
    ids.li = await approved('li', 'loan');
    expect(await ok(core, 'approval:get', { id: ids.li })).toMatchObject({ state: 'approved', validUntil: at('2026-11-09T09:00:00+08:00') });
    ids.loan = (await ok(core, 'loan:checkout', { requestId: ids.li, signature: { name: '李' } })).id;
    ids.zhou = await approved('zhou', 'consultation');
    ids.wu = await approved('wu', 'loan');
    for (const id of [ids.zhou, ids.wu]) expect(await ok(core, 'approval:get', { id })).toMatchObject({ state: 'approved', validUntil: null });
  });

  it('still waiting eighteen days later, in the same order', async () => {
    now = new Date('2026-11-20T09:00:00+08:00');
    await switchTo(core, 'clerk');
    const desk = await ok(core, 'loan:desk', { archiveNumber });
    expect(desk.queue.map((q) => [q.requesterLogin, q.state])).toEqual([
      ['zhou', 'approved'],
      ['wu', 'approved'],
    ]);
    // Still under way on the requester's workbench.
    await switchTo(core, 'zhou');
    expect((await ok(core, 'workbench:get', {})).myRequests.items.map((r) => [r.id, r.state])).toEqual([[ids.zhou, 'approved']]);
    await switchTo(core, 'clerk');
  });

  it('on return the first waiting approval gets its days from now; the one behind it still waits', async () => {
    await ok(core, 'loan:return', { loanId: ids.loan, signature: { name: '李' } });
    expect(await ok(core, 'approval:get', { id: ids.zhou })).toMatchObject({ state: 'approved', validUntil: at('2026-11-27T09:00:00+08:00') });
    expect(await ok(core, 'approval:get', { id: ids.wu })).toMatchObject({ state: 'approved', validUntil: null });
  });

  it('an approval not used in its days expires: its requester is told once, and the next in the queue gets its days', async () => {
    now = new Date('2026-11-28T10:00:00+08:00');
    expect(await notices('zhou')).toEqual(['approval-expired', 'queue-turn']);
    expect(await notices('zhou')).toEqual(['approval-expired', 'queue-turn']);
    await switchTo(core, 'zhou');
    const [expired] = (await ok(core, 'notice:check', {})).notices;
    expect(expired).toMatchObject({ detail: { requestId: ids.zhou, archiveNumber, expiredOn: '2026-11-27' } });
    expect(await ok(core, 'approval:get', { id: ids.zhou })).toMatchObject({ state: 'expired' });
    expect(await ok(core, 'approval:get', { id: ids.wu })).toMatchObject({ state: 'approved', validUntil: at('2026-12-05T10:00:00+08:00') });
    expect(await notices('wu')).toEqual([]);
    await switchTo(core, 'clerk');
    expect(await call(core, 'loan:checkout', { requestId: ids.zhou, signature: { name: '周' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    ids.loan = (await ok(core, 'loan:checkout', { requestId: ids.wu, signature: { name: '吴' } })).id;
  });

  it('an approval withdrawn while first in the queue passes its turn – and the days – to the next', async () => {
    const li = await approved('li', 'consultation');
    const zhou = await approved('zhou', 'consultation');
    now = new Date('2026-11-30T09:00:00+08:00');
    await switchTo(core, 'clerk');
    await ok(core, 'loan:return', { loanId: ids.loan, signature: { name: '吴' } });
    expect(await ok(core, 'approval:get', { id: li })).toMatchObject({ validUntil: at('2026-12-07T09:00:00+08:00') });
    await switchTo(core, 'li');
    await ok(core, 'approval:withdraw', { id: li });
    expect(await ok(core, 'approval:get', { id: li })).toMatchObject({ state: 'withdrawn' });
    await switchTo(core, 'clerk');
    expect(await ok(core, 'approval:get', { id: zhou })).toMatchObject({ state: 'approved', validUntil: at('2026-12-07T09:00:00+08:00') });
  });
});
