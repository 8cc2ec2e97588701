import type { TypeDefinition } from '../../../../shared/dossier-types';
import type { IntakeDeadline } from '../../../../shared/intake-deadlines';
import { isCalendarDay } from '../../../../shared/days';
import type { WorkingCalendar } from '../calendar/working-days';
import { invalidAt } from './invalid-at';

export interface DeadlineOutcome {
  triggerDate: string | null;
  /** The type's field the trigger date came from; null when it was given. */
  triggerField: string | null;
  deadline: string | null;
  workdaysLate: number | null;
}

export interface DeadlineQuestion {
  /** The deadline setting of the dossier's type, if it has one. */
  rule: IntakeDeadline | undefined;
  definition: TypeDefinition | null;
  /** The dossier's field values. */
  fields: Readonly<Record<string, unknown>>;
  /** A trigger date given at the hand-over: it wins over the field. */
  given: string | undefined;
  /** The local day of the hand-over. */
  handedOn: string;
  calendar: WorkingCalendar;
  /** Where in the input the dossier is (dossiers.N), and its number, for the messages. */
  path: string;
  archiveNumber: string;
}

/**
 * The deadline a dossier is handed over against (IN-02…IN-13): the type's working days after the
 * trigger date – given at the hand-over, else read from the type's date field. A hand-over after
 * the deadline is late by the working days in between. Types without a deadline record only a
 * trigger date given to them.
 */
export function deadlineOf(question: DeadlineQuestion): DeadlineOutcome {
  const { rule, definition, given, handedOn, calendar, path, archiveNumber } = question;
  const field = rule?.triggerField ? definition?.fields.find((f) => f.key === rule.triggerField && f.kind === 'date') : undefined;
  const stored = field ? question.fields[field.key] : undefined;
  const fromField = typeof stored === 'string' && isCalendarDay(stored) ? stored : undefined;
  const triggerDate = given ?? fromField ?? null;
  if (!rule) return { triggerDate, triggerField: null, deadline: null, workdaysLate: null };
  if (triggerDate === null) {
    throw invalidAt(
      `${path}.triggerDate`,
      field ? `档案 ${archiveNumber} 没有填写“${field.label}”，请填写签收期限的起算日期` : `档案 ${archiveNumber} 的签收期限从起算日期算起，请填写起算日期`,
      field ? `Dossier ${archiveNumber} has no "${field.labelEn ?? field.label}": give the date the hand-over deadline runs from` : `The hand-over deadline of dossier ${archiveNumber} runs from a date: give it`,
    );
  }
  if (triggerDate > handedOn) {
    throw invalidAt(
      `${path}.triggerDate`,
      `档案 ${archiveNumber} 的起算日期 ${triggerDate} 晚于移交日期 ${handedOn}`,
      `The trigger date ${triggerDate} of dossier ${archiveNumber} is after the hand-over on ${handedOn}`,
    );
  }
  const deadline = calendar.addWorkdays(triggerDate, rule.workdays);
  return { triggerDate, triggerField: given === undefined ? (field?.key ?? null) : null, deadline, workdaysLate: calendar.workdaysLate(deadline, handedOn) };
}
