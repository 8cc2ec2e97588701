import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, switchTo, testCore } from '../../../../tests/helpers/core';
import { openRawDatabase } from '../../../../tests/helpers/raw-archive';
import { inspectPdf } from '../../../../tests/helpers/pdf';
import { useSuiteTempDir } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';

const suiteDir = useSuiteTempDir();
/** The clock of the core under test: a Monday morning in Shanghai, moved on by the tests. */
let now = new Date('2026-11-02T09:00:00+08:00');
let core: Core;
let archiveNumber = '';
let second = '';
const signature = (name: string) => ({ name });

async function asUser(login: string): Promise<void> {
  await switchTo(core, login, login === ADMIN.login ? ADMIN.password : undefined);
}

async function approvedLoan(requester: string, dossier = archiveNumber, days = 2): Promise<number> {
  await asUser('clerk');
  const request = await ok(core, 'approval:request', { archiveNumber: dossier, kind: 'loan', purpose: `${requester} 借阅`, requester, days });
  await asUser('xsdm');
  await ok(core, 'approval:decide', { id: request.id, decision: 'approve' });
  await asUser('clerk');
  return request.id;
}

beforeAll(async () => {
  const dir = suiteDir();
  const setup = await newArchive(dir);
  await ok(setup, 'department:create', { code: 'XSB', name: '销售部' });
  await addUser(setup, { login: 'clerk', displayName: '档案员小王', roles: ['clerk'] });
  // The archive head manages the archive office and, as its clerks, sees every department's dossiers.
  await addUser(setup, { login: 'head', displayName: '档案室主任', roles: ['dept-manager', 'clerk'] });
  await addUser(setup, { login: 'xsdm', displayName: '销售部经理', roles: ['dept-manager'], departmentCode: 'XSB' });
  for (const [login, name] of [['li', '销售小李'], ['zhou', '销售小周'], ['wu', '销售小吴']]) await addUser(setup, { login: login ?? '', displayName: name ?? '', roles: ['staff'], departmentCode: 'XSB' });
  archiveNumber = (await ok(setup, 'dossier:create', { title: '张三 新车档案', level: 1, departmentCode: 'XSB' })).archiveNumber;
  second = (await ok(setup, 'dossier:create', { title: '李四 新车档案', level: 1, departmentCode: 'XSB' })).archiveNumber;
  await ok(setup, 'document:add', { archiveNumber, title: '销售合同', pages: 12 });
  await ok(setup, 'document:add', { archiveNumber, title: '购车发票', pages: 1 });
  // Approvals are valid for the default 7 days: one waiting in the queue while the dossier is out (8 days, below) keeps its place.
  await setup.close();
  core = testCore(dir, { now: () => now });
  await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
});

