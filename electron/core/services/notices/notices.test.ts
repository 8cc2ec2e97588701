import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, switchTo, testCore } from '../../../../tests/helpers/core';
import { useSuiteTempDir } from '../../../../tests/helpers/temp-dir';
import { damageSeenElsewhere, importRunningElsewhere } from '../../../../tests/helpers/write-refusals';
import type { NoticeView } from '../../../../shared/contract';
import type { Core } from '../../core';

const suiteDir = useSuiteTempDir();
/** The clock of the core under test: a Monday morning in Shanghai, moved on by the tests. */
let now = new Date('2026-11-02T09:00:00+08:00');
let core: Core;

async function check(login: string): Promise<NoticeView[]> {
  await switchTo(core, login);
  return (await ok(core, 'notice:check', {})).notices;
}

const kinds = (notices: NoticeView[]) => notices.map((n) => n.kind);
const escalated = (notices: NoticeView[], kind: NoticeView['kind']) => notices.filter((n) => n.kind === kind).map((n) => n.detail.borrower);

/** A loan of a new dossier of `department`, asked by the clerk for `borrower`, approved by `approver`, handed out now. */
async function lend(borrower: string, department: string, approver: string, days = 2): Promise<void> {
  await switchTo(core, ADMIN.login, ADMIN.password);
  const { archiveNumber } = await ok(core, 'dossier:create', { title: `${borrower} 借阅的档案`, level: 1, departmentCode: department });
  await switchTo(core, 'clerk');
  const request = await ok(core, 'approval:request', { archiveNumber, kind: 'loan', purpose: '核对', requester: borrower, days });
  await switchTo(core, approver);
  await ok(core, 'approval:decide', { id: request.id, decision: 'approve' });
  await switchTo(core, 'clerk');
  await ok(core, 'loan:checkout', { requestId: request.id, signature: { name: borrower } });
}

beforeAll(async () => {
  const dir = suiteDir();
  const setup = await newArchive(dir);
  await ok(setup, 'department:create', { code: 'YXZX', name: '营销中心' });
  await ok(setup, 'department:create', { code: 'XSB', name: '销售部', parentCode: 'YXZX' });
  await addUser(setup, { login: 'clerk', displayName: '档案员小王', roles: ['clerk'] });
  await addUser(setup, { login: 'head', displayName: '档案室主任', roles: ['dept-manager', 'clerk'] });
  await addUser(setup, { login: 'yxdm', displayName: '营销中心总监', roles: ['dept-manager'], departmentCode: 'YXZX' });
  await addUser(setup, { login: 'xsdm', displayName: '销售部经理', roles: ['dept-manager'], departmentCode: 'XSB' });
  await addUser(setup, { login: 'li', displayName: '销售小李', roles: ['staff'], departmentCode: 'XSB' });
  await addUser(setup, { login: 'gm', displayName: '总经理', roles: ['general-manager'] });
  await setup.close();
  core = testCore(dir, { now: () => now });
  await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
  // Due Wednesday 4 November; nobody looks at the notices before Thursday.
  await lend('li', 'XSB', 'xsdm');
  await lend('xsdm', 'XSB', 'yxdm');
  await lend('yxdm', 'YXZX', 'gm');
});

describe('overdue notices', () => {
  it('nobody checked before the due day: the overdue notice comes, once – no belated reminder beside it', async () => {
    now = new Date('2026-11-05T09:00:00+08:00');
    expect(kinds(await check('li'))).toEqual(['loan-overdue']);
    expect(kinds(await check('li'))).toEqual(['loan-overdue']);
  });

  it('a borrower who manages the department is not told of his own loan as its manager: the next level is', async () => {
    now = new Date('2026-11-06T09:00:00+08:00');
    const manager = await check('xsdm');
    expect(escalated(manager, 'loan-escalated-manager')).toEqual(['销售小李']);
    expect(kinds(manager.filter((n) => n.detail.borrower === '销售部经理'))).toEqual(['loan-overdue']);
    // The manager of the department above hears of the manager; at the top, the general manager.
    expect(escalated(await check('yxdm'), 'loan-escalated-manager')).toEqual(['销售部经理']);
    expect(escalated(await check('gm'), 'loan-escalated-manager')).toEqual(['营销中心总监']);
  });
});

describe('notice:check when the archive cannot be written', () => {
  it('lists the notices during another program’s import, and issues what is due after it', async () => {
    now = new Date('2026-11-10T09:00:00+08:00');
    const importing = importRunningElsewhere(suiteDir());
    try {
      const list = await check('li');
      expect(kinds(list)).toEqual(['loan-overdue']);
      expect(await call(core, 'notice:read', { ids: [list[0]?.id ?? 0] })).toMatchObject({ ok: false, error: { code: 'ARCHIVE_BUSY' } });
      expect(await check('head')).toEqual([]);
    } finally {
      importing.end();
    }
    expect(escalated(await check('head'), 'loan-escalated-head').sort()).toEqual(['营销中心总监', '销售部经理', '销售小李'].sort());
  });

  it('lists the notices while damage is recorded, and issues what is due once it is repaired', async () => {
    now = new Date('2026-11-30T09:00:00+08:00');
    await lend('head', 'XSB', 'gm', 1);
    const damage = damageSeenElsewhere(suiteDir());
    try {
      const list = await check('head');
      expect(kinds(list)).toEqual(['loan-escalated-head', 'loan-escalated-head', 'loan-escalated-head']);
      expect(await call(core, 'notice:read', { ids: [list[0]?.id ?? 0] })).toMatchObject({ ok: false, error: { code: 'ARCHIVE_DAMAGED' } });
    } finally {
      damage.clear();
    }
    expect(kinds(await check('head'))[0]).toBe('loan-reminder');
  });
});
