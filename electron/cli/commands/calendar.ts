import { Argument, type Command } from 'commander';
import { calendarDayKinds, calendarSourceLabels, type CalendarListDay, type CalendarYear } from '../../../shared/contract';
import { parsePositive } from '../number-option';
import type { Run } from '../program';

function dayLine(day: CalendarListDay): string {
  const kind = day.workday ? (day.weekend ? '调休上班/make-up workday' : '上班/workday') : '休息/holiday';
  return `${day.day}\t${kind}\t${day.name ?? '-'}\t${calendarSourceLabels[day.source].zh}/${day.source}`;
}

function yearLine(year: CalendarYear): string {
  const state = year.confirmation === 'package' ? '已确认（内置）/confirmed (shipped)' : year.confirmed ? '已确认/confirmed' : '未确认：除周末外均按工作日计算/unconfirmed: weekends only';
  return `${year.year}\t${state}`;
}

export function registerCalendarCommands(program: Command, run: Run): void {
  const calendar = program.command('calendar').description('工作日历（节假日与调休） / working-day calendar (holidays and make-up days)');

  calendar
    .command('set')
    .description('把一天设为上班日或休息日 / make a day a workday or a holiday')
    .argument('<date>', '日期 YYYY-MM-DD / day')
    .addArgument(new Argument('<kind>', '上班 workday 或休息 holiday / workday or holiday').choices(calendarDayKinds))
    .option('--name <name>', '名称，如 春节 / name, e.g. 春节')
    .action(run(async (session, day: string, kind: (typeof calendarDayKinds)[number], options: { name?: string }) => {
      await session.signIn();
      const set = await session.call('calendar:set', { day, kind, ...(options.name === undefined ? {} : { name: options.name }) });
      await session.show(set, dayLine);
    }));

  calendar
    .command('unset <date>')
    .description('删除管理员的设置，恢复内置日历 / remove the administrator\'s entry: back to the shipped calendar')
    .action(run(async (session, day: string) => {
      await session.signIn();
      await session.show(await session.call('calendar:unset', { day }), dayLine);
    }));

  calendar
    .command('list')
    .description('列出一年的节假日、调休与管理员设置 / list a year\'s holidays, make-up days and entries')
    .requiredOption('--year <yyyy>', '年份 / year', parsePositive)
    .action(run(async (session, options: { year: number }) => {
      await session.signIn();
      const year = await session.call('calendar:list', { year: options.year });
      await session.show(year, (shown) => [yearLine(shown), ...shown.days.map(dayLine)].join('\n'));
    }));

  calendar
    .command('confirm')
    .description('确认一年的国务院节假日安排已录入 / confirm that a year\'s State Council notice is entered')
    .requiredOption('--year <yyyy>', '年份 / year', parsePositive)
    .action(run(async (session, options: { year: number }) => {
      await session.signIn();
      const year = await session.call('calendar:confirm-year', { year: options.year });
      await session.show(year, yearLine);
    }));
}
