import { drizzle } from 'drizzle-orm/better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as schema from '../../../db/schema';
import { ADMIN, newArchive, ok, testCore } from '../../../tests/helpers/core';
import { openRawDatabase } from '../../../tests/helpers/raw-archive';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { eventContentHash, verifyAuditChain } from './chain';

const tempDir = useTempDirs();

async function archiveWithEvents(): Promise<string> {
  const dir = tempDir();
  const core = await newArchive(dir);
  for (const title of ['张三的新车档案', '李四的售后档案', '王五的房产档案']) await ok(core, 'dossier:create', { title });
  await ok(core, 'session:lock', {});
  await core.close();
  return dir;
}

async function verifyAs(dir: string) {
  const core = testCore(dir);
  await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
  const report = await ok(core, 'archive:verify', {});
  await core.close();
  return report.checks.find((c) => c.name === 'audit-trail');
}

describe('the audit trail', () => {
  it('records who did what, where, with a hash chain that verifies', async () => {
    const dir = await archiveWithEvents();
    const raw = await openRawDatabase(dir, ADMIN.login, ADMIN.password);
    const events = raw.prepare('SELECT id, action, user_login, front_door, target_label, prev_hash, hash FROM audit_events ORDER BY id').all() as {
      id: number;
      action: string;
      user_login: string;
      front_door: string;
      target_label: string | null;
      prev_hash: string;
      hash: string;
    }[];
    raw.close();
    expect(events.map((e) => e.action)).toEqual(['archive:create', 'type:install', 'dossier:create', 'dossier:create', 'dossier:create', 'session:lock']);
    expect(events[2]).toMatchObject({ user_login: 'admin', front_door: 'ui' });
    expect(events[2]?.target_label).toMatch(/^KH-\d{4}-000001$/);
    expect(events[0]?.prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < events.length; i += 1) expect(events[i]?.prev_hash).toBe(events[i - 1]?.hash);
    expect((await verifyAs(dir))?.ok).toBe(true);
  });

  it('refuses UPDATE and DELETE of events in the database itself', async () => {
    const dir = await archiveWithEvents();
    const raw = await openRawDatabase(dir, ADMIN.login, ADMIN.password);
    expect(() => raw.prepare("UPDATE audit_events SET action = 'nothing' WHERE id = 2").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM audit_events WHERE id = 2').run()).toThrow(/append-only/);
    raw.close();
  });

  it('detects a changed event and names it', async () => {
    const dir = await archiveWithEvents();
    const raw = await openRawDatabase(dir, ADMIN.login, ADMIN.password);
    raw.exec('DROP TRIGGER audit_events_no_update');
    raw.prepare(`UPDATE audit_events SET summary = '{"title":"伪造"}' WHERE id = 3`).run();
    raw.close();
    const check = await verifyAs(dir);
    expect(check?.ok).toBe(false);
    expect(check?.message).toContain('第 3 条');
    expect(check?.messageEn).toContain('event 3');
    expect(check?.messageEn).toContain('content was changed');
  });

  it('detects a cut-off tail without any new event after it', async () => {
    const dir = await archiveWithEvents();
    const raw = await openRawDatabase(dir, ADMIN.login, ADMIN.password);
    raw.exec('DROP TRIGGER audit_events_no_delete');
    raw.prepare('DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)').run();
    const verdict = verifyAuditChain(drizzle(raw, { schema }));
    raw.close();
    expect(verdict).toMatchObject({ ok: false, fault: 'tail-missing' });
  });

  it('an anchor written down earlier catches a consistent rewrite of the whole chain', async () => {
    const dir = await archiveWithEvents();
    const raw = await openRawDatabase(dir, ADMIN.login, ADMIN.password);
    const head = verifyAuditChain(drizzle(raw, { schema }));
    if (!head.ok || !head.head) throw new Error('expected an intact chain');
    const anchor = head.head;
    // Someone with the key rewrites event 2 and recomputes every hash after it.
    raw.exec('DROP TRIGGER audit_events_no_update');
    raw.exec('DROP INDEX audit_events_prev_hash_unique');
    raw.prepare(`UPDATE audit_events SET summary = '{"title":"伪造"}' WHERE id = 2`).run();
    const rows = raw.prepare('SELECT * FROM audit_events ORDER BY id').all() as Record<string, unknown>[];
    let prev = '0'.repeat(64);
    for (const row of rows) {
      const content = { at: row.at, userId: row.user_id, userLogin: row.user_login, userDisplayName: row.user_display_name, userDepartment: row.user_department, action: row.action, targetType: row.target_type, targetId: row.target_id, targetLabel: row.target_label, summary: row.summary, frontDoor: row.front_door, prevHash: prev };
      const hash = eventContentHash(content as Parameters<typeof eventContentHash>[0]);
      raw.prepare('UPDATE audit_events SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
      prev = hash;
    }
    const rewritten = drizzle(raw, { schema });
    expect(verifyAuditChain(rewritten).ok).toBe(true); // consistent on its own …
    expect(verifyAuditChain(rewritten, [anchor])).toMatchObject({ ok: false, fault: 'anchor-mismatch', firstBrokenId: anchor.id });
    raw.close();

    // … and through the product: verify with the anchor names the event.
    const core = testCore(dir);
    await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    const report = await ok(core, 'archive:verify', { anchors: [anchor] });
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'audit-trail')?.messageEn).toContain(`event ${anchor.id}`);
    await core.close();
  });

  it('detects a removed event in the middle and a cut-off tail', async () => {
    const middle = await archiveWithEvents();
    let raw = await openRawDatabase(middle, ADMIN.login, ADMIN.password);
    raw.exec('DROP TRIGGER audit_events_no_delete');
    raw.prepare('DELETE FROM audit_events WHERE id = 2').run();
    raw.close();
    expect((await verifyAs(middle))?.messageEn).toContain('event 3');

    const tail = await archiveWithEvents();
    raw = await openRawDatabase(tail, ADMIN.login, ADMIN.password);
    const last = raw.prepare('SELECT max(id) FROM audit_events').pluck().get() as number;
    raw.exec('DROP TRIGGER audit_events_no_delete');
    raw.prepare('DELETE FROM audit_events WHERE id = ?').run(last);
    raw.close();
    // The high-water mark knows the archive had reached the deleted event: the sign-in writes
    // nothing after the gap, and the trail is reported cut off at the deleted id.
    const check = await verifyAs(tail);
    expect(check?.ok).toBe(false);
    expect(check?.messageEn).toContain(`breaks at event ${last}: it and later events are missing`);
  });
});
