import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ok, testCore } from '../helpers/core';
import { filesUnder } from '../helpers/files';
import { heicPhoto } from '../helpers/heic-files';
import { pdfImages } from '../helpers/pdf';
import { fakeExe, samplePdf, samplePng } from '../helpers/scan-files';
import { useTempDirs } from '../helpers/temp-dir';
import { builtCli, CLI_ADMIN_PASSWORD, runCli, seededArchive } from './run-cli';

const tempDir = useTempDirs();
const stored = (dataDir: string): string[] => (existsSync(join(dataDir, 'scans')) ? filesUnder(join(dataDir, 'scans')) : []);

beforeAll(() => {
  expect(existsSync(builtCli), 'build first: npm run build').toBe(true);
});

async function archiveWithDossier(folder: string) {
  const { env, dossiers } = await seededArchive(folder, { dossiers: [{ title: '张三 购车档案' }] });
  return { env, archiveNumber: dossiers[0]?.archiveNumber ?? '' };
}

describe('dossierdesk attach and attachments list', () => {
  it('files scans from paths, lists them, and refuses a program renamed as a PDF with its reason', async () => {
    const folder = tempDir();
    const { env, archiveNumber } = await archiveWithDossier(folder);
    writeFileSync(join(folder, '合同.pdf'), await samplePdf(2));
    writeFileSync(join(folder, '照片.png'), samplePng());
    writeFileSync(join(folder, 'IMG_2041.HEIC'), heicPhoto());
    writeFileSync(join(folder, '病毒.pdf'), fakeExe());
    const attached = await runCli(['attach', archiveNumber, join(folder, '合同.pdf'), join(folder, '照片.png'), join(folder, 'IMG_2041.HEIC')], { env });
    expect(attached.code, attached.stderr).toBe(0);
    expect(attached.stdout).toMatch(/合同\t\+2 页/);
    expect(attached.stdout).toMatch(/照片\t\+1 页/);
    expect(attached.stdout).toMatch(/IMG_2041\t\+1 页/);
    const listed = await runCli(['attachments', 'list', archiveNumber, '--json'], { env });
    expect(listed.code, listed.stderr).toBe(0);
    const documents = (JSON.parse(listed.stdout) as { documents: { title: string; pages: unknown[] }[] }).documents;
    expect(documents.map((d) => [d.title, d.pages.length])).toEqual([
      ['合同', 2],
      ['照片', 1],
      ['IMG_2041', 1],
    ]);
    const refused = await runCli(['attach', archiveNumber, join(folder, '病毒.pdf')], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('VALIDATION');
    expect(refused.stderr).toContain('病毒.pdf');
    expect((await runCli(['verify'], { env })).stdout).toMatch(/✓ scans: 全部 3 个扫描文件完好/);
    // The phone photo is printed as a picture: decoded by the built scan image thread, libheif's WebAssembly read from node_modules.
    const pdf = join(folder, 'dossier.pdf');
    const exported = await runCli(['dossier', 'export', archiveNumber, '--out', pdf], { env });
    expect(exported.code, exported.stderr).toBe(0);
    expect(pdfImages(readFileSync(pdf)).filter((image) => image.encoding === 'jpeg')).toEqual([{ page: 6, width: 320, height: 240, encoding: 'jpeg' }]);
  });

  it('a batch killed while its files are being stored: the archive verifies, nothing half-filed, the leftovers collected later', async () => {
    const folder = tempDir();
    const { env, archiveNumber } = await archiveWithDossier(folder);
    const files: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const file = join(folder, `page-${i}.pdf`);
      writeFileSync(file, await samplePdf(1, `${i} ${'x'.repeat(1_500_000)}`));
      files.push(file);
    }
    const dataDir = join(folder, 'archive');
    const child = spawn(process.execPath, [builtCli, 'attach', archiveNumber, ...files], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Killed once some files are stored and before the batch could be recorded.
    for (let i = 0; i < 600 && stored(dataDir).length < 3; i += 1) await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGKILL');
    expect(await exited).toBeNull();
    const leftovers = stored(dataDir).length;
    expect(leftovers).toBeGreaterThanOrEqual(3);

    // Reopened: nothing refers to the stored files, and verify passes.
    const list = await runCli(['attachments', 'list', archiveNumber, '--json'], { env });
    expect((JSON.parse(list.stdout) as { documents: unknown[] }).documents).toEqual([]);
    const verify = await runCli(['verify'], { env });
    expect(verify.code, verify.stdout).toBe(0);
    expect(stored(dataDir)).toHaveLength(leftovers);
    // An hour on, verify collects them.
    const later = testCore(dataDir, { now: () => new Date(Date.now() + 2 * 3600_000) });
    await ok(later, 'session:login', { login: 'admin', password: CLI_ADMIN_PASSWORD });
    const report = await ok(later, 'archive:verify', {});
    await later.close();
    expect(report.ok).toBe(true);
    expect(stored(dataDir)).toEqual([]);
  });
});
