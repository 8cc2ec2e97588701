import { describe, expect, it } from 'vitest';
import { addUser, call, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();

describe('saved list views (保存的筛选)', () => {
  it('are per user, by name (saving a name again replaces it), and removable', async () => {
    const core = await newArchive(tempDir());
    const state = { query: '张', filters: { typeKeys: ['vehicle-new'], complete: false }, sort: { by: 'archiveNumber' as const, direction: 'asc' as const }, columns: ['archiveNumber' as const, 'title' as const, 'complete' as const] };
    const saved = await ok(core, 'view:save', { name: '缺件新车', state });
    expect(saved).toMatchObject({ name: '缺件新车', state: { ...state, columns: ['archiveNumber', 'title', 'complete', 'remark'] } });
    const again = await ok(core, 'view:save', { name: '缺件新车', state: { ...state, columns: ['archiveNumber'] } });
    expect(again.id).toBe(saved.id);
    expect((await ok(core, 'view:list', {})).map((v) => [v.name, v.state.columns])).toEqual([['缺件新车', ['archiveNumber', 'remark']]]);
    // The number and the 机密/绝密 remark column (CF-01) are in every view, whatever is asked.
    expect((await ok(core, 'view:save', { name: '只看题名', state: { ...state, columns: ['title'] } })).state.columns).toEqual(['archiveNumber', 'title', 'remark']);
    expect(await call(core, 'view:save', { name: '未知列', state: { ...state, columns: ['secret' as 'title'] } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await ok(core, 'view:remove', { id: (await ok(core, 'view:list', {})).find((v) => v.name === '只看题名')?.id ?? 0 });

    await addUser(core, { login: 'clerk', roles: ['clerk'] });
    await switchTo(core, 'clerk');
    expect(await ok(core, 'view:list', {})).toEqual([]);
    expect(await call(core, 'view:remove', { id: saved.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await switchTo(core, 'admin', 'admin-password-1');
    expect(await ok(core, 'view:remove', { id: saved.id })).toEqual({ removed: true });
    expect(await ok(core, 'view:list', {})).toEqual([]);
    await core.close();
  });
});
