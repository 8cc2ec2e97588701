import { describe, expect, it } from 'vitest';
import { addUser, call, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';

const tempDir = useTempDirs();

/** Room A with cabinet 01 (shelves 1 and 2, two boxes on shelf 1) and cabinet 02. */
async function storeRoom(core: Core) {
  const room = await ok(core, 'location:create', { parentId: null, code: 'A', name: '一号库房' });
  const cabinet2 = await ok(core, 'location:create', { parentId: room.id, code: '02', name: '2号柜', position: 2 });
  const cabinet1 = await ok(core, 'location:create', { parentId: room.id, code: '01', name: '1号柜', position: 1 });
  const shelf2 = await ok(core, 'location:create', { parentId: cabinet1.id, code: '2', name: '第2层' });
  const shelf1 = await ok(core, 'location:create', { parentId: cabinet1.id, code: '1', name: '第1层', position: 1 });
  const box = await ok(core, 'location:create', { parentId: shelf1.id, code: '15', name: '15盒' });
  return { room, cabinet1, cabinet2, shelf1, shelf2, box };
}

describe('storage locations: room → cabinet → shelf → box', () => {
  it('builds the tree with kinds from the level, full codes and shelving order', async () => {
    const core = await newArchive(tempDir());
    const { box } = await storeRoom(core);
    expect(box).toMatchObject({ kind: 'box', fullCode: 'A-01-1-15', path: '一号库房 / 1号柜 / 第1层 / 15盒', depth: 3 });
    const list = await ok(core, 'location:list', {});
    // Left to right, top to bottom: cabinet 01 before 02, shelf 1 before 2, depth first.
    expect(list.map((l) => l.fullCode)).toEqual(['A', 'A-01', 'A-01-1', 'A-01-1-15', 'A-01-2', 'A-02']);
    expect(list.map((l) => l.kind)).toEqual(['room', 'cabinet', 'shelf', 'box', 'shelf', 'cabinet']);
    expect(await call(core, 'location:create', { parentId: box.id, code: '1', name: '盒中盒' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'location:create', { parentId: null, code: 'a', name: '重复' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await core.close();
  });

  it('shelves a dossier: its page says where it stands, the list filters by a place and what is inside it', async () => {
    const core = await newArchive(tempDir());
    const { box, cabinet1, cabinet2, room } = await storeRoom(core);
    const shelved = await ok(core, 'dossier:create', { title: '张三 新车档案' });
    await ok(core, 'dossier:create', { title: '李四 未上架' });
    const detail = await ok(core, 'dossier:set-location', { archiveNumber: shelved.archiveNumber, locationId: box.id });
    expect(detail.location).toEqual({ id: box.id, fullCode: 'A-01-1-15', path: '一号库房 / 1号柜 / 第1层 / 15盒' });
    const numbers = async (locationId: number) => (await ok(core, 'dossier:list', { filters: { locationId } })).items.map((d) => d.archiveNumber);
    expect(await numbers(cabinet1.id)).toEqual([shelved.archiveNumber]);
    expect(await numbers(room.id)).toEqual([shelved.archiveNumber]);
    expect(await numbers(cabinet2.id)).toEqual([]);
    expect((await ok(core, 'location:list', {})).find((l) => l.id === box.id)?.dossiers).toBe(1);

    // A place holding a dossier or other places cannot be removed; an empty one can.
    expect(await call(core, 'location:remove', { id: box.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call(core, 'location:remove', { id: cabinet1.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await ok(core, 'location:remove', { id: cabinet2.id })).toEqual({ removed: true });
    // A place the stocktake register names stays, empty or not: the register is kept for good.
    const shelf9 = await ok(core, 'location:create', { parentId: cabinet1.id, code: '9', name: '第9层' });
    await ok(core, 'stocktake:start', { locationId: shelf9.id });
    expect(await call(core, 'location:remove', { id: shelf9.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('登记册永久保存') as string } });
    // So does a room the inspection register names.
    const inspected = await ok(core, 'location:create', { parentId: null, code: 'Z', name: '临时库房' });
    await ok(core, 'inspection:start', { locationId: inspected.id });
    expect(await call(core, 'location:remove', { id: inspected.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('有盘点或保管检查记录') as string } });
    const [event] = (await ok(core, 'audit:list', { action: 'dossier:shelve' })).items;
    expect(event?.summary).toEqual({ from: null, to: 'A-01-1-15' });
    const off = await ok(core, 'dossier:set-location', { archiveNumber: shelved.archiveNumber, locationId: null });
    expect(off.location).toBeNull();
    await core.close();
  });

  it('only those who manage locations change them; counts leave out dossiers the reader may not see', async () => {
    const core = await newArchive(tempDir());
    const { box } = await storeRoom(core);
    const secret = await ok(core, 'dossier:create', { title: '绝密', level: 4 });
    await ok(core, 'dossier:set-location', { archiveNumber: secret.archiveNumber, locationId: box.id });
    await addUser(core, { login: 'staff', roles: ['staff'], clearance: 1 });
    await switchTo(core, 'staff');
    expect((await ok(core, 'location:list', {})).find((l) => l.id === box.id)?.dossiers).toBe(0);
    expect(await call(core, 'location:create', { parentId: null, code: 'B', name: '二号库房' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await core.close();
  });
});
