import { describe, expect, it } from 'vitest';
import { addUser, call, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();

/** Replaces values by their types, to compare the shape of two answers. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}

describe('hidden dossiers do not leak', () => {
  it('a 绝密 dossier searched by title by a user without clearance: zero results, the same answer as for nothing', async () => {
    const core = await newArchive(tempDir());
    const secret = await ok(core, 'dossier:create', { title: '绝密收购方案 天元计划', level: 4 });
    await ok(core, 'dossier:create', { title: '普通档案', level: 1 });
    await addUser(core, { login: 'clerk-low', roles: ['clerk'], clearance: 2 });
    await switchTo(core, 'clerk-low');

    const hidden = await ok(core, 'dossier:list', { query: '天元计划' });
    const nothing = await ok(core, 'dossier:list', { query: '根本不存在的词' });
    expect(hidden).toEqual({ items: [], total: 0, totalCapped: false, nextCursor: null });
    expect(shape(hidden)).toEqual(shape(nothing));

    // Counts and the full list only know the visible dossier.
    const all = await ok(core, 'dossier:list', {});
    expect(all.total).toBe(1);
    expect(all.items.map((d) => d.title)).toEqual(['普通档案']);

    // Asked by number: NOT_FOUND, exactly like a number that was never given out.
    const byNumber = await call(core, 'dossier:get', { archiveNumber: secret.archiveNumber });
    const never = await call(core, 'dossier:get', { archiveNumber: 'KH-1999-999999' });
    expect(byNumber).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(never).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!byNumber.ok && !never.ok) {
      expect(byNumber.error.message.replace(secret.archiveNumber, '#')).toBe(never.error.message.replace('KH-1999-999999', '#'));
    }
    for (const channel of ['dossier:export', 'approval:list'] as const) {
      expect(await call(core, channel, { archiveNumber: secret.archiveNumber }), channel).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await call(core, 'dossier:classify', { archiveNumber: secret.archiveNumber, level: 0 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await core.close();
  });

  it('the audit trail shows that something happened to a hidden dossier, never what', async () => {
    const core = await newArchive(tempDir());
    const secret = await ok(core, 'dossier:create', { title: '绝密收购方案 天元计划', level: 4 });
    await addUser(core, { login: 'auditor-low', roles: ['auditor'], clearance: 1 });
    await addUser(core, { login: 'auditor-high', roles: ['auditor'], clearance: 4 });

    await switchTo(core, 'auditor-low');
    const low = await ok(core, 'audit:list', { action: 'dossier:create' });
    expect(low.items).toHaveLength(1);
    expect(low.items[0]?.target?.label).toBe('（无权查看）');
    expect(low.items[0]?.summary).toBeNull();
    expect(JSON.stringify(low)).not.toContain('天元计划');
    expect(JSON.stringify(low)).not.toContain(secret.archiveNumber);
    expect((await ok(core, 'audit:list', { archiveNumber: secret.archiveNumber })).items).toEqual([]);
    const csv = await ok(core, 'audit:export', { format: 'csv' });
    expect(new TextDecoder().decode(csv.bytes)).not.toContain('天元计划');

    await switchTo(core, 'auditor-high');
    const high = await ok(core, 'audit:list', { archiveNumber: secret.archiveNumber });
    expect(high.items[0]?.summary).toMatchObject({ title: '绝密收购方案 天元计划' });
    await core.close();
  });
});
