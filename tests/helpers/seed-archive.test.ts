import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAST_KDF, ok, testCore } from './core';
import { seedArchive } from './seed-archive';
import { useTempDirs } from './temp-dir';

const tempDir = useTempDirs();

describe('seedArchive', () => {
  it('leaves the archive `init`, `department add`, `user add --no-force-change` and `dossier create` would: from the command line, with cheap key slots', async () => {
    const dataDir = join(tempDir(), 'archive');
    const { dossiers } = await seedArchive(dataDir, {
      admin: { password: 'admin-password-1' },
      departments: [{ code: 'XSB', name: '销售部' }],
      users: [{ login: 'li', displayName: '销售小李', roles: ['clerk'], departmentCode: 'XSB', clearance: 1 }],
      dossiers: [{ title: '李四 售后档案', by: 'li' }, { title: '张三 机密档案', level: 3 }],
    });
    expect(dossiers.map((d) => [d.title, d.createdBy.displayName, d.department.code])).toEqual([
      ['李四 售后档案', '销售小李', 'XSB'],
      ['张三 机密档案', 'admin', 'DAS'],
    ]);

    const slots = (JSON.parse(readFileSync(join(dataDir, 'keyslots.json'), 'utf8')) as { slots: { kdf: { N: number } }[] }).slots;
    expect(slots.map((s) => s.kdf.N)).toEqual([FAST_KDF.N, FAST_KDF.N]);

    const core = testCore(dataDir);
    try {
      await ok(core, 'session:login', { login: 'admin', password: 'admin-password-1' }, 'cli');
      const users = await ok(core, 'user:list', {});
      expect(users.map((u) => [u.login, u.displayName, u.roles, u.department?.code, u.clearance, u.mustChangePassword])).toEqual([
        ['admin', 'admin', ['admin'], 'DAS', 4, false],
        ['li', '销售小李', ['clerk'], 'XSB', 1, false],
      ]);
      const trail = (await ok(core, 'audit:list', { limit: 100 })).items;
      expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['archive:create', 'department:create', 'user:create', 'dossier:create']));
      expect(new Set(trail.map((e) => e.frontDoor))).toEqual(new Set(['cli']));
    } finally {
      await core.close();
    }
  });
});
