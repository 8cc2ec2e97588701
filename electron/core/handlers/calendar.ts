import type { calendarContract } from '../../../shared/contract';
import { calendarYear, confirmCalendarYear, setCalendarDay, unsetCalendarDay } from '../services/calendar/calendar-entries';
import type { HandlersFor } from './types';

export const calendarHandlers: HandlersFor<typeof calendarContract> = {
  'calendar:list': (ctx, input) => calendarYear(ctx.session().archive.database.db, input.year),
  'calendar:set': (ctx, input) => setCalendarDay(ctx, input),
  'calendar:unset': (ctx, input) => unsetCalendarDay(ctx, input),
  'calendar:confirm-year': (ctx, input) => confirmCalendarYear(ctx, input),
};
