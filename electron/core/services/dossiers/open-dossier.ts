import type { DossierDetail } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { requireVisibleDossier } from './dossier-access';
import { toDossierDetail } from './dossier-dto';
import { definitionOf } from './dossier-summary';
import { parseFieldValues } from './field-values';

/** Opens a dossier; every view of a classified dossier is recorded in the audit trail. */
export function openDossier(ctx: HandlerContext, archiveNumber: string): DossierDetail {
  const session = ctx.session();
  const { db } = session.archive.database;
  const detail = toDossierDetail(db, requireVisibleDossier(db, session, archiveNumber), session);
  if (!detail.classified) return detail;
  return ctx.write(() => detail, { action: 'dossier:view', target: { type: 'dossier', id: detail.id, label: detail.archiveNumber } });
}

/** Shows one sensitive field's value; each reveal is recorded (who, which dossier, which field – never the value). */
export function revealField(ctx: HandlerContext, archiveNumber: string, fieldKey: string): { value: string | number | string[] | null } {
  const session = ctx.session();
  const { db } = session.archive.database;
  const record = requireVisibleDossier(db, session, archiveNumber);
  const field = definitionOf(db, record)?.fields.find((f) => f.key === fieldKey);
  if (!field) throw new AppError('NOT_FOUND', { zh: `此档案没有字段 ${fieldKey}`, en: `This dossier has no field ${fieldKey}` });
  const value = parseFieldValues(record.fields)[fieldKey] ?? null;
  if (!field.sensitive) return { value };
  return ctx.write(() => ({ value }), { action: 'field:reveal', target: { type: 'dossier', id: record.id, label: record.archiveNumber }, summary: { field: fieldKey, label: field.label } });
}
