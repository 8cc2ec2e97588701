import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths';
import type { ArchiveSeed, SeededArchive } from '../helpers/seed-archive';

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

/** A new archive in `folder/archive`, as `init --admin admin` and then the rest of `seed` would leave it, and the environment that signs its administrator in. */
export async function seededArchive(folder: string, seed: Omit<ArchiveSeed, 'admin'> = {}): Promise<{ env: Record<string, string> } & SeededArchive> {
  const env = { DOSSIERDESK_DATA_DIR: join(folder, 'archive'), DOSSIERDESK_USER: 'admin', DOSSIERDESK_PASSWORD: CLI_ADMIN_PASSWORD };
  // Loaded only when asked for: the browser tests import runCli from here, and Playwright's loader cannot load the core.
  const { seedArchive } = await import('../helpers/seed-archive');
  return { env, ...(await seedArchive(env.DOSSIERDESK_DATA_DIR, { admin: { password: CLI_ADMIN_PASSWORD }, ...seed })) };
}

/** The environment of `seededArchive` alone. */
export async function initArchive(folder: string, seed: Omit<ArchiveSeed, 'admin'> = {}): Promise<Record<string, string>> {
  return (await seededArchive(folder, seed)).env;
}
