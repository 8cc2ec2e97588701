import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUser, ok as okCall, passwordOf, switchTo, testCore } from '../helpers/core';
import { seedArchive } from '../helpers/seed-archive';
import { useTempDirs } from '../helpers/temp-dir';
import { builtCli, runCli } from './run-cli';

const tempDir = useTempDirs();
const PASSWORD = 'cli-admin-password-1';

const run = runCli;

async function initArchive(): Promise<{ dataDir: string; env: Record<string, string> }> {
  const dataDir = join(tempDir(), 'archive');
  const env = { DOSSIERDESK_DATA_DIR: dataDir, DOSSIERDESK_USER: 'admin', DOSSIERDESK_PASSWORD: PASSWORD };
  await seedArchive(dataDir, { admin: { displayName: '档案管理员', password: PASSWORD } });
  return { dataDir, env };
}

beforeAll(() => {
  expect(existsSync(builtCli), 'build first: npm run build').toBe(true);
});

describe('dossierdesk CLI', () => {
  it('init creates an archive, and refuses to overwrite it', async () => {
    const dataDir = join(tempDir(), 'archive');
    const first = await run(['init', '--admin', 'admin', '--data-dir', dataDir], { env: { DOSSIERDESK_PASSWORD: PASSWORD } });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(dataDir);
    expect(existsSync(join(dataDir, 'keyslots.json'))).toBe(true);
    const slotsBefore = readFileSync(join(dataDir, 'keyslots.json'));

    const second = await run(['--data-dir', dataDir, 'init', '--admin', 'other'], { env: { DOSSIERDESK_PASSWORD: PASSWORD } });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/CONFLICT: 数据文件夹中已有档案库.* \/ The data folder already holds an archive/);
    expect(readFileSync(join(dataDir, 'keyslots.json'))).toEqual(slotsBefore);
  });

  it('two inits at the same moment leave exactly one working archive', async () => {
    for (let round = 0; round < 4; round += 1) {
      const dataDir = join(tempDir(), 'archive');
      const env = { DOSSIERDESK_PASSWORD: PASSWORD };
      const [first, second] = await Promise.all([
        run(['init', '--admin', 'first', '--data-dir', dataDir], { env }),
        run(['init', '--admin', 'second', '--data-dir', dataDir], { env }),
      ]);
      expect([first.code, second.code].sort()).toEqual([0, 1]);
      const winner = first.code === 0 ? 'first' : 'second';
      const status = await run(['status', '--data-dir', dataDir, '--user', winner], { env });
      expect(status.code, status.stderr).toBe(0);
    }
  });

  it('reads the password from standard input with --password-stdin', async () => {
    const dataDir = join(tempDir(), 'archive');
    expect((await run(['init', '--admin', 'admin', '--data-dir', dataDir, '--password-stdin'], { input: `${PASSWORD}\n` })).code).toBe(0);
    const created = await run(['dossier', 'create', '--title', '标准输入测试', '--data-dir', dataDir, '--user', 'admin', '--password-stdin'], { input: `${PASSWORD}\n` });
    expect(created.code, created.stderr).toBe(0);
    const wrong = await run(['dossier', 'list', '--data-dir', dataDir, '--user', 'admin', '--password-stdin'], { input: 'nope\n' });
    expect(wrong.code).toBe(3);
  });

  it('dossier create prints the new archive number; dossier list finds it (global options anywhere)', async () => {
    const { env } = await initArchive();
    const year = new Date().getFullYear();
    const created = await run(['dossier', 'create', '--title', '张三 沪A12345 新车档案'], { env });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout.trim()).toBe(`KH-${year}-000001`);
    expect((await run(['dossier', 'create', '--title', '李四 售后档案'], { env })).stdout.trim()).toBe(`KH-${year}-000002`);

    const listed = await run(['--json', 'dossier', 'list'], { env });
    expect(listed.code).toBe(0);
    const items = JSON.parse(listed.stdout) as { archiveNumber: string; title: string }[];
    expect(items.map((d) => d.archiveNumber)).toEqual([`KH-${year}-000002`, `KH-${year}-000001`]);

    const filtered = await run(['dossier', 'list', '--query', '沪A', '--json'], { env });
    expect((JSON.parse(filtered.stdout) as { title: string }[]).map((d) => d.title)).toEqual(['张三 沪A12345 新车档案']);

    const text = await run(['dossier', 'list'], { env });
    expect(text.stdout).toContain(`KH-${year}-000001\t张三 沪A12345 新车档案`);
  });

  it('status prints path, version and counts; --json is machine-readable', async () => {
    const { dataDir, env } = await initArchive();
    await run(['dossier', 'create', '--title', '王五 房产档案'], { env });
    const status = await run(['status', '--json'], { env });
    expect(status.code).toBe(0);
    const info = JSON.parse(status.stdout) as { dataDir: string; schemaVersion: number; counts: { dossiers: number; users: number } };
    expect(info).toMatchObject({ dataDir, counts: { dossiers: 1, users: 1 } });
    expect(info.schemaVersion).toBeGreaterThan(0);
    expect((await run(['status'], { env })).stdout).toContain('档案 / dossiers: 1');
  });

  it('verify exits 0 on an intact archive and 1 when it finds a problem', async () => {
    const { dataDir, env } = await initArchive();
    const ok = await run(['verify'], { env });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('✓ audit-trail');

    // The printed audit head serves as an anchor for later checks.
    const head = /(\d+:[0-9a-f]{64})/.exec(ok.stdout)?.[1] ?? '';
    expect(head).not.toBe('');
    expect((await run(['verify', '--anchor', head], { env })).code).toBe(0);
    const forged = head.replace(/:(.)/, (_m, c: string) => `:${c === '0' ? '1' : '0'}`);
    const mismatch = await run(['verify', '--anchor', forged], { env });
    expect(mismatch.code).toBe(1);
    expect(mismatch.stdout).toContain('✗ audit-trail');
    expect((await run(['verify', '--anchor', 'not-an-anchor'], { env })).code).toBe(2);

    // The key slot file restored from a backup taken before a user changed her password.
    const core = testCore(dataDir);
    await okCall(core, 'session:login', { login: 'admin', password: PASSWORD });
    await addUser(core, { login: 'lisi', roles: ['clerk'] });
    const backup = readFileSync(join(dataDir, 'keyslots.json'));
    await switchTo(core, 'lisi');
    await okCall(core, 'session:change-password', { currentPassword: passwordOf('lisi'), newPassword: 'a-newer-password' });
    await core.close();
    writeFileSync(join(dataDir, 'keyslots.json'), backup);
    const stale = await run(['verify'], { env });
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('✗ key-slots');
    expect(stale.stdout).toContain('旧备份');
    // The old password does not sign in with the old slot.
    const oldPassword = await run(['dossier', 'list'], { env: { ...env, DOSSIERDESK_USER: 'lisi', DOSSIERDESK_PASSWORD: passwordOf('lisi') } });
    expect(oldPassword.code).toBe(3);
    expect(oldPassword.stderr).toContain('KEY_SLOT_STALE');

    // A key slot file from another archive: it opens a key, but not this database.
    const other = await initArchive();
    writeFileSync(join(dataDir, 'keyslots.json'), readFileSync(join(other.dataDir, 'keyslots.json')));
    const foreign = await run(['verify'], { env });
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toContain('WRONG_KEY');
  });

  it('exit codes: 2 usage, 3 authentication, 4 not found – each with one bilingual line', async () => {
    const { env } = await initArchive();
    const usage = await run(['dossier', 'list', '--bogus'], { env });
    expect(usage.code).toBe(2);
    const unknownCommand = await run(['frobnicate'], { env });
    expect(unknownCommand.code).toBe(2);
    const emptyTitle = await run(['dossier', 'create', '--title', '  '], { env });
    expect(emptyTitle.code).toBe(2);
    expect(emptyTitle.stderr).toContain('案卷题名不能为空');
    expect(emptyTitle.stderr).toContain('The title must not be empty');

    const wrongPassword = await run(['dossier', 'list'], { env: { ...env, DOSSIERDESK_PASSWORD: 'wrong-password' } });
    expect(wrongPassword.code).toBe(3);
    expect(wrongPassword.stderr.trim().split('\n')).toEqual(['错误 / error WRONG_PASSWORD: 用户名或密码错误 / Wrong user name or password']);
    const unknownUser = await run(['dossier', 'list', '--user', 'nobody'], { env });
    expect(unknownUser.code).toBe(3);
    const noPassword = await run(['dossier', 'list'], { env: { ...env, DOSSIERDESK_PASSWORD: undefined } });
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('DOSSIERDESK_PASSWORD');

    const missing = await run(['status', '--data-dir', join(tempDir(), 'nothing')], { env });
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('ARCHIVE_NOT_FOUND');
  });

  it('--json errors also go to standard output as the envelope', async () => {
    const { env } = await initArchive();
    const result = await run(['--json', 'dossier', 'list'], { env: { ...env, DOSSIERDESK_PASSWORD: 'wrong-password' } });
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD', message: '用户名或密码错误' } });
  });

  it('--help and --version exit 0', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('dossier');
    expect(help.stdout).toContain('--data-dir');
    const version = await run(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
