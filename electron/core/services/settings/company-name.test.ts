import { describe, expect, it } from 'vitest';
import { addUser, call, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();

describe('the company name (公司名称) the registers are headed with', () => {
  it('is empty until the administrator sets it; up to 60 characters, one line; the change is audited', async () => {
    const core = await newArchive(tempDir());
    expect((await ok(core, 'settings:get', {})).companyName).toBe('');

    const after = await ok(core, 'settings:update', { companyName: '  上海浦江汽车销售服务有限公司  ' });
    expect(after.companyName).toBe('上海浦江汽车销售服务有限公司');
    expect(after.idleLockMinutes).toBe(15);
    expect((await ok(core, 'settings:get', {})).companyName).toBe('上海浦江汽车销售服务有限公司');

    const tooLong = await call(core, 'settings:update', { companyName: '公'.repeat(61) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!tooLong.ok) expect(tooLong.error.issues?.map((issue) => issue.messageEn)).toEqual(['The company name has at most 60 characters']);
    expect(await call(core, 'settings:update', { companyName: '浦江\n汽车' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await ok(core, 'settings:get', {})).companyName).toBe('上海浦江汽车销售服务有限公司');

    // The trail says what the name was and what it became.
    const [event] = (await ok(core, 'audit:list', { action: 'settings:update' })).items;
    expect(event?.summary).toEqual({ before: { companyName: '' }, after: { companyName: '上海浦江汽车销售服务有限公司' } });
  });

  it('only whoever manages the settings may change it', async () => {
    const core = await newArchive(tempDir());
    await ok(core, 'department:create', { code: 'XSB', name: '销售部' });
    await addUser(core, { login: 'clerk', roles: ['clerk'], departmentCode: 'XSB' });
    await switchTo(core, 'clerk');
    expect(await call(core, 'settings:update', { companyName: '别的公司' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await ok(core, 'settings:get', {})).companyName).toBe('');
  });
});
