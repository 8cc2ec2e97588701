import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import { addUser, call, ok, switchTo, testCore, type TestUser } from './core';
import { repoRoot } from './paths';

/** What a test's archive starts with, as `init`, `department add`, `user add` and `dossier create` would leave it. */
export interface ArchiveSeed {
  /** The administrator `init` makes; without a display name it is the login, as with `init`. */
  admin: { login?: string; displayName?: string; password: string };
  departments?: InputOf<'department:create'>[];
  /** Users as `user add … --no-force-change` makes them (archive office and top clearance unless named). */
  users?: TestUser[];
  /** Dossiers made in this order, by the administrator unless `by` names a seeded user. */
  dossiers?: (InputOf<'dossier:create'> & { by?: string })[];
  /**
   * Further calls through the core, in this order (places, shelving, lending), by the administrator
   * unless `by` names a seeded user; in their inputs, `$dossier:N` stands for the Nth seeded
   * dossier's archive number (from 0).
   */
  calls?: { channel: Channel; input: unknown; by?: string }[];
}

export interface SeededArchive {
  dossiers: OutputOf<'dossier:create'>[];
}

const appVersion = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Makes an archive in-process through the real core and its 'cli' front door, with the tests' cheap
 * key derivation. Key slots keep their own KDF cost, so the built CLI then signs in fast too; a
 * setup no longer pays a process start and a full-cost key derivation per command.
 */
export async function seedArchive(dataDir: string, seed: ArchiveSeed): Promise<SeededArchive> {
  const core = testCore(dataDir, { appVersion });
  const admin = { login: seed.admin.login ?? 'admin', password: seed.admin.password };
  const passwordOf = (login: string) => (login === admin.login ? admin.password : seed.users?.find((u) => u.login === login)?.password);
  const dossiers: OutputOf<'dossier:create'>[] = [];
  try {
    await ok(core, 'archive:create', { admin: { ...admin, displayName: seed.admin.displayName ?? admin.login } }, 'cli');
    for (const department of seed.departments ?? []) await ok(core, 'department:create', department, 'cli');
    for (const user of seed.users ?? []) await addUser(core, user, 'cli');
    let signedIn = admin.login;
    for (const { by = admin.login, ...dossier } of seed.dossiers ?? []) {
      if (by !== signedIn) await switchTo(core, by, passwordOf(by), 'cli');
      signedIn = by;
      dossiers.push(await ok(core, 'dossier:create', dossier, 'cli'));
    }
    for (const { by = admin.login, channel, input } of seed.calls ?? []) {
      if (by !== signedIn) await switchTo(core, by, passwordOf(by), 'cli');
      signedIn = by;
      const filled: unknown = JSON.parse(JSON.stringify(input), (_key, value: unknown) => (typeof value === 'string' && value.startsWith('$dossier:') ? dossiers[Number(value.slice(9))]?.archiveNumber : value));
      const result = await call(core, channel, filled as never, 'cli');
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.messageEn}`);
    }
  } finally {
    await core.close();
  }
  return { dossiers };
}
