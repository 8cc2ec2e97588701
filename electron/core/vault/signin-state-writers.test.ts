import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, passwordOf, switchTo } from '../../../tests/helpers/core';
import { failAuditEvents } from '../../../tests/helpers/failing-audit';
import { afterNextRead, failSyncWrites } from '../../../tests/helpers/fs-hooks';
import { useRivalProgram } from '../../../tests/helpers/rival-program';
import { sessionProbe } from '../../../tests/helpers/session-probe';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import type { Core } from '../core';
import { failReservation, reserveAttempt } from '../services/session/attempt-reservation';
import { readKeySlotFile, slotIdFor } from './key-slots';
import { readSigninState } from './signin-state';

// Writes that change the sign-in state besides sign-in itself – an unlock, a new password, the
// lockout policy – change it under its lock once their transaction has committed.

const tempDir = useTempDirs();
const rivalProgram = useRivalProgram();
const stateFile = (dir: string) => join(dir, 'signin-state.json');
const accountOf = (dir: string, login: string) => slotIdFor(readKeySlotFile(join(dir, 'keyslots.json')), login);
const countOf = (dir: string, login: string) => readSigninState(stateFile(dir)).accounts[accountOf(dir, login)];
/** The other program's answer is awaited this long; it takes well under 100 ms when nothing holds it up. */
const RIVAL_WAIT_MS = 1_000;

/** lisi and zhangsan, clerks; the administrator signed in (through `probe`'s handlers, if given). */
async function twoClerks(dir: string, probe?: ReturnType<typeof sessionProbe>): Promise<Core> {
  const core = await newArchive(dir, probe ? { handlers: probe.handlers } : {});
  await addUser(core, { login: 'lisi', roles: ['clerk'] });
  await addUser(core, { login: 'zhangsan', roles: ['clerk'] });
  return core;
}

/** Five wrong passwords lock lisi out; the administrator signs in again. */
async function lockOutLisi(core: Core, dir: string): Promise<void> {
  await ok(core, 'session:lock', {});
  for (let i = 0; i < 5; i += 1) await call(core, 'session:login', { login: 'lisi', password: 'wrong-password' });
  await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
  expect(countOf(dir, 'lisi')?.lockedUntil).not.toBeNull();
}

/**
 * Runs `write` while another program signs in as zhangsan with a wrong password right after the
 * write has read the sign-in state; returns the write's answer once both are done.
 */
async function withWrongPasswordBetween<T>(dir: string, write: () => Promise<T>): Promise<T> {
  const rival = await rivalProgram();
  const between = afterNextRead(stateFile(dir), () => rival.callAndWait(dir, 'session:login', { login: 'zhangsan', password: 'wrong-password' }, RIVAL_WAIT_MS));
  let answer: T;
  try {
    answer = await write();
  } finally {
    between.undo();
  }
  expect(between.ran()).toBe(true);
  expect(await rival.answer()).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
  return answer;
}

/** zhangsan's wrong password from the other program counts, and is in the audit trail once someone signs in. */
async function expectZhangsanCounted(core: Core, dir: string): Promise<void> {
  expect(countOf(dir, 'zhangsan')?.failures).toBe(1);
  await switchTo(core, ADMIN.login, ADMIN.password);
  const failed = (await ok(core, 'audit:list', { action: 'session:login-failed' })).items.filter((e) => e.target?.label === 'zhangsan');
  expect(failed.map((e) => [e.summary?.reason, e.frontDoor])).toEqual([['wrong-password', 'cli']]);
}

/** A full disk for the sign-in state only (its temporary files), until undone. */
const signinStateDiskFull = () => failSyncWrites('ENOSPC', (path) => basename(path).startsWith('.signin-state.json.'));

/** The two ways to lift lisi's lock: the password she has afterwards, and how a lift that did not take begins. */
const lifts = {
  'user:unlock': { lift: (core: Core) => call(core, 'user:unlock', { login: 'lisi' }), password: passwordOf('lisi'), notTaken: 'The unlock is in the audit trail but could not be written to the sign-in state' },
  'user:reset-password': {
    lift: (core: Core) => call(core, 'user:reset-password', { login: 'lisi', password: 'lisi-new-password', mustChangePassword: false }),
    password: 'lisi-new-password',
    notTaken: "The new password is set, but the account's lock could not be lifted",
  },
};
const liftChannels = Object.keys(lifts) as (keyof typeof lifts)[];

