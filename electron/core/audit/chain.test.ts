import { describe, expect, it } from 'vitest';
import { ADMIN, newArchive, ok } from '../../../tests/helpers/core';
import { openRawDatabase } from '../../../tests/helpers/raw-archive';
import { useTempDirs } from '../../../tests/helpers/temp-dir';

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
  const { testCore } = await import('../../../tests/helpers/core');
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
    expect(events.map((e) => e.action)).toEqual(['archive:create', 'dossier:create', 'dossier:create', 'dossier:create', 'session:lock']);
    expect(events[1]).toMatchObject({ user_login: 'admin', front_door: 'ui' });
    expect(events[1]?.target_label).toMatch(/^KH-\d{4}-000001$/);
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
    // Signing in appends a new event after the gap, so the chain breaks exactly at the deleted id.
    const check = await verifyAs(tail);
    expect(check?.ok).toBe(false);
    expect(check?.messageEn).toContain(`event ${last + 1}`);
  });
});
