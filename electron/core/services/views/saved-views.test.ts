import { describe, expect, it } from 'vitest';
import { addUser, call, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();

describe('saved list views (保存的筛选)', () => {
  it('are per user, by name (saving a name again replaces it), and removable', async () => {
    const core = await newArchive(tempDir());
    const state = { query: '张', filters: { typeKeys: ['vehicle-new'], complete: false }, sort: { by: 'archiveNumber' as const, direction: 'asc' as const }, columns: ['archiveNumber' as const, 'title' as const, 'complete' as const] };
    const saved = await ok(core, 'view:save', { name: '缺件新车', state });
    expect(saved).toMatchObject({ name: '缺件新车', state });
    const again = await ok(core, 'view:save', { name: '缺件新车', state: { ...state, columns: ['archiveNumber'] } });
    expect(again.id).toBe(saved.id);
    expect((await ok(core, 'view:list', {})).map((v) => [v.name, v.state.columns])).toEqual([['缺件新车', ['archiveNumber']]]);
    expect(await call(core, 'view:save', { name: '空列', state: { ...state, columns: [] } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

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
