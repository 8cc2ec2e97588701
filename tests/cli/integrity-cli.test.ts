import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { damagePage, pagesOf } from '../helpers/archive-faults';
import { useTempDirs } from '../helpers/temp-dir';
import { CLI_ADMIN_PASSWORD, initArchive, runCli } from './run-cli';

const tempDir = useTempDirs();

describe('an archive put back to an older copy, on the command line', () => {
  it('says so on every command, refuses writes, and after accept-rollback never issues a lost number again', async () => {
    const folder = tempDir();
    const env = await initArchive(folder);
    const database = join(folder, 'archive', 'archive.db');
    expect((await runCli(['dossier', 'create', '--title', '甲'], { env })).code).toBe(0);
    copyFileSync(database, join(folder, 'old.db'));
    const lost = await runCli(['dossier', 'create', '--title', '乙'], { env });
    expect(lost.code).toBe(0);
    copyFileSync(join(folder, 'old.db'), database);

    const status = await runCli(['status'], { env });
    expect(status.code).toBe(0);
    expect(status.stderr).toContain('ARCHIVE_ROLLED_BACK');
    expect(status.stderr).toContain('archive numbers issued but missing');
    const refused = await runCli(['dossier', 'create', '--title', '丙'], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ARCHIVE_ROLLED_BACK');
    const verify = await runCli(['verify'], { env });
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(/✗ high-water-mark: .*rolled back/);

    expect((await runCli(['accept-rollback'], { env })).code).toBe(0);
    const next = await runCli(['dossier', 'create', '--title', '丁'], { env });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout.trim()).not.toBe(lost.stdout.trim());
    expect(next.stdout.trim() > lost.stdout.trim()).toBe(true);
    expect((await runCli(['verify'], { env })).code).toBe(0);
  });
});

describe('a damaged page that no write touches, on the command line', () => {
  it('is found by the page check at sign-in: writes stop at once, with the damaged table named', async () => {
    const folder = tempDir();
    const env = await initArchive(folder);
    expect((await runCli(['dossier', 'create', '--title', '损坏之前'], { env })).code).toBe(0);
    const dataDir = join(folder, 'archive');
    const [page = 0] = await pagesOf(dataDir, 'schema_migrations', { login: 'admin', password: CLI_ADMIN_PASSWORD });
    damagePage(dataDir, page);
    const refused = await runCli(['dossier', 'create', '--title', '不应写入'], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ARCHIVE_DAMAGED');
    expect(refused.stderr).toContain('schema_migrations');
    const list = await runCli(['dossier', 'list'], { env });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('损坏之前');
  });
});

describe('a damaged index that sign-in reads, on the command line', () => {
  it('every command names it; repair-index rebuilds it while signing in, and the archive works again', async () => {
    const folder = tempDir();
    const env = await initArchive(folder);
    expect((await runCli(['dossier', 'create', '--title', '损坏之前'], { env })).code).toBe(0);
    const dataDir = join(folder, 'archive');
    const pages = await pagesOf(dataDir, 'audit_events_action_idx', { login: 'admin', password: CLI_ADMIN_PASSWORD });
    damagePage(dataDir, pages.at(-1) ?? 0);

    const refused = await runCli(['status'], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('audit_events_action_idx');
    expect(refused.stderr).toContain('dossierdesk repair-index');
    const repaired = await runCli(['repair-index'], { env });
    expect(repaired.code, repaired.stderr).toBe(0);
    expect(repaired.stdout).toContain('audit_events_action_idx');
    const list = await runCli(['dossier', 'list'], { env });
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('损坏之前');
    expect((await runCli(['verify'], { env })).code).toBe(0);
  });
});
