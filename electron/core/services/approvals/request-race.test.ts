import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, passwordOf, testCore } from '../../../../tests/helpers/core';
import { openRawDatabase } from '../../../../tests/helpers/raw-archive';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { handlersWithWriteBetween } from '../../../../tests/helpers/write-between';

const tempDir = useTempDirs();

describe('one request of a kind per person and dossier waits at a time', () => {
  it('also when another program files the same request between the check and the write', async () => {
    const dir = tempDir();
    const setup = await newArchive(dir);
    await ok(setup, 'department:create', { code: 'XSB', name: '销售部' });
    await addUser(setup, { login: 'xsdm', displayName: '销售部经理', roles: ['dept-manager'], departmentCode: 'XSB' });
    await addUser(setup, { login: 'li', displayName: '销售小李', roles: ['staff'], departmentCode: 'XSB' });
    const { archiveNumber } = await ok(setup, 'dossier:create', { title: '张三 新车档案', level: 1, departmentCode: 'XSB' });
    await setup.close();

    const raw = await openRawDatabase(dir, ADMIN.login, ADMIN.password);
    const idOf = (sql: string, key: string) => (raw.prepare(sql).get(key) as { id: number }).id;
    const li = idOf('SELECT id FROM users WHERE login = ?', 'li');
    const dossierId = idOf('SELECT id FROM dossiers WHERE archive_number = ?', archiveNumber);
    const department = idOf('SELECT id FROM departments WHERE code = ?', 'XSB');
    const pendingLoans = () => (raw.prepare("SELECT count(*) AS n FROM approval_requests WHERE dossier_id = ? AND requester_id = ? AND kind = 'loan' AND status = 'pending'").get(dossierId, li) as { n: number }).n;
    // The same loan request, filed by li in another program (the CLI) a moment earlier.
    const race = handlersWithWriteBetween('approval:request', () => {
      raw
        .prepare("INSERT INTO approval_requests (dossier_id, kind, requester_id, registered_by, purpose, period_days, route, requested_at) VALUES (?, 'loan', ?, ?, '另一程序', 3, ?, ?)")
        .run(dossierId, li, li, JSON.stringify([{ role: 'dept-manager', departmentId: department, rule: 'own-department' }]), new Date().toISOString());
    });
    const core = testCore(dir, { handlers: race.handlers });
    try {
      await ok(core, 'session:login', { login: 'li', password: passwordOf('li') });
      const second = await call(core, 'approval:request', { archiveNumber, kind: 'loan', purpose: '核对合同' });
      expect(race.ran()).toBe(true);
      expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(second.ok ? '' : second.error.message).toContain('已有一份待审批的同类申请');
      expect(pendingLoans()).toBe(1);
    } finally {
      await core.close();
      raw.close();
    }
  });
});
