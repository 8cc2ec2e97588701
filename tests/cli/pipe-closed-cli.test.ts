import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { builtCli, initArchive } from './run-cli';

let folder: string;
let env: Record<string, string>;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'dd-cli-pipe-'));
  env = await initArchive(folder, { dossiers: [{ title: '张三 新车档案' }] });
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** `dossierdesk … | head -0`: the reader is gone before the first line is written. */
function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [builtCli, ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
    child.stdin.end('');
  });
}

it('a reader that stops early does not crash the command: it finishes, exits 0 and prints no stack trace', async () => {
  for (const args of [['--help'], ['dossier', 'list'], ['status']]) {
    const result = await runIntoClosedPipe(args);
    expect(result.stderr, args.join(' ')).not.toMatch(/EPIPE|at .*\.js/);
    expect(result.code, args.join(' ')).toBe(0);
  }
});
