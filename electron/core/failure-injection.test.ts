import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ADMIN, call, fakeDossierSummary, newArchive, ok, testCore } from '../../tests/helpers/core';
import { openRawDatabase } from '../../tests/helpers/raw-archive';
import { useTempDirs } from '../../tests/helpers/temp-dir';
import { handlers } from './handlers';
import type { HandlerTable } from './handlers/types';
import { archivePaths } from './vault/archive-files';

const tempDir = useTempDirs();

/** Makes the database refuse the audit event of one action, as a full disk or I/O error would. */
async function failAuditOf(dir: string, action: string): Promise<void> {
  const raw = await openRawDatabase(dir, ADMIN.login, ADMIN.password);
  raw.exec(`CREATE TRIGGER inject_failure BEFORE INSERT ON audit_events WHEN NEW.action = '${action}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END;`);
  raw.close();
}

describe('a failure part-way leaves nothing half done', () => {
  it('sign-in whose audit event cannot be written: refused, and no session stays open', async () => {
    const dir = tempDir();
    await (await newArchive(dir)).close();
    await failAuditOf(dir, 'session:login');
    const core = testCore(dir);
    const result = await call(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    expect(result.ok).toBe(false);
    expect(await ok(core, 'session:status', {})).toMatchObject({ session: null });
    expect(await call(core, 'dossier:list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await core.close();
  });

  it('password change whose audit event cannot be written: the key slot file is put back', async () => {
    const dir = tempDir();
    await (await newArchive(dir)).close();
    await failAuditOf(dir, 'session:change-password');
    const before = readFileSync(archivePaths(dir).keySlots);
    const core = testCore(dir);
    await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    expect((await call(core, 'session:change-password', { currentPassword: ADMIN.password, newPassword: 'another-password-1' })).ok).toBe(false);
    expect(readFileSync(archivePaths(dir).keySlots)).toEqual(before);
    await ok(core, 'session:lock', {});
    await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    expect((await ok(core, 'archive:verify', {})).checks.find((c) => c.name === 'key-slots')?.ok).toBe(true);
    await core.close();
  });

  it('user creation whose audit event cannot be written: no user, no slot', async () => {
    const dir = tempDir();
    await (await newArchive(dir)).close();
    await failAuditOf(dir, 'user:create');
    const before = readFileSync(archivePaths(dir).keySlots);
    const core = testCore(dir);
    await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    expect((await call(core, 'user:create', { login: 'lisi', displayName: '李四', roles: ['clerk'], departmentCode: 'DAS', clearance: 1, password: 'lisi-password-1' })).ok).toBe(false);
    expect(readFileSync(archivePaths(dir).keySlots)).toEqual(before);
    expect((await ok(core, 'user:list', {})).map((u) => u.login)).toEqual(['admin']);
    await core.close();
  });

  it('a commit that fails after the file was written puts the file back', async () => {
    const dir = tempDir();
    const target = join(dir, 'effect.txt');
    writeFileSync(target, 'before');
    const failingCommit: HandlerTable = {
      ...handlers,
      'dossier:create': (ctx) =>
        ctx.write(
          (db, effects) => {
            // A deferred foreign-key violation is only detected at COMMIT, after the file effect ran.
            db.run(sql`PRAGMA defer_foreign_keys = ON`);
            db.run(sql`INSERT INTO user_roles (user_id, role) VALUES (9999, 'staff')`);
            effects.replaceFile(target, 'after');
            return fakeDossierSummary;
          },
          { action: 'dossier:create' },
        ),
    };
    const core = await newArchive(join(dir, 'archive'), { handlers: failingCommit });
    const events = (await ok(core, 'archive:info', {})).counts.auditEvents;
    expect((await call(core, 'dossier:create', { title: 'x' })).ok).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe('before');
    expect((await ok(core, 'archive:info', {})).counts.auditEvents).toBe(events);
    await core.close();
  });

  it('a handler cannot write outside ctx.write: the connection is read-only there', async () => {
    const sneaky: HandlerTable = {
      ...handlers,
      'dossier:list': (ctx) => {
        ctx.session().archive.database.db.run(sql`DELETE FROM settings`);
        return { items: [], total: 0, totalCapped: false, nextCursor: null };
      },
    };
    const core = await newArchive(tempDir(), { handlers: sneaky });
    await ok(core, 'settings:update', { idleLockMinutes: 30 });
    const result = await call(core, 'dossier:list', {});
    expect(result.ok).toBe(false);
    expect((await ok(core, 'settings:get', {})).idleLockMinutes).toBe(30);
    // Writes through ctx.write still work afterwards.
    await ok(core, 'dossier:create', { title: '之后仍可写入' });
    await core.close();
  });

  it('the idle lock wipes the data key in memory', async () => {
    let captured: Buffer | undefined;
    const spy: HandlerTable = {
      ...handlers,
      'session:touch': (ctx) => {
        captured = ctx.session().archive.dataKey;
        return { idleLockMinutes: ctx.session().idleLockMinutes };
      },
    };
    let now = Date.now();
    const core = await newArchive(tempDir(), { handlers: spy, now: () => new Date(now) });
    await ok(core, 'session:touch', {});
    expect(captured?.some((byte) => byte !== 0)).toBe(true);
    now += 16 * 60_000;
    expect(await ok(core, 'session:status', {})).toMatchObject({ session: null, lockReason: 'idle' });
    expect(captured?.every((byte) => byte === 0)).toBe(true);
    await core.close();
  });
});
