import type { IntakeLineSource, LoanSource, ViolationDossier, ViolationPersonRow } from '../../../../../db/repositories/violation-sources';
import { formatLocalDate, parseTimeBound } from '../../../../../shared/time';
import type { ViolationTrigger } from '../../../../../shared/violation-rules';
import { addDays } from '../../loans/loan-days';

/**
 * One thing in the registers a rule may fine: a dossier handed over late, a checklist item
 * missing from a hand-over until a later one brings it, a document lost on a loan, a loan past its
 * due day. Findings of one register entry that the same rule fines make one violation.
 */
export interface Finding {
  trigger: ViolationTrigger;
  source: { register: 'intake' | 'loan'; id: number };
  /** The register entry (an intake's dossier, a loan) whose findings are fined together. */
  entry: string;
  /** When it happened (ISO, for the order of a person's violations) and its local day. */
  at: string;
  day: string;
  person: ViolationPersonRow;
  dossier: ViolationDossier;
  /** The checklist item missing (intake-missing-item). */
  itemKey: string | null;
  /** The missing item's or lost document's name. */
  label: string;
  workdaysLate: number;
  /** The deadline missed: the hand-over's, or the loan's due day. */
  deadline: string | null;
  /** The local day it was put right (a later hand-over, the return); null while it is not. Only for correctable triggers. */
  correctedOn: string | null;
}

const localDay = (iso: string) => formatLocalDate(new Date(iso));
const lineEntry = (line: IntakeLineSource) => `intake:${line.intakeId}:${line.dossier.id}`;

export function lateFindings(lines: readonly IntakeLineSource[]): Finding[] {
  return lines.map((line) => ({
    trigger: 'intake-late',
    source: { register: 'intake', id: line.intakeId },
    entry: lineEntry(line),
    at: line.handedOverAt,
    day: localDay(line.handedOverAt),
    person: line.person,
    dossier: line.dossier,
    itemKey: null,
    label: '',
    workdaysLate: line.workdaysLate ?? 0,
    deadline: line.deadline,
    correctedOn: null,
  }));
}

/**
 * Shortages replayed per dossier, as the intake book keeps them open (intakes/open-shortages.ts):
 * an item missing at a hand-over is one finding, charged to that hand-over, until a later
 * hand-over records it present – noting it missing again is the same shortage, not a new one.
 * `histories` come in hand-over order per dossier.
 */
export function shortageFindings(histories: readonly IntakeLineSource[]): Finding[] {
  const findings: Finding[] = [];
  let open = new Map<string, Finding>();
  let dossierId: number | null = null;
  for (const line of histories) {
    if (line.dossier.id !== dossierId) {
      open = new Map();
      dossierId = line.dossier.id;
    }
    const day = localDay(line.handedOverAt);
    for (const item of line.items) {
      const known = open.get(item.key);
      if (item.status === 'present') {
        if (known) known.correctedOn = day;
        open.delete(item.key);
      } else if (!known) {
        const finding: Finding = {
          trigger: 'intake-missing-item',
          source: { register: 'intake', id: line.intakeId },
          entry: lineEntry(line),
          at: line.handedOverAt,
          day,
          person: line.person,
          dossier: line.dossier,
          itemKey: item.key,
          label: item.name,
          workdaysLate: 0,
          deadline: null,
          correctedOn: null,
        };
        open.set(item.key, finding);
        findings.push(finding);
      }
    }
  }
  return findings;
}

/** Each document a return found missing. */
export function lostDocumentFindings(loans: readonly LoanSource[]): Finding[] {
  return loans.flatMap((loan) => {
    const titles = new Map(loan.documents.map((d) => [d.id, d.title]));
    const at = loan.returnedAt ?? loan.handedOutAt;
    return loan.findings
      .filter((finding) => finding.issue === 'missing')
      .map((finding): Finding => ({
        trigger: 'loan-lost-document',
        source: { register: 'loan', id: loan.loanId },
        entry: `loan:${loan.loanId}`,
        at,
        day: localDay(at),
        person: loan.person,
        dossier: loan.dossier,
        itemKey: null,
        label: titles.get(finding.documentId) ?? `文件 ${finding.documentId}`,
        workdaysLate: 0,
        deadline: null,
        correctedOn: null,
      }));
  });
}

/** A loan overdue from the day after its due day, put right by its return. */
export function overdueFindings(loans: readonly LoanSource[]): Finding[] {
  return loans.map((loan) => {
    const day = addDays(loan.dueOn, 1);
    return {
      trigger: 'loan-overdue',
      source: { register: 'loan', id: loan.loanId },
      entry: `loan:${loan.loanId}`,
      at: parseTimeBound(day, false).toISOString(),
      day,
      person: loan.person,
      dossier: loan.dossier,
      itemKey: null,
      label: '',
      workdaysLate: 0,
      deadline: loan.dueOn,
      correctedOn: loan.returnedAt ? localDay(loan.returnedAt) : null,
    };
  });
}
