import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRawDatabase } from '../helpers/raw-archive';
import { useTempDirs } from '../helpers/temp-dir';
import { CLI_ADMIN_PASSWORD as ADMIN_PASSWORD, initArchive, runCli as run } from './run-cli';

const tempDir = useTempDirs();

async function archive(seed: Parameters<typeof initArchive>[1] = {}) {
  const folder = tempDir();
  return { dataDir: join(folder, 'archive'), env: await initArchive(folder, seed) };
}

describe('dossierdesk department / user / audit', () => {
  it('departments and users, with levels by name, grade or rank', async () => {
    const { env } = await archive();
    expect((await run(['department', 'add', 'xsb', '--name', '销售部'], { env })).stdout.trim()).toBe('XSB\t销售部');
    expect((await run(['department', 'add', 'XSB1', '--name', '销售一部', '--parent', 'XSB'], { env })).code).toBe(0);
    const departments = JSON.parse((await run(['department', 'list', '--json'], { env })).stdout) as { code: string; parentCode: string | null }[];
    expect(departments.map((d) => [d.code, d.parentCode])).toEqual([
      ['DAS', null],
      ['XSB', null],
      ['XSB1', 'XSB'],
    ]);

    const added = await run(['user', 'add', 'zhangsan', '--name', '张三', '--role', 'clerk,scanner', '--department', 'XSB', '--clearance', '机密', '--no-force-change'], {
      env: { ...env, DOSSIERDESK_NEW_PASSWORD: 'zhangsan-password-1' },
    });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('zhangsan\t张三\tclerk,scanner\tXSB\t机密');
    const byStdin = await run(['user', 'add', 'lisi', '--name', '李四', '--role', 'staff', '--department', 'XSB1', '--clearance', '1', '--initial-password-stdin', '--password-stdin'], {
      env: { ...env, DOSSIERDESK_PASSWORD: '' },
      input: `${ADMIN_PASSWORD}\nlisi-password-1\n`,
    });
    expect(byStdin.code, byStdin.stderr).toBe(0);
    expect((await run(['user', 'add', 'x', '--name', 'x', '--role', 'wizard', '--department', 'XSB', '--clearance', '1'], { env })).code).toBe(2);
    expect((await run(['user', 'add', 'x', '--name', 'x', '--role', 'staff', '--department', 'XSB', '--clearance', '1'], { env })).stderr).toContain('DOSSIERDESK_NEW_PASSWORD');

    const levels = [];
    for (const level of ['机密', 'A', '2']) levels.push((await run(['dossier', 'create', '--title', `档案 ${level}`, '--level', level, '--department', 'XSB', '--json'], { env })).stdout);
    expect(levels.map((json) => (JSON.parse(json) as { level: number }).level)).toEqual([3, 3, 2]);
    const listed = (await run(['dossier', 'list'], { env })).stdout;
    expect(listed).toMatch(/档案 机密\tXSB\t.*\t机密/);
    expect((await run(['dossier', 'create', '--title', 'x', '--level', '顶级'], { env })).code).toBe(2);

    const users = JSON.parse((await run(['user', 'list', '--json'], { env })).stdout) as { login: string; clearance: number; mustChangePassword: boolean }[];
    expect(users.map((u) => [u.login, u.clearance, u.mustChangePassword])).toEqual([
      ['admin', 4, false],
      ['zhangsan', 3, false],
      ['lisi', 1, true],
    ]);
  });

  it('a new account must change its password first: refused with exit 3 until `user passwd`', async () => {
    const { env } = await archive();
    await run(['user', 'add', 'wangwu', '--name', '王五', '--role', 'clerk', '--department', 'DAS', '--clearance', '内部'], { env: { ...env, DOSSIERDESK_NEW_PASSWORD: 'initial-password-1' } });
    const asWangwu = { ...env, DOSSIERDESK_USER: 'wangwu', DOSSIERDESK_PASSWORD: 'initial-password-1' };
    const refused = await run(['dossier', 'list'], { env: asWangwu });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('PASSWORD_CHANGE_REQUIRED');
    expect(refused.stderr).toContain('dossierdesk user passwd wangwu');

    const changed = await run(['user', 'passwd', 'wangwu', '--password-stdin', '--new-password-stdin'], {
      env: { ...asWangwu, DOSSIERDESK_PASSWORD: '' },
      input: 'initial-password-1\nmy-own-password-1\n',
    });
    expect(changed.code, changed.stderr).toBe(0);
    expect((await run(['dossier', 'list'], { env: { ...asWangwu, DOSSIERDESK_PASSWORD: 'my-own-password-1' } })).code).toBe(0);

    // An administrator's reset forces another change.
    expect((await run(['user', 'passwd', 'wangwu'], { env: { ...env, DOSSIERDESK_NEW_PASSWORD: 'reset-password-1' } })).code).toBe(0);
    expect((await run(['dossier', 'list'], { env: { ...asWangwu, DOSSIERDESK_PASSWORD: 'reset-password-1' } })).code).toBe(3);
  });

  it('disable: the account can no longer sign in; lockout after 5 wrong passwords: exit 3 with the time', async () => {
    const { env } = await archive();
    await run(['user', 'add', 'zhaoliu', '--name', '赵六', '--role', 'staff', '--department', 'DAS', '--clearance', '1', '--no-force-change'], {
      env: { ...env, DOSSIERDESK_NEW_PASSWORD: 'zhaoliu-password-1' },
    });
    const asZhaoliu = { ...env, DOSSIERDESK_USER: 'zhaoliu' };
    for (let i = 0; i < 4; i += 1) expect((await run(['dossier', 'list'], { env: { ...asZhaoliu, DOSSIERDESK_PASSWORD: 'wrong-password' } })).code).toBe(3);
    const locked = await run(['dossier', 'list'], { env: { ...asZhaoliu, DOSSIERDESK_PASSWORD: 'wrong-password' } });
    expect(locked.code).toBe(3);
    expect(locked.stderr).toMatch(/LOCKED: 连续 5 次密码错误，账户已锁定至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect((await run(['dossier', 'list'], { env: { ...asZhaoliu, DOSSIERDESK_PASSWORD: 'zhaoliu-password-1' } })).code).toBe(3);

    expect((await run(['user', 'disable', 'zhaoliu'], { env })).stdout).toContain('停用/disabled');
    const failed = JSON.parse((await run(['audit', 'list', '--action', 'session:login-failed', '--json'], { env })).stdout) as { target: { label: string } }[];
    expect(failed).toHaveLength(6);
    expect(failed.every((e) => e.target.label === 'zhaoliu')).toBe(true);
  });

  it('audit list filters (the --user after `list` is the filter) and audit verify names a changed event', async () => {
    const { dataDir, env } = await archive({
      users: [{ login: 'zhangsan', displayName: '张三', roles: ['clerk'], departmentCode: 'DAS', clearance: 1, password: 'zhangsan-password-1' }],
      dossiers: [{ title: '张三的档案', by: 'zhangsan' }],
    });

    const byUser = JSON.parse((await run(['--user', 'admin', 'audit', 'list', '--user', 'zhangsan', '--json'], { env })).stdout) as { user: { login: string }; action: string }[];
    expect(byUser.map((e) => e.action)).toEqual(['dossier:create', 'session:login']);
    expect(byUser.every((e) => e.user.login === 'zhangsan')).toBe(true);
    const text = (await run(['audit', 'list', '--action', 'dossier:create'], { env })).stdout;
    expect(text).toMatch(/zhangsan\(DAS\)\tdossier:create\t新建档案\tKH-\d{4}-000001\t题名：张三的档案；密级：内部；部门：档案室（DAS）\tcli/);
    expect((await run(['audit', 'list', '--from', 'yesterday'], { env })).code).toBe(2);

    expect((await run(['audit', 'verify'], { env })).code).toBe(0);
    const raw = await openRawDatabase(dataDir, 'admin', ADMIN_PASSWORD);
    raw.exec('DROP TRIGGER audit_events_no_update');
    raw.prepare(`UPDATE audit_events SET summary = '{"title":"改过的题名"}' WHERE action = 'dossier:create'`).run();
    const id = raw.prepare(`SELECT id FROM audit_events WHERE action = 'dossier:create'`).pluck().get() as number;
    raw.close();
    const broken = await run(['audit', 'verify'], { env });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`审计记录第 ${id} 条起不完整`);
  });
});
