import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLevels } from '../../../../shared/levels';
import { ADMIN, addUser, call, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();

describe('confidentiality scale and security policy', () => {
  it('ships 公开 < 内部 < 秘密 < 机密 < 绝密 with the letter grades as an alternative labelling', async () => {
    const core = await newArchive(tempDir());
    const settings = await ok(core, 'settings:get', {});
    expect(settings.levels.map((l) => l.name)).toEqual(['公开', '内部', '秘密', '机密', '绝密']);
    expect(settings.levels.map((l) => l.grade)).toEqual([null, 'C', 'B', 'A', null]);
    expect(settings.defaultDossierLevel).toBe(1);
    expect((await ok(core, 'dossier:create', { title: '默认密级' })).level).toBe(1);
    const marked = await ok(core, 'dossier:create', { title: '机密档案', level: 3 });
    expect(marked.remark).toBe('机密');
    const detail = await ok(core, 'dossier:get', { archiveNumber: marked.archiveNumber });
    expect(detail).toMatchObject({ classified: true, storedSeparately: true, custodian: { login: 'admin' } });
    expect(await call(core, 'dossier:classify', { archiveNumber: marked.archiveNumber, storedSeparately: false })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await core.close();
  });

  it('a scale may be renamed but not cut below a level in use; the default level must be on it', async () => {
    const core = await newArchive(tempDir());
    const renamed = defaultLevels.map((l, i) => ({ ...l, name: `${l.name}级`, grade: i === 0 ? 'D' : l.grade }));
    const after = await ok(core, 'security:update-policy', { levels: renamed, levelLabelling: 'grade' });
    expect(after.levels[3]?.name).toBe('机密级');
    // The administrator holds the top clearance (rank 4): a 3-level scale would strand it.
    expect(await call(core, 'security:update-policy', { levels: renamed.slice(0, 3) })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call(core, 'security:update-policy', { defaultDossierLevel: 6 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const broken = renamed.map((l, i) => (i === 4 ? { ...l, classified: false } : l));
    expect(await call(core, 'security:update-policy', { levels: broken })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await core.close();
  });

  it('the lockout policy is mirrored into the sign-in state, where it is needed before any sign-in', async () => {
    const dir = tempDir();
    const core = await newArchive(dir);
    await ok(core, 'security:update-policy', { lockoutAttempts: 7, lockoutMinutes: 30 });
    const state = JSON.parse(readFileSync(join(dir, 'signin-state.json'), 'utf8')) as { policy: unknown };
    expect(state.policy).toEqual({ maxAttempts: 7, lockMinutes: 30 });
    await core.close();
  });
});

describe('three-role separation (三员分立)', () => {
  it('splits administration over three people, none of whom sees dossier content', async () => {
    const core = await newArchive(tempDir());
    await ok(core, 'dossier:create', { title: '业务档案' });
    await addUser(core, { login: 'anquan', displayName: '安全管理员', roles: ['staff'] });
    await addUser(core, { login: 'shenji', displayName: '安全审计员', roles: ['staff'] });
    await addUser(core, { login: 'auditor', roles: ['auditor'] });

    expect(await call(core, 'security:enable-separation', { securityAdmin: 'anquan', securityAuditor: 'anquan' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'security:enable-separation', { securityAdmin: 'admin', securityAuditor: 'shenji' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const on = await ok(core, 'security:enable-separation', { securityAdmin: 'anquan', securityAuditor: 'shenji' });
    expect(on.threeRoleSeparation).toBe(true);

    // The system administrator: settings yes, users and dossiers no.
    const admin = (await ok(core, 'session:status', {})).session?.user;
    expect(admin?.permissions).toEqual(['archive.backup', 'archive.verify', 'settings.manage', 'type.manage', 'user.read']);
    expect(await call(core, 'dossier:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(core, 'user:create', { login: 'x1', displayName: 'x', roles: ['staff'], departmentCode: 'DAS', clearance: 0, password: 'x1-password-1' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await ok(core, 'settings:update', { idleLockMinutes: 10 });

    // The security administrator: users, departments, policy; no dossiers, no audit trail.
    await switchTo(core, 'anquan');
    await addUser(core, { login: 'newclerk', roles: ['clerk'] });
    expect(await call(core, 'user:create', { login: 'x2', displayName: 'x', roles: ['admin', 'security-auditor'], departmentCode: 'DAS', clearance: 0, password: 'x2-password-1' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await call(core, 'dossier:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(core, 'audit:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // The security auditor: the trail, with dossier details blacked out; nothing else.
    await switchTo(core, 'shenji');
    const trail = await ok(core, 'audit:list', {});
    expect(trail.items.some((e) => e.action === 'security:enable-separation')).toBe(true);
    expect(trail.items.find((e) => e.action === 'dossier:create')?.summary).toBeNull();
    expect(await call(core, 'dossier:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(core, 'user:disable', { login: 'newclerk' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // The business auditor is not one of the three: still reads the trail and the registers.
    await switchTo(core, 'auditor');
    await ok(core, 'dossier:list', {});

    // Only the security administrator switches separation off again; the security roles lapse.
    await switchTo(core, ADMIN.login, ADMIN.password);
    expect(await call(core, 'security:disable-separation', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await switchTo(core, 'anquan');
    expect((await ok(core, 'security:disable-separation', {})).threeRoleSeparation).toBe(false);
    await switchTo(core, ADMIN.login, ADMIN.password);
    const after = Object.fromEntries((await ok(core, 'user:list', {})).map((u) => [u.login, u.roles]));
    expect(after).toMatchObject({ admin: ['admin'], anquan: ['staff'], shenji: ['staff'] });
    await core.close();
  });
});
