import { drizzle } from 'drizzle-orm/better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../../db/open';
import type { Channel, InputOf } from '../../../../shared/contract';
import * as schema from '../../../../db/schema';
import { ADMIN, addUser, call, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { openRawDatabase } from '../../../../tests/helpers/raw-archive';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { workingCalendar } from './working-days';

const tempDir = useTempDirs();

describe('the working-day calendar as administrators keep it', () => {
  it("an administrator's correction counts at once – in this program and in another one reading the archive", async () => {
    const dir = tempDir();
    const core = await newArchive(dir);
    // Another program on the same archive (the CLI, the window beside it): its own connection, its own kept calendar.
    const raw = await openRawDatabase(dir, ADMIN.login, ADMIN.password);
    const other: Db = drizzle(raw, { schema });
    const dueAfterSpringFestival = () => workingCalendar(other).addWorkdays('2026-02-13', 3);
    expect(dueAfterSpringFestival()).toBe('2026-02-25');
    const before = await ok(core, 'calendar:list', { year: 2026 });
    expect(before.days.find((d) => d.day === '2026-02-24')).toBeUndefined();

    // The company gives Tuesday 24 February off as well.
    const set = await ok(core, 'calendar:set', { day: '2026-02-24', kind: 'holiday', name: '公司加休' });
    expect(set).toMatchObject({ day: '2026-02-24', workday: false, name: '公司加休', source: 'administrator', confirmed: true, weekend: false, shipped: { workday: true, name: null } });
    expect(dueAfterSpringFestival()).toBe('2026-02-26');
    expect((await ok(core, 'calendar:list', { year: 2026 })).days.find((d) => d.day === '2026-02-24')).toMatchObject({ workday: false, source: 'administrator' });

    // The make-up Saturday 28 February, taken back to its shipped state after a mistaken entry.
    await ok(core, 'calendar:set', { day: '2026-02-28', kind: 'holiday' });
    expect(workingCalendar(other).addWorkdays('2026-02-26', 2)).toBe('2026-03-02');
    const reverted = await ok(core, 'calendar:unset', { day: '2026-02-28' });
    expect(reverted).toMatchObject({ workday: true, name: '春节', source: 'package', shipped: null });
    expect(workingCalendar(other).addWorkdays('2026-02-26', 2)).toBe('2026-02-28');
    await ok(core, 'calendar:unset', { day: '2026-02-24' });
    expect(dueAfterSpringFestival()).toBe('2026-02-25');
    expect(await call(core, 'calendar:unset', { day: '2026-02-24' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // A change of something else keeps the worked-out calendar.
    const kept = workingCalendar(other);
    await ok(core, 'dossier:create', { title: '张三 新车档案' });
    expect(workingCalendar(other)).toBe(kept);

    // Every change is in the audit trail with the day before and after.
    const events = (await ok(core, 'audit:list', { action: 'calendar:set' })).items;
    expect(events.map((e) => [e.target?.label, e.summary])).toEqual([
      ['2026-02-28', { before: { workday: true, name: '春节', source: 'package' }, after: { workday: false, name: null, source: 'administrator' } }],
      ['2026-02-24', { before: { workday: true, name: null, source: 'weekend-rule' }, after: { workday: false, name: '公司加休', source: 'administrator' } }],
    ]);
    const [unset] = (await ok(core, 'audit:list', { action: 'calendar:unset' })).items;
    expect(unset?.summary).toEqual({ before: { workday: false, name: '公司加休', source: 'administrator' }, after: { workday: true, name: null, source: 'weekend-rule' } });
    raw.close();
    await core.close();
  });

  it('2027 is beyond the shipped data: weekends only and unconfirmed, until the notice is entered and confirmed', async () => {
    const core = await newArchive(tempDir());
    const unknown = await ok(core, 'calendar:list', { year: 2027 });
    expect(unknown).toMatchObject({ year: 2027, confirmed: false, confirmation: null, shippedYears: { first: 2004, last: 2026 }, days: [] });
    const shipped = await ok(core, 'calendar:list', { year: 2026 });
    expect(shipped).toMatchObject({ confirmed: true, confirmation: 'package' });
    expect(shipped.days.find((d) => d.day === '2026-02-14')).toEqual({
      day: '2026-02-14',
      workday: true,
      name: '春节',
      nameEn: 'Spring Festival',
      source: 'package',
      confirmed: true,
      weekend: true,
      shipped: null,
    });
    expect(shipped.days.filter((d) => d.day.startsWith('2026-10-')).map((d) => [d.day.slice(8), d.workday])).toEqual([
      ['01', false],
      ['02', false],
      ['03', false],
      ['04', false],
      ['05', false],
      ['06', false],
      ['07', false],
      ['10', true],
    ]);

    // 元旦 2027: Friday 1 January off (the notice as an administrator enters it).
    await ok(core, 'calendar:set', { day: '2027-01-01', kind: 'holiday', name: '元旦' });
    await ok(core, 'calendar:set', { day: '2027-02-20', kind: 'workday', name: '春节' });
    const entered = await ok(core, 'calendar:list', { year: 2027 });
    expect(entered.confirmed).toBe(false);
    expect(entered.days.map((d) => [d.day, d.workday, d.source, d.confirmed])).toEqual([
      ['2027-01-01', false, 'administrator', false],
      ['2027-02-20', true, 'administrator', false],
    ]);
    const confirmed = await ok(core, 'calendar:confirm-year', { year: 2027 });
    expect(confirmed).toMatchObject({ confirmed: true, confirmation: 'administrator' });
    expect(confirmed.days.every((d) => d.confirmed)).toBe(true);
    expect((await ok(core, 'calendar:list', { year: 2027 })).confirmed).toBe(true);
    expect(await call(core, 'calendar:confirm-year', { year: 2027 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call(core, 'calendar:confirm-year', { year: 2026 })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '2026 年的节假日安排随程序提供，无需确认' } });
    const [event] = (await ok(core, 'audit:list', { action: 'calendar:confirm-year' })).items;
    expect(event).toMatchObject({ target: { type: 'calendar-year', label: '2027' }, summary: { holidays: 1, workdays: 1 } });
    await core.close();
  });

  it('anyone signed in reads the calendar; only an administrator changes it', async () => {
    const core = await newArchive(tempDir());
    await addUser(core, { login: 'clerk', roles: ['clerk'] });
    await switchTo(core, 'clerk');
    expect((await ok(core, 'calendar:list', { year: 2026 })).confirmed).toBe(true);
    expect(await call(core, 'calendar:set', { day: '2026-02-24', kind: 'holiday' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(core, 'calendar:unset', { day: '2026-02-24' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(core, 'calendar:confirm-year', { year: 2027 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await switchTo(core, ADMIN.login, ADMIN.password);
    expect((await ok(core, 'calendar:list', { year: 2026 })).days.some((d) => d.source === 'administrator')).toBe(false);
    await core.close();
  });

  it('refuses impossible days and years, naming the field', async () => {
    const core = await newArchive(tempDir());
    const refusal = async <C extends Channel>(channel: C, input: InputOf<C>) => {
      const result = await call(core, channel, input);
      return result.ok ? ['accepted'] : [result.error.code, result.error.issues?.map((issue) => `${issue.path}: ${issue.message}`)];
    };
    const notADay = 'day: 日期应为真实存在的日期，格式 YYYY-MM-DD';
    expect(await refusal('calendar:set', { day: '2026-02-30', kind: 'holiday' })).toEqual(['VALIDATION', [notADay]]);
    expect(await refusal('calendar:set', { day: '2026-2-3', kind: 'holiday' })).toEqual(['VALIDATION', [notADay]]);
    expect(await refusal('calendar:unset', { day: '2027-13-01' })).toEqual(['VALIDATION', [notADay]]);
    expect(await refusal('calendar:set', { day: '2101-01-01', kind: 'holiday' })).toEqual(['VALIDATION', ['day: 年份应在 1949–2100 之间']]);
    expect(await refusal('calendar:set', { day: '2026-02-03', kind: 'weekend' as 'holiday' })).toMatchObject(['VALIDATION', [expect.stringMatching(/^kind: /)]]);
    expect(await refusal('calendar:set', { day: '2026-02-03', kind: 'holiday', name: ' ' })).toEqual(['VALIDATION', ['name: 名称不能为空']]);
    expect(await refusal('calendar:list', { year: 20271 })).toEqual(['VALIDATION', ['year: 年份应在 1949–2100 之间']]);
    expect(await refusal('calendar:confirm-year', { year: 2027.5 })).toEqual(['VALIDATION', ['year: 年份应在 1949–2100 之间']]);
    await core.close();
  });
});
