import { lateIntakeLines, overdueLoans, returnsWithLostDocuments, shortageHistories } from '../../../../../db/repositories/violation-sources';
import type { Db } from '../../../../../db/open';
import { parseTimeBound } from '../../../../../shared/time';
import type { ViolationRule, ViolationRules } from '../../../../../shared/violation-rules';
import { workingCalendar } from '../../calendar/working-days';
import { addDays } from '../../loans/loan-days';
import type { MonthSpan } from '../months';
import { lateFindings, lostDocumentFindings, overdueFindings, shortageFindings, type Finding } from './findings';
import { RuleBook } from './rule-book';

/**
 * How long before a month a shortage or an overdue loan may have been put right and still have
 * repeated in it: the working day before a month's first one lies at most this far back (the
 * longest holiday with its weekends).
 */
const LOOK_BACK_DAYS = 15;

/** One violation of a month: the findings of one register entry that one rule fines on one day. */
export interface Violation {
  day: string;
  at: string;
  rule: ViolationRule;
  ruleOrder: number;
  findings: Finding[];
  repetition: number;
  units: number;
  /** The person's n-th violation in the month, and the escalation factor that applies to it. */
  ordinal: number;
  factor: number;
  /** Fen. */
  unitFen: number;
  amountFen: number;
}

/** Who a violation is charged to: the user when the register knows one, else the name as signed in that department. */
export function personKey(finding: Finding): string {
  const { person } = finding;
  return person.userId !== null ? `u${person.userId}` : `n${person.departmentId ?? ''}:${person.name}`;
}

function unitsOf(rule: ViolationRule, findings: readonly Finding[]): number {
  switch (rule.per) {
    case 'workday':
      return findings[0]?.workdaysLate ?? 0;
    case 'item':
    case 'document':
      return findings.length;
    default:
      return 1;
  }
}

/** The findings that may count in the month, read only for triggers some rule looks for. */
function findingsOf(db: Db, book: RuleBook, span: MonthSpan): Finding[] {
  const period = { from: span.fromTime, to: span.throughTime };
  const closedFrom = new Date(Date.parse(span.fromTime) - LOOK_BACK_DAYS * 86_400_000).toISOString();
  const late = book.uses('intake-late');
  const missing = book.uses('intake-missing-item');
  const lost = book.uses('loan-lost-document');
  const overdue = book.uses('loan-overdue');
  return [
    ...(late.used ? lateFindings(lateIntakeLines(db, period)) : []),
    ...(missing.used ? shortageFindings(shortageHistories(db, { ...period, closedFrom }, missing.repeating)) : []),
    ...(lost.used ? lostDocumentFindings(returnsWithLostDocuments(db, period)) : []),
    ...(overdue.used ? overdueFindings(overdueLoans(db, { lastDay: addDays(span.through, 1), closedFrom })) : []),
  ];
}

/**
 * The violation ledger of one month, rebuilt from the registers each time it is asked for: every
 * finding fined by the first rule that matches it, on its day and on each day it repeated, the
 * findings of one entry under one rule on one day made one violation; then each person's
 * violations in order, the escalation applied from the n-th on. Over every dossier – a fine is
 * the same whoever reads it; what a reader is shown is decided by the report.
 */
export function monthViolations(db: Db, rules: ViolationRules, span: MonthSpan): Violation[] {
  const book = new RuleBook(db, rules, workingCalendar(db));
  const window = { firstDay: span.firstDay, through: span.through };
  const groups = new Map<string, Omit<Violation, 'units' | 'ordinal' | 'factor' | 'unitFen' | 'amountFen'>>();
  for (const finding of findingsOf(db, book, span)) {
    const match = book.ruleFor(finding);
    if (!match) continue;
    for (const occurrence of book.occurrences(finding, match.rule, window)) {
      const key = `${match.rule.code}|${finding.entry}|${occurrence.repetition}`;
      const group = groups.get(key);
      if (group) group.findings.push(finding);
      else groups.set(key, { day: occurrence.day, at: occurrence.repetition === 0 ? finding.at : parseTimeBound(occurrence.day, false).toISOString(), rule: match.rule, ruleOrder: match.order, findings: [finding], repetition: occurrence.repetition });
    }
  }
  const ordered = [...groups.values()].sort((a, b) => a.day.localeCompare(b.day) || a.at.localeCompare(b.at) || (a.findings[0]?.entry ?? '').localeCompare(b.findings[0]?.entry ?? '') || a.ruleOrder - b.ruleOrder);
  const counts = new Map<string, number>();
  return ordered.map((group) => {
    const first = group.findings[0] as Finding;
    const person = personKey(first);
    const ordinal = (counts.get(person) ?? 0) + 1;
    counts.set(person, ordinal);
    const factor = book.factorFor(first.person.departmentId, ordinal);
    const units = unitsOf(group.rule, group.findings);
    const unitFen = Math.round(group.rule.amount * 100);
    return { ...group, units, ordinal, factor, unitFen, amountFen: Math.round(unitFen * units * factor) };
  });
}
