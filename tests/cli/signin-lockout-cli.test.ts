import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, passwordOf, testCore } from '../helpers/core';
import { fsFaultEnv } from '../helpers/fs-faults';
import { useTempDirs } from '../helpers/temp-dir';
import { runCli, type CliResult } from './run-cli';

const tempDir = useTempDirs();

/** An archive (cheap test key derivation) with the clerk lisi. */
async function archiveWithLisi(): Promise<string> {
  const dir = tempDir();
  const core = await newArchive(dir);
  await addUser(core, { login: 'lisi', roles: ['clerk'] });
  await core.close();
  return dir;
}

function asLisi(dir: string, password: string, env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(['dossier', 'list'], { env: { DOSSIERDESK_DATA_DIR: dir, DOSSIERDESK_USER: 'lisi', DOSSIERDESK_PASSWORD: password, ...env } });
}

async function failedAttempts(dir: string) {
  const core = testCore(dir);
  await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
  const items = (await ok(core, 'audit:list', { action: 'session:login-failed', limit: 100 })).items;
  await core.close();
  return items;
}

describe('sign-in lockout across programs', () => {
  it('20 programs guessing at once: 5 passwords are tried, 15 refused before any key derivation, all 20 reach the audit trail', async () => {
    const dir = await archiveWithLisi();
    const results = await Promise.all(Array.from({ length: 20 }, () => asLisi(dir, 'wrong-password')));

    expect(results.map((r) => r.code)).toEqual(Array.from({ length: 20 }, () => 3));
    const answers = results.map((r) => r.stderr.trim());
    expect(answers.filter((a) => a.includes('WRONG_PASSWORD:'))).toHaveLength(4);
    expect(answers.filter((a) => a.includes('LOCKED:') && a.includes('5 wrong passwords in a row'))).toHaveLength(1);
    expect(answers.filter((a) => a.includes('LOCKED:') && a.includes('The account is locked; try again after'))).toHaveLength(15);

    const failed = await failedAttempts(dir);
    expect(failed).toHaveLength(20);
    expect(failed.every((e) => e.frontDoor === 'cli' && e.target?.label === 'lisi')).toBe(true);
    expect(failed.filter((e) => e.summary?.reason === 'wrong-password')).toHaveLength(5);
    expect(failed.filter((e) => e.summary?.reason === 'locked')).toHaveLength(15);
  });

  it('on a full disk a wrong password is still refused (exit 3) and says it could not be recorded; a locked account stays locked', async () => {
    const dir = await archiveWithLisi();
    const state = readFileSync(join(dir, 'signin-state.json'), 'utf8');
    const full = fsFaultEnv('ENOSPC', dir);

    const wrong = await asLisi(dir, 'wrong-password', full);
    expect(wrong.code, wrong.stderr).toBe(3);
    expect(wrong.stderr).toMatch(/WRONG_PASSWORD: .*未能记入登录记录：磁盘已满.* \(this attempt could not be recorded: the disk is full\)/);
    expect(readFileSync(join(dir, 'signin-state.json'), 'utf8')).toBe(state);
    expect(existsSync(join(dir, 'signin-state.json.lock'))).toBe(false);

    const core = testCore(dir);
    for (let i = 0; i < 5; i += 1) await call(core, 'session:login', { login: 'lisi', password: 'wrong-password' });
    await core.close();
    const locked = await asLisi(dir, passwordOf('lisi'), full);
    expect(locked.code, locked.stderr).toBe(3);
    expect(locked.stderr).toMatch(/LOCKED: .*\(this attempt could not be recorded: the disk is full\)/);
  });
});
