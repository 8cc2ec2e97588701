import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../helpers/scan-files';
import { useTempDirs } from '../helpers/temp-dir';
import { builtCli, runCli, seededArchive } from './run-cli';

const tempDir = useTempDirs();

beforeAll(() => {
  expect(existsSync(builtCli), 'build first: npm run build').toBe(true);
});

describe('dossierdesk backup and restore', () => {
  it('creates a checked backup, lists it, verifies it, restores it into an empty folder, and fails the drill for a damaged copy', async () => {
    const folder = tempDir();
    const { env, dossiers } = await seededArchive(folder, { dossiers: [{ title: '张三 购车档案' }] });
    const archiveNumber = dossiers[0]?.archiveNumber ?? '';
    writeFileSync(join(folder, '合同.pdf'), await samplePdf(2));
    expect((await runCli(['attach', archiveNumber, join(folder, '合同.pdf')], { env })).code).toBe(0);
    const to = join(folder, 'U盘');
    mkdirSync(to);

    const created = await runCli(['backup', 'create', '--to', to, '--json'], { env });
    expect(created.code, created.stderr).toBe(0);
    const taken = JSON.parse(created.stdout) as { ok: boolean; fileName: string; sha256: string; summary: { counts: { dossiers: number; scanFiles: number } } };
    expect(taken).toMatchObject({ ok: true, summary: { counts: { dossiers: 1, scanFiles: 1 } } });
    const file = join(to, taken.fileName);
    expect(readdirSync(to)).toEqual([taken.fileName]);

    const listed = await runCli(['backup', 'list', to], { env });
    expect(listed.stdout).toContain(`${taken.fileName}`);
    expect(listed.stdout).toContain('检验通过 / checked good');

    const verified = await runCli(['backup', 'verify', file], { env });
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('备份完好，可以恢复');

    const damaged = join(to, 'damaged.ddbackup');
    const bytes = readFileSync(file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x20;
    writeFileSync(damaged, bytes);
    const drill = await runCli(['backup', 'verify', damaged], { env });
    expect(drill.code).toBe(1);
    expect(drill.stdout).toContain('备份未通过检验');

    const restoredDir = join(folder, 'restored');
    const restoreEnv = { ...env, DOSSIERDESK_DATA_DIR: restoredDir };
    const restored = await runCli(['restore', file], { env: restoreEnv });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('已恢复到');
    const shown = await runCli(['dossier', 'show', archiveNumber, '--json'], { env: restoreEnv });
    expect(shown.code, shown.stderr).toBe(0);
    expect((await runCli(['verify'], { env: restoreEnv })).code).toBe(0);
    // Never over an archive.
    const again = await runCli(['restore', file], { env: restoreEnv });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('数据文件夹中已有档案库');
  });
});
