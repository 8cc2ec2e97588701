import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths';

export const builtCli = join(repoRoot, 'out/main/cli.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI like a script would: a fresh process, env vars, optional standard input. */
export function runCli(args: string[], options: { env?: Record<string, string | undefined>; input?: string; user?: { uid: number; gid: number } } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env };
    const child = spawn(process.execPath, [builtCli, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'], ...options.user });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

export const CLI_ADMIN_PASSWORD = 'cli-admin-password-1';

/** A new archive in `folder` (made with `init`), and the environment that signs its administrator in. */
export async function initArchive(folder: string): Promise<Record<string, string>> {
  const env = { DOSSIERDESK_DATA_DIR: join(folder, 'archive'), DOSSIERDESK_USER: 'admin', DOSSIERDESK_PASSWORD: CLI_ADMIN_PASSWORD };
  const init = await runCli(['init', '--admin', 'admin'], { env });
  if (init.code !== 0) throw new Error(`init failed (${String(init.code)}): ${init.stderr}`);
  return env;
}
