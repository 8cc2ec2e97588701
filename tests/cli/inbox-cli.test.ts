import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InboxFiling, ScanInboxView } from '../../shared/contract';
import { scannedSheet } from '../helpers/inbox-folder';
import { samplePdf, samplePng } from '../helpers/scan-files';
import { useTempDirs } from '../helpers/temp-dir';
import { builtCli, initArchive, runCli } from './run-cli';

const tempDir = useTempDirs();

beforeAll(() => {
  expect(existsSync(builtCli), 'build first: npm run build').toBe(true);
});

describe('dossierdesk inbox', () => {
  it('one-shot: waits for the folder to settle, lists it, files it by its cover sheet; filed files leave the folder', async () => {
    const root = tempDir();
    const env = await initArchive(join(root, 'archive'));
    const folder = join(root, 'scanner-out');
    mkdirSync(folder);
    const number = (await runCli(['dossier', 'create', '--title', '王五 售后档案'], { env })).stdout.trim();
    // Filed scans are removed from the folder unless --move-to is given.
    const set = await runCli(['--json', 'inbox', 'set-folder', folder, '--stable-seconds', '1'], { env });
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ afterFiling: 'remove', moveTo: '' });

    expect((await runCli(['label', 'cover', number, '--out', join(root, 'cover.pdf')], { env })).code).toBe(0);
    writeFileSync(join(folder, 'scan_001.jpg'), await scannedSheet(new Uint8Array(readFileSync(join(root, 'cover.pdf')))));
    writeFileSync(join(folder, 'scan_002.png'), samplePng({ variant: 4 }));
    writeFileSync(join(folder, 'scan_003.pdf'), await samplePdf(2));
    // Just written: a one-shot command waits for their stability window rather than miss them.
    const listed = await runCli(['--json', 'inbox', 'list'], { env });
    expect(listed.code, listed.stderr).toBe(0);
    const view = JSON.parse(listed.stdout) as ScanInboxView;
    expect(view.entries.map((e) => [e.name, e.state, e.sheet?.kind ?? null])).toEqual([
      ['scan_001.jpg', 'scan', 'cover'],
      ['scan_002.png', 'scan', null],
      ['scan_003.pdf', 'scan', null],
    ]);

    const filed = await runCli(['--json', 'inbox', 'auto-file'], { env });
    expect(filed.code, filed.stderr).toBe(0);
    const outcome = JSON.parse(filed.stdout) as InboxFiling;
    expect(outcome.filings.map((f) => f.documents.map((d) => d.pagesAdded))).toEqual([[3]]);
    expect(outcome.sheets).toEqual(['scan_001.jpg']);
    expect(readdirSync(folder)).toEqual([]);
    expect((await runCli(['attachments', 'list', number], { env })).stdout).toContain('scan_003.pdf');
  });
});
