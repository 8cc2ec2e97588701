import { dueDossiers, insertAppraisal } from '../../../../db/repositories/disposal';
import { findVisibleDossier, updateDossier, type DossierRecord } from '../../../../db/repositories/dossiers';
import { DISPOSAL_BATCH_MAX, type ParsedInputOf } from '../../../../shared/contract';
import { appraisalDecisionLabels } from '../../../../shared/disposal';
import { retentionLabel, type Retention } from '../../../../shared/dossier-types';
import { AppError } from '../../../../shared/errors';
import { formatLocalDate } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import { visibilityOf } from '../access/visibility';
import { definitionOf } from '../dossiers/dossier-summary';
import { requireNotHeld } from '../holds/hold-guard';
import { toActor } from '../users/user-dto';
import { dueQueryOf } from './retention-due';

type AppraiseInput = ParsedInputOf<'appraisal:decide'>;

/** The dossiers named, each visible to the reader and due today; anything else refuses the whole appraisal. */
function dueDossiersNamed(ctx: HandlerContext, numbers: readonly string[]): DossierRecord[] {
  const session = ctx.session();
  const { db } = session.archive.database;
  const visibility = visibilityOf(db, session);
  const records = [...new Set(numbers)].map((number) => {
    const record = findVisibleDossier(db, number, visibility);
    if (!record) throw new AppError('NOT_FOUND', { zh: `没有档号为 ${number} 的档案`, en: `There is no dossier ${number}` });
    return record;
  });
  const today = formatLocalDate(ctx.env.now());
  const due = new Set(dueDossiers(db, { ...dueQueryOf(db, today, visibility), only: records.map((r) => r.id) }, null, DISPOSAL_BATCH_MAX).map((row) => row.id));
  const notDue = records.filter((record) => !due.has(record.id));
  if (notDue.length > 0) {
    const property = notDue.find((record) => definitionOf(db, record)?.subjectKind === 'property');
    if (property) throw new AppError('VALIDATION', { zh: `房产客户档案 ${property.archiveNumber} 为永久保存，不做到期鉴定`, en: `Property dossier ${property.archiveNumber} is kept permanently and is never appraised for disposal` });
    const numbersShown = notDue.slice(0, 5).map((record) => record.archiveNumber);
    throw new AppError('CONFLICT', {
      zh: `档案 ${numbersShown.join('、')} 未到保管期限（或已销毁、已移交），不能鉴定`,
      en: `Dossier ${numbersShown.join(', ')} is not due (or already destroyed or transferred) and cannot be appraised`,
    });
  }
  return records;
}

function longer(next: Retention, current: Retention): boolean {
  if (current.kind === 'permanent') return false;
  return next.kind === 'permanent' || next.years > current.years;
}

/**
 * The appraisal committee's decision on due dossiers: destroy (they may then go on a destruction
 * list), keep longer (the dossier's retention becomes the new one) or transfer (recorded with the
 * recipient; the dossier is 移交 when a transfer is registered). Held dossiers are refused.
 * One register entry and one audit event per dossier, in one transaction.
 */
export function appraise(ctx: HandlerContext, input: AppraiseInput): { decided: number } {
  if (input.archiveNumbers.length > DISPOSAL_BATCH_MAX) throw new AppError('VALIDATION');
  const session = ctx.session();
  const { db } = session.archive.database;
  const records = dueDossiersNamed(ctx, input.archiveNumbers);
  requireNotHeld(db, records);
  const next = input.decision === 'keep' ? input.retention : null;
  if (next) {
    const shorter = records.find((record) => !longer(next, JSON.parse(record.retention ?? '{"kind":"permanent"}') as Retention));
    if (shorter) throw new AppError('VALIDATION', { zh: `延长保管的新期限须长于 ${shorter.archiveNumber} 现在的期限`, en: `The new retention must be longer than the current one of ${shorter.archiveNumber}` });
  }
  const at = ctx.env.now().toISOString();
  return ctx.write(
    (db) => {
      for (const record of records) {
        const before = record.retention ?? '{"kind":"permanent"}';
        insertAppraisal(db, {
          dossierId: record.id,
          decision: input.decision,
          reason: input.reason,
          committee: input.committee,
          retentionBefore: before,
          retentionAfter: next ? JSON.stringify(next) : null,
          transferTo: input.decision === 'transfer' ? input.transferTo : null,
          decidedBy: session.record.id,
          decidedAt: at,
        });
        if (next) updateDossier(db, record.id, { retention: JSON.stringify(next) }, at);
        const retention = next ? { before: { retention: retentionLabel(JSON.parse(before) as Retention) }, after: { retention: retentionLabel(next) } } : {};
        ctx.auditWithin(db, { action: 'appraisal:decide', target: { type: 'dossier', id: record.id, label: record.archiveNumber }, summary: { decision: appraisalDecisionLabels[input.decision].zh, reason: input.reason, ...retention } }, toActor(session.record));
      }
      return { decided: records.length };
    },
    { action: 'appraisal:decide', summary: { decision: input.decision, committee: input.committee, dossiers: records.length } },
  );
}
