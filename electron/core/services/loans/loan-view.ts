import type { LoanRecord, StoredFinding } from '../../../../db/repositories/loans';
import type { LoanView, Outsider } from '../../../../shared/contract';
import { overdueDays } from './loan-days';

const person = (p: { login: string; displayName: string }) => ({ login: p.login, displayName: p.displayName });

export function toLoanView(record: LoanRecord, now: Date): LoanView {
  const overdue = overdueDays(record.dueOn, record.returned?.at ?? null, now);
  const titles = new Map(record.documents.map((d) => [d.id, d]));
  const described = (findings: StoredFinding[]) => findings.map((f) => ({ ...f, title: titles.get(f.documentId)?.title ?? '', pagesOut: titles.get(f.documentId)?.pages ?? 0 }));
  return {
    id: record.id,
    requestId: record.requestId,
    kind: record.kind,
    archiveNumber: record.dossier.archiveNumber,
    dossierTitle: record.dossier.title,
    level: record.dossier.level,
    borrower: record.borrower ? { ...person(record.borrower), department: record.borrower.department } : null,
    outsider: record.outsider ? (JSON.parse(record.outsider) as Outsider) : null,
    purpose: record.purpose,
    handedOutBy: person(record.handedOutBy),
    handedOutAt: record.handedOutAt,
    dueOn: record.dueOn,
    documents: record.documents,
    pagesOut: record.documents.reduce((sum, d) => sum + d.pages, 0),
    borrowerSignature: { name: record.borrowerSignature.name, drawn: record.borrowerSignature.image !== undefined },
    returned: record.returned
      ? {
          at: record.returned.at,
          receivedBy: person(record.returned.receivedBy),
          // As the latest correction has them, else as recorded.
          findings: described(record.returned.corrections.at(-1)?.findings ?? record.returned.findings),
          returnerSignature: { name: record.returned.returnerSignature.name, drawn: record.returned.returnerSignature.image !== undefined },
          note: record.returned.note,
          corrections: record.returned.corrections.map((c) => ({ at: c.at, by: person(c.by), reason: c.reason, findings: described(c.findings) })),
          recordedFindings: described(record.returned.findings),
          continuedBy: record.returned.continuedBy,
        }
      : null,
    continues: record.continues,
    state: record.returned ? 'returned' : overdue > 0 ? 'overdue' : 'out',
    overdueDays: overdue,
  };
}