describe('lifting a lock', () => {
  it.each(liftChannels)('%s: a wrong password another program counts meanwhile stays counted and reaches the audit trail', async (channel) => {
    const dir = tempDir();
    const core = await twoClerks(dir);
    await lockOutLisi(core, dir);
    expect((await withWrongPasswordBetween(dir, () => lifts[channel].lift(core))).ok).toBe(true);
    expect(countOf(dir, 'lisi')).toBeUndefined();
    await switchTo(core, 'lisi', lifts[channel].password);
    await expectZhangsanCounted(core, dir);
    await core.close();
  });

  it('a password being tried while the lock is lifted still counts if it turns out wrong', async () => {
    const dir = tempDir();
    const core = await twoClerks(dir);
    const account = accountOf(dir, 'zhangsan');
    const reserve = async () => {
      const reservation = await reserveAttempt(stateFile(dir), account, { at: new Date().toISOString(), login: 'zhangsan', frontDoor: 'cli', reason: 'wrong-password' }, () => new Date());
      if (reservation.kind !== 'reserved') throw new Error('the attempt was refused');
      return reservation;
    };
    for (let i = 0; i < 2; i += 1) await failReservation(stateFile(dir), account, await reserve(), new Date());
    const trying = await reserve();

    await ok(core, 'user:unlock', { login: 'zhangsan' });
    expect(countOf(dir, 'zhangsan')).toMatchObject({ failures: 0, lockedUntil: null, trying: [{ id: trying.tryId }] });
    await failReservation(stateFile(dir), account, trying, new Date());
    expect(countOf(dir, 'zhangsan')?.failures).toBe(1);
    await core.close();
  });

  it.each(liftChannels)('%s: the sign-in state is untouched when the transaction fails', async (channel) => {
    const dir = tempDir();
    const probe = sessionProbe();
    const core = await twoClerks(dir, probe);
    await lockOutLisi(core, dir);
    const before = readSigninState(stateFile(dir));
    const failing = failAuditEvents((await probe.session(core)).archive.database.sqlite);
    try {
      expect((await lifts[channel].lift(core)).ok).toBe(false);
    } finally {
      failing.undo();
    }
    expect(readSigninState(stateFile(dir))).toEqual(before);
    await core.close();
  });

  it.each(liftChannels)('%s: a lift the sign-in state cannot take says so; the account stays locked until unlocked again', async (channel) => {
    const dir = tempDir();
    const core = await twoClerks(dir);
    await lockOutLisi(core, dir);
    const fullDisk = signinStateDiskFull();
    let refused;
    try {
      refused = await lifts[channel].lift(core);
    } finally {
      fullDisk.undo();
    }
    expect(refused).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    expect(refused.ok ? '' : refused.error.messageEn).toMatch(new RegExp(`^${lifts[channel].notTaken} \\(the disk is full\\): the account is still locked until `));
    expect((await ok(core, 'user:list', {})).find((u) => u.login === 'lisi')?.lockedUntil).not.toBeNull();
    expect((await ok(core, 'audit:list', { action: channel })).items).toHaveLength(1);

    await ok(core, 'user:unlock', { login: 'lisi' });
    await switchTo(core, 'lisi', lifts[channel].password);
    await core.close();
  });
});

describe('the lockout policy mirrored into the sign-in state', () => {
  const stricter = { lockoutAttempts: 3, lockoutMinutes: 60 };
  const mirrored = (dir: string) => readSigninState(stateFile(dir)).policy;

  it('a wrong password another program counts meanwhile stays counted and reaches the audit trail', async () => {
    const dir = tempDir();
    const core = await twoClerks(dir);
    await withWrongPasswordBetween(dir, () => ok(core, 'security:update-policy', stricter));
    expect(mirrored(dir)).toEqual({ maxAttempts: 3, lockMinutes: 60 });
    await expectZhangsanCounted(core, dir);
    await core.close();
  });

  it('is untouched when the transaction fails', async () => {
    const dir = tempDir();
    const probe = sessionProbe();
    const core = await twoClerks(dir, probe);
    const failing = failAuditEvents((await probe.session(core)).archive.database.sqlite);
    try {
      expect((await call(core, 'security:update-policy', stricter)).ok).toBe(false);
    } finally {
      failing.undo();
    }
    expect(mirrored(dir)).toEqual({ maxAttempts: 5, lockMinutes: 15 });
    await core.close();
  });

  it('a policy the sign-in state cannot take now is kept by the database and mirrored at the next sign-in', async () => {
    const dir = tempDir();
    const core = await twoClerks(dir);
    const fullDisk = signinStateDiskFull();
    try {
      expect(await ok(core, 'security:update-policy', stricter)).toMatchObject(stricter);
    } finally {
      fullDisk.undo();
    }
    expect(mirrored(dir)).toEqual({ maxAttempts: 5, lockMinutes: 15 });
    await switchTo(core, ADMIN.login, ADMIN.password);
    expect(mirrored(dir)).toEqual({ maxAttempts: 3, lockMinutes: 60 });
    await core.close();
  });
});