describe('the lending state machine', () => {
  it('hands out only approved requests, first come first served, and records what went out', async () => {
    await asUser('clerk');
    const pending = await ok(core, 'approval:request', { archiveNumber, kind: 'loan', purpose: '核对合同', requester: 'li', days: 2 });
    expect(await call(core, 'loan:checkout', { requestId: pending.id, signature: signature('李') })).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    const later = await ok(core, 'approval:request', { archiveNumber, kind: 'consultation', purpose: '查阅发票', requester: 'zhou' });
    await asUser('xsdm');
    await ok(core, 'approval:decide', { id: later.id, decision: 'approve' });
    await ok(core, 'approval:decide', { id: pending.id, decision: 'approve' });
    await asUser('clerk');
    const desk = await ok(core, 'loan:desk', { archiveNumber });
    expect(desk.queue.map((q) => [q.position, q.requester, q.requesterLogin, q.state])).toEqual([
      [1, '销售小李', 'li', 'approved'],
      [2, '销售小周', 'zhou', 'approved'],
    ]);
    // The requester sees the place in the queue on the request itself.
    expect((await ok(core, 'approval:get', { id: later.id })).queue).toEqual({ position: 2, of: 2, dueBack: null });
    expect(await call(core, 'loan:checkout', { requestId: later.id, signature: signature('周') })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('先来后到') as unknown } });
    const loan = await ok(core, 'loan:checkout', { requestId: pending.id, signature: { name: '李某', image: 'data:image/png;base64,iVBORw0KGgo=' } });
    expect(loan).toMatchObject({ state: 'out', dueOn: '2026-11-04', pagesOut: 13, borrower: { login: 'li' }, borrowerSignature: { name: '李某', drawn: true } });
    expect(loan.documents.map((d) => d.title)).toEqual(['销售合同', '购车发票']);
    // Where is it now: its home location stays, the holder is shown.
    expect(await ok(core, 'dossier:get', { archiveNumber })).toMatchObject({ status: 'on-loan', holder: { name: '销售小李（销售部）', dueOn: '2026-11-04', kind: 'loan' } });
    // Used once; the dossier is out: the next in the queue waits, its days not running.
    expect(await call(core, 'loan:checkout', { requestId: pending.id, signature: signature('李') })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await ok(core, 'approval:get', { id: later.id })).toMatchObject({ state: 'approved', validUntil: null, queue: { position: 1, of: 1, dueBack: '2026-11-04' } });
    expect((await ok(core, 'approval:get', { id: pending.id })).queue).toBeNull();
    expect(await call(core, 'loan:checkout', { requestId: later.id, signature: signature('周') })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已借出') as unknown } });
  });

  it('reminds before the due day, then escalates overdue loans once each – borrower, their manager, the archive head', async () => {
    const notices = async (login: string) => {
      await asUser(login);
      return (await ok(core, 'notice:check', {})).notices.map((n) => n.kind);
    };
    now = new Date('2026-11-03T09:00:00+08:00');
    expect(await notices('li')).toEqual(['loan-reminder']);
    expect(await notices('li')).toEqual(['loan-reminder']);
    now = new Date('2026-11-05T09:00:00+08:00'); // a day late, not yet a full working day
    expect(await notices('li')).toEqual(['loan-overdue', 'loan-reminder']);
    expect(await notices('xsdm')).toEqual([]);
    now = new Date('2026-11-06T09:00:00+08:00');
    expect(await notices('xsdm')).toEqual(['loan-escalated-manager']);
    expect(await notices('head')).toEqual([]);
    now = new Date('2026-11-09T09:00:00+08:00'); // Monday: the weekend does not count – the third working day late
    expect(await notices('head')).toEqual([]);
    now = new Date('2026-11-10T09:00:00+08:00');
    expect(await notices('head')).toEqual(['loan-escalated-head']);
    expect(await notices('xsdm')).toEqual(['loan-escalated-manager']);
    const list = await ok(core, 'notice:check', {});
    await ok(core, 'notice:read', { ids: list.notices.map((n) => n.id) });
    expect((await ok(core, 'notice:check', {})).unread).toBe(0);
    await asUser('clerk');
    const overdue = await ok(core, 'loan:list', { state: 'overdue' });
    expect(overdue.loans.map((l) => [l.archiveNumber, l.overdueDays])).toEqual([[archiveNumber, 6]]);
  });

  it('will not lend to a borrower holding an overdue loan', async () => {
    const requestId = await approvedLoan('li', second);
    const refused = await call(core, 'loan:checkout', { requestId, signature: signature('李') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(refused.ok ? '' : refused.error.message).toContain(archiveNumber);
  });

  it('takes it back against what went out: pages missing are a finding; the next in the queue is told', async () => {
    await asUser('clerk');
    const [open] = (await ok(core, 'loan:list', { state: 'open', archiveNumber })).loans;
    if (!open) throw new Error('no open loan');
    const contract = open.documents.find((d) => d.title === '销售合同');
    if (!contract) throw new Error('no contract');
    expect(await call(core, 'loan:return', { loanId: open.id, findings: [{ documentId: contract.id, issue: 'pages-missing', pagesBack: 12 }], signature: signature('李某') })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'findings.0.pagesBack' }] },
    });
    expect(await call(core, 'loan:return', { loanId: open.id, findings: [{ documentId: 99_999, issue: 'missing' }], signature: signature('李某') })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'findings.0.documentId' }] },
    });
    const back = await ok(core, 'loan:return', { loanId: open.id, findings: [{ documentId: contract.id, issue: 'pages-missing', pagesBack: 10, note: '缺第 11、12 页' }], signature: signature('李某') });
    expect(back).toMatchObject({ state: 'returned', overdueDays: 6, returned: { receivedBy: { login: 'clerk' }, findings: [{ title: '销售合同', pagesOut: 12, pagesBack: 10 }] } });
    expect(await call(core, 'loan:return', { loanId: open.id, signature: signature('李某') })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await ok(core, 'dossier:get', { archiveNumber })).toMatchObject({ status: 'in-archive', holder: null });
    // The two pages turn up in the invoice's folder: a correction, with its reason, refers to the return; the return stays as written.
    expect(await call(core, 'loan:correct-return', { loanId: open.id, findings: [], reason: ' ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'reason' }] } });
    expect(await call(core, 'loan:correct-return', { loanId: open.id, findings: [{ documentId: 99_999, issue: 'missing' }], reason: '登记有误' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'findings.0.documentId' }] } });
    const corrected = await ok(core, 'loan:correct-return', { loanId: open.id, findings: [], reason: '第 11、12 页夹在发票中，已找到' });
    expect(corrected.returned).toMatchObject({ findings: [], recordedFindings: [{ title: '销售合同', pagesBack: 10 }], corrections: [{ by: { login: 'clerk' }, reason: '第 11、12 页夹在发票中，已找到', findings: [] }] });
    await asUser('zhou');
    expect((await ok(core, 'notice:check', {})).notices.map((n) => n.kind)).toEqual(['queue-turn']);
    // Eight days in the queue behind the loan: the approval's days start now that the dossier is back.
    const [turn] = (await ok(core, 'approval:mine', {})).requests;
    expect(turn).toMatchObject({ state: 'approved', validUntil: new Date('2026-11-17T09:00:00+08:00').toISOString() });
  });

  it('renews only with a new approval: the old entry is closed, a new one opened with a new due day', async () => {
    await asUser('clerk');
    const [zhouTurn] = (await ok(core, 'loan:desk', { archiveNumber })).queue;
    if (!zhouTurn) throw new Error('no queue');
    const first = await ok(core, 'loan:checkout', { requestId: zhouTurn.requestId, signature: signature('周某') });
    expect(first).toMatchObject({ kind: 'consultation', dueOn: '2026-11-11' });
    // A consultation is not renewed by a loan request of someone else.
    const wu = await approvedLoan('wu');
    expect(await call(core, 'loan:checkout', { requestId: wu, signature: signature('吴') })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await ok(core, 'loan:return', { loanId: first.id, signature: signature('周某') });
    const held = await ok(core, 'loan:checkout', { requestId: wu, signature: signature('吴某') });
    const renewal = await approvedLoan('wu', archiveNumber, 3);
    now = new Date('2026-11-11T09:00:00+08:00');
    await asUser('clerk');
    const renewed = await ok(core, 'loan:checkout', { requestId: renewal, signature: signature('吴某') });
    // Three days from Wednesday is a Saturday: due on the next working day.
    expect(renewed).toMatchObject({ state: 'out', dueOn: '2026-11-16', borrower: { login: 'wu' } });
    const history = (await ok(core, 'loan:list', { archiveNumber })).loans;
    expect(history.find((l) => l.id === held.id)).toMatchObject({ state: 'returned', returned: { note: null, continuedBy: { loanId: renewed.id, how: 'renewal' } } });
    expect(renewed.continues).toEqual({ loanId: held.id, how: 'renewal' });
  });

  it('passes a loan on to the next approved requester, who acknowledges it; the holder signs it over (转借)', async () => {
    await asUser('clerk');
    const [held] = (await ok(core, 'loan:list', { state: 'open', archiveNumber })).loans;
    if (!held) throw new Error('no loan out');
    const next = await approvedLoan('zhou', archiveNumber, 1);
    expect(await call(core, 'loan:checkout', { requestId: next, signature: signature('周某') })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const passed = await ok(core, 'loan:checkout', { requestId: next, signature: signature('周某'), handedOverBy: signature(held.borrower?.displayName ?? '') });
    expect(passed).toMatchObject({ state: 'out', borrower: { login: 'zhou' }, borrowerSignature: { name: '周某' } });
    const before = (await ok(core, 'loan:list', { archiveNumber })).loans.find((l) => l.id === held.id);
    expect(before).toMatchObject({ state: 'returned', returned: { returnerSignature: { name: held.borrower?.displayName }, continuedBy: { loanId: passed.id, how: 'pass-on' } } });
    expect(passed.continues).toEqual({ loanId: held.id, how: 'pass-on' });
    // The printed register says so in words.
    const printed = await ok(core, 'register:export', { kind: 'loans', from: '2026-11-01', to: '2026-11-30', format: 'pdf' });
    const text = inspectPdf(printed.bytes).text.replace(/\s+/g, '');
    expect(text).toContain(`转借，转入登记${passed.id}`);
    // Nothing to pass on once it is back.
    await ok(core, 'loan:return', { loanId: passed.id, signature: signature('周某') });
    const again = await approvedLoan('li', archiveNumber, 1);
    expect(await call(core, 'loan:checkout', { requestId: again, signature: signature('李某'), handedOverBy: signature('周某') })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'handedOverBy' }] } });
  });

  it('is append-only: an edit or deletion of an entry or a correction fails (a correction is a new entry, above)', async () => {
    await core.close();
    const raw = await openRawDatabase(suiteDir(), ADMIN.login, ADMIN.password);
    expect(() => raw.prepare("UPDATE loans SET due_on = '2099-01-01'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM loans').run()).toThrow(/append-only/);
    expect(() => raw.prepare("UPDATE loan_returns SET findings = '[]'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM loan_returns').run()).toThrow(/append-only/);
    expect(() => raw.prepare("UPDATE loan_return_corrections SET reason = '改了'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM loan_return_corrections').run()).toThrow(/append-only/);
    // An approval used for a hand-out keeps its term.
    expect(() => raw.prepare("UPDATE approval_requests SET valid_until = NULL WHERE used_at IS NOT NULL").run()).toThrow(/append-only/);
    raw.close();
  });
});
