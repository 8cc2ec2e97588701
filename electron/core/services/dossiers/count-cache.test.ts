import { describe, expect, it } from 'vitest';
import { ADMIN, newArchive, ok } from '../../../../tests/helpers/core';
import { runCli } from '../../../../tests/cli/run-cli';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();

describe('the catalogue count', () => {
  it('is never stale: each change, also by another program, is counted and found at once', async () => {
    const dir = tempDir();
    const core = await newArchive(dir);
    const total = async (filters = {}) => (await ok(core, 'dossier:list', { filters })).total;
    expect(await total()).toBe(0);
    await ok(core, 'dossier:create', { title: '张三 档案' });
    expect(await total()).toBe(1);
    expect(await total({ levels: [4] })).toBe(0);
    await ok(core, 'dossier:create', { title: '李四 绝密', level: 4 });
    expect(await total()).toBe(2);
    expect(await total({ levels: [4] })).toBe(1);

    // How many dossiers hold each search token is kept too: none hold 王五 and 五档 yet.
    expect((await ok(core, 'dossier:list', { query: '王五档' })).total).toBe(0);

    // Another program (the CLI) adds a dossier to the same archive: it writes an audit event with it.
    const created = await runCli(['dossier', 'create', '--title', '王五 档案'], { env: { DOSSIERDESK_DATA_DIR: dir, DOSSIERDESK_USER: ADMIN.login, DOSSIERDESK_PASSWORD: ADMIN.password } });
    expect(created.code, created.stderr).toBe(0);
    expect(await total()).toBe(3);
    expect((await ok(core, 'dossier:list', { query: created.stdout.trim() })).total).toBe(1);
    expect((await ok(core, 'dossier:list', { query: '王五档' })).items.map((d) => d.archiveNumber)).toEqual([created.stdout.trim()]);
    await core.close();
  });
});
