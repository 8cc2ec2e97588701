import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../electron/core/core';
import type { FrontDoor } from '../../electron/core/audit/chain';
import type { Channel, InputOf, OutputOf, StagingPurpose } from '../../shared/contract';
import { stageInChunks } from '../../shared/staging-upload';
import type { Envelope } from '../../shared/errors';
import { migrationsDir } from './paths';

/** Test cores use a cheaper key derivation and skip the background page check (tested on its own); everything else is the product's. */
export const FAST_KDF = { N: 2 ** 12, r: 8, p: 1 };

export const ADMIN = { login: 'admin', displayName: '系统管理员', password: 'admin-password-1' };

export function testCore(dataDir: string, options: Partial<CoreOptions> = {}): Core {
  return createCore({ dataDir: join(dataDir), migrationsDir, appVersion: '0.0.0-test', kdfCost: FAST_KDF, idleCheckIntervalMs: 0, log: () => undefined, pageCheck: false, ...options });
}

/** Typed call through the real wrapper. */
export async function call<C extends Channel>(core: Pick<Core, 'invoke'>, channel: C, input: InputOf<C>, frontDoor: FrontDoor = 'ui'): Promise<Envelope<OutputOf<C>>> {
  return (await core.invoke(channel, input, frontDoor)) as Envelope<OutputOf<C>>;
}

/** Like `call`, but the test fails with the error message unless the call succeeds. */
export async function ok<C extends Channel>(core: Pick<Core, 'invoke'>, channel: C, input: InputOf<C>, frontDoor: FrontDoor = 'ui'): Promise<OutputOf<C>> {
  const result = await call(core, channel, input, frontDoor);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.messageEn}`);
  return result.data;
}

export async function newArchive(dataDir: string, options: Partial<CoreOptions> = {}): Promise<Core> {
  const core = testCore(dataDir, options);
  await ok(core, 'archive:create', { admin: ADMIN });
  return core;
}

export interface TestUser {
  login: string;
  displayName?: string;
  roles: InputOf<'user:create'>['roles'];
  departmentCode?: string;
  clearance?: number;
  password?: string;
  mustChangePassword?: boolean;
}

/** The password a test user gets unless the test names one. */
export const passwordOf = (login: string) => `${login}-password-1`;

/** Adds a user through the real channel; defaults: archive office, top clearance, no forced change. */
export async function addUser(core: Core, user: TestUser, frontDoor: FrontDoor = 'ui'): Promise<OutputOf<'user:create'>> {
  return ok(core, 'user:create', {
    login: user.login,
    displayName: user.displayName ?? user.login,
    roles: user.roles,
    departmentCode: user.departmentCode ?? 'DAS',
    clearance: user.clearance ?? 4,
    password: user.password ?? passwordOf(user.login),
    mustChangePassword: user.mustChangePassword ?? false,
  }, frontDoor);
}

/** Locks and signs in as someone else on the same core. */
export async function switchTo(core: Core, login: string, password = passwordOf(login), frontDoor: FrontDoor = 'ui'): Promise<void> {
  await call(core, 'session:lock', {}, frontDoor);
  await ok(core, 'session:login', { login, password }, frontDoor);
}

/** A made-up dossier summary for handlers that a test replaces (never stored). */
export const fakeDossierSummary: OutputOf<'dossier:create'> = {
  id: 0,
  archiveNumber: 'X',
  title: 'x',
  type: null,
  level: 0,
  department: { code: 'DAS', name: '档案室' },
  remark: null,
  classification: null,
  status: 'in-archive',
  complete: true,
  missingCount: 0,
  held: false,
  destructionList: null,
  createdAt: '',
  createdBy: { id: 0, displayName: '' },
  openedOn: null,
};

/** Stages bytes through the staging channels, as a front door would, and returns the staged file's id. */
export async function stageBytes(core: Core, name: string, bytes: Uint8Array, purpose: StagingPurpose = 'import'): Promise<string> {
  const source = { name, size: bytes.length, read: async (offset: number, length: number) => Promise.resolve(new Uint8Array(bytes.subarray(offset, offset + length))) };
  const staged = await stageInChunks(source, purpose, (channel, input) => ok(core, channel, input));
  return staged.stagedFileId;
}

/** A sheet staged and opened for import (import:open), as the import dialog and the CLI do it. */
export async function openSheet(core: Core, name: string, bytes: Uint8Array, encoding?: 'utf-8' | 'gb18030'): Promise<OutputOf<'import:open'>> {
  return ok(core, 'import:open', { stagedFileId: await stageBytes(core, name, bytes), ...(encoding ? { encoding } : {}) });
}
