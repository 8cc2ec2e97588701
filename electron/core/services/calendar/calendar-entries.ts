import { deleteCalendarEntry, findCalendarEntry, insertConfirmedYear, saveCalendarEntry } from '../../../../db/repositories/calendar';
import type { Db } from '../../../../db/open';
import type { CalendarDayKind, CalendarListDay, CalendarYear } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { AuditDraft } from '../../audit/chain';
import type { HandlerContext } from '../../context';
import { daysOfYear, isWeekend } from './calendar-year';
import { isShippedYear, shippedCalendar, shippedYears } from './shipped-calendar';
import { workingCalendar, type WorkingCalendar } from './working-days';

function listDay(calendar: WorkingCalendar, day: string): CalendarListDay {
  const info = calendar.dayInfo(day);
  const weekend = isWeekend(day);
  const shipped = shippedCalendar.get(day);
  return {
    ...info,
    weekend,
    nameEn: info.source === 'package' ? (shipped?.nameEn ?? null) : null,
    shipped: info.source === 'administrator' ? { workday: shipped?.workday ?? !weekend, name: shipped?.name ?? null } : null,
  };
}

/** The calendar screen's year: the days the shipped calendar or an administrator names, and whether the year is known. */
export function calendarYear(db: Db, year: number): CalendarYear {
  const calendar = workingCalendar(db);
  const days = daysOfYear(year)
    .map((day) => listDay(calendar, day))
    .filter((day) => day.source !== 'weekend-rule');
  const confirmed = calendar.dayInfo(`${year}-01-01`).confirmed;
  return { year, confirmed, confirmation: isShippedYear(year) ? 'package' : confirmed ? 'administrator' : null, shippedYears, days };
}

/** A day as the audit trail records it before and after a change. */
function recorded(day: CalendarListDay) {
  return { workday: day.workday, name: day.name, source: day.source };
}

/** Runs a change of one day's entry and records the day as it was and as it is. */
function changeDay(ctx: HandlerContext, day: string, action: string, change: (db: Db) => void): CalendarListDay {
  return ctx.write(
    (db) => {
      const before = listDay(workingCalendar(db), day);
      change(db);
      return { before, after: listDay(workingCalendar(db), day) };
    },
    ({ before, after }): AuditDraft => ({ action, target: { type: 'calendar-day', id: day, label: day }, summary: { before: recorded(before), after: recorded(after) } }),
  ).after;
}

export function setCalendarDay(ctx: HandlerContext, input: { day: string; kind: CalendarDayKind; name?: string | null | undefined }): CalendarListDay {
  const at = ctx.env.now().toISOString();
  const by = ctx.session().record.id;
  return changeDay(ctx, input.day, 'calendar:set', (db) => saveCalendarEntry(db, { day: input.day, kind: input.kind, name: input.name ?? null }, by, at));
}

export function unsetCalendarDay(ctx: HandlerContext, input: { day: string }): CalendarListDay {
  return changeDay(ctx, input.day, 'calendar:unset', (db) => {
    if (!findCalendarEntry(db, input.day)) {
      throw new AppError('NOT_FOUND', { zh: `${input.day} 没有管理员录入的设置，已按内置日历计算`, en: `${input.day} has no administrator's entry; it already counts as shipped` });
    }
    deleteCalendarEntry(db, input.day);
  });
}

/** The administrator says the year's notice is entered in full: its days no longer count as "unconfirmed". */
export function confirmCalendarYear(ctx: HandlerContext, input: { year: number }): CalendarYear {
  const at = ctx.env.now().toISOString();
  const by = ctx.session().record.id;
  return ctx.write(
    (db) => {
      const known = calendarYear(db, input.year);
      if (known.confirmed) {
        throw new AppError('CONFLICT', {
          zh: known.confirmation === 'package' ? `${input.year} 年的节假日安排随程序提供，无需确认` : `${input.year} 年的节假日安排已经确认`,
          en: known.confirmation === 'package' ? `The holidays of ${input.year} are shipped with the program; there is nothing to confirm` : `The holidays of ${input.year} are confirmed already`,
        });
      }
      insertConfirmedYear(db, input.year, by, at);
      return calendarYear(db, input.year);
    },
    (year) => {
      const entered = year.days.filter((day) => day.source === 'administrator');
      return {
        action: 'calendar:confirm-year',
        target: { type: 'calendar-year', id: year.year, label: String(year.year) },
        summary: { holidays: entered.filter((day) => !day.workday).length, workdays: entered.filter((day) => day.workday).length },
      };
    },
  );
}
