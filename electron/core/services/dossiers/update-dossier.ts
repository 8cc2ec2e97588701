import { findDossierById, updateDossier as storeChanges, type DossierChanges, type DossierRecord } from '../../../../db/repositories/dossiers';
import type { Carrier, DossierDetail } from '../../../../shared/contract';
import { retentionLabel, titleFromTemplate, type Retention, type TypeDefinition } from '../../../../shared/dossier-types';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { reindexDossier } from '../search/index-dossier';
import { owningDepartment } from '../departments/owning-department';
import { requireCustodian, requireVisibleDossier } from './dossier-access';
import { toDossierDetail } from './dossier-dto';
import { checkDescription, refuseIssues, withCurrentUniqueness } from './dossier-rules';
import { findType } from '../types/type-catalog';
import { definitionOf } from './dossier-summary';
import { parseFieldValues, type FieldValue, type FieldValues } from './field-values';
import { archiveUniqueLookup, recordUniqueValues } from './unique-lookup';

export interface DossierUpdate {
  archiveNumber: string;
  title?: string | undefined;
  fields?: FieldValues | undefined;
  classification?: string | null | undefined;
  carrier?: Carrier | undefined;
  openedOn?: string | undefined;
  remarks?: string | null | undefined;
  retention?: Retention | undefined;
  departmentCode?: string | undefined;
}

/** What the audit trail may say about a value: sensitive personal data never enters it. */
function auditValue(field: { sensitive: boolean } | undefined, value: FieldValue | undefined): unknown {
  if (value === undefined || value === null) return null;
  return field?.sensitive ? '***' : value;
}

/** Field changes as before/after pairs of the keys that really changed. */
function fieldChanges(definition: TypeDefinition | null, before: FieldValues, after: FieldValues): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const changes = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key] ?? null) === JSON.stringify(after[key] ?? null)) continue;
    const field = definition?.fields.find((f) => f.key === key);
    changes.before[key] = auditValue(field, before[key]);
    changes.after[key] = auditValue(field, after[key]);
  }
  return changes;
}

/** The dossier's own columns as the audit trail names them: retention and department in words. */
function describedColumns(record: DossierRecord): Record<string, unknown> {
  const retention = record.retention ? retentionLabel(JSON.parse(record.retention) as Retention) : null;
  return { title: record.title, classification: record.classification, carrier: record.carrier, openedOn: record.openedOn, remarks: record.remarks, retention, department: record.department.code };
}

/**
 * A title the type's template made follows the fields it was made from; a title typed by hand
 * stays as it is.
 */
function titleAfter(definition: TypeDefinition | null, dossier: DossierRecord, before: FieldValues, input: DossierUpdate): string | undefined {
  if (input.title !== undefined) return input.title;
  const templateMade = definition !== null && titleFromTemplate(definition.titleTemplate, definition.fields, before) === dossier.title;
  return templateMade ? undefined : dossier.title;
}

/**
 * Changes a dossier's description by the same rules that created it (see dossier-rules). Fields
 * are checked against the type version the dossier was made with, so a later change to the type
 * never makes an old dossier unsavable. The archive number stays as assigned, even when a field it
 * was built from changes (numbers are never reused or rewritten). Moving a dossier to another
 * department needs its own permission and a department the user may see. The audit event lists
 * each changed key with before and after; sensitive values appear only as ***.
 */
export function updateDossier(ctx: HandlerContext, input: DossierUpdate): DossierDetail {
  const session = ctx.session();
  const at = ctx.env.now().toISOString();
  if (input.departmentCode !== undefined && !session.user.permissions.includes('dossier.reassign')) {
    // Refused (and recorded) before the write begins: a refusal inside it would be rolled back with it.
    const current = requireVisibleDossier(session.archive.database.db, session, input.archiveNumber);
    if (current.department.code !== input.departmentCode) {
      ctx.deny({ zh: '您无权把档案转给其他部门', en: 'You may not move dossiers to another department' }, { target: { type: 'dossier', id: current.id, label: current.archiveNumber } });
    }
  }
  return ctx.write(
    (db) => {
      const dossier = requireVisibleDossier(db, session, input.archiveNumber);
      const definition = withCurrentUniqueness(definitionOf(db, dossier), dossier.type ? (findType(db, dossier.type.key)?.definition ?? null) : null);
      const beforeFields = parseFieldValues(dossier.fields);
      const checked = checkDescription(
        definition,
        { fields: input.fields ?? {}, title: titleAfter(definition, dossier, beforeFields, input), classification: input.classification },
        { existing: beforeFields, unique: archiveUniqueLookup(db, session, dossier.type?.id ?? null, dossier.id) },
      );
      refuseIssues(checked.issues);
      const changes: DossierChanges = { title: checked.title ?? dossier.title };
      if (input.fields !== undefined) changes.fields = JSON.stringify(checked.fields);
      if (input.classification !== undefined) changes.classification = input.classification;
      if (input.carrier !== undefined) changes.carrier = input.carrier;
      if (input.openedOn !== undefined) changes.openedOn = input.openedOn;
      if (input.remarks !== undefined) changes.remarks = input.remarks;
      if (input.retention !== undefined) changes.retention = JSON.stringify(input.retention);
      if (input.departmentCode !== undefined && input.departmentCode !== dossier.department.code) {
        changes.departmentId = owningDepartment(db, session, input.departmentCode).id;
        // Its custodian must still see it there: else a new custodian first (定密).
        if (dossier.custodian) requireCustodian(db, session, dossier.custodian.login, { level: dossier.level, departmentId: changes.departmentId });
      }
      storeChanges(db, dossier.id, changes, at);
      recordUniqueValues(db, dossier.id, dossier.type?.id ?? null, definition, checked.fields);
      reindexDossier(db, dossier.id);
      const after = findDossierById(db, dossier.id);
      if (!after) throw new AppError('INTERNAL');
      const was = describedColumns(dossier);
      const now = describedColumns(after);
      const plain = Object.keys(now).filter((key) => was[key] !== now[key]);
      const fields = fieldChanges(definition, beforeFields, parseFieldValues(after.fields));
      return {
        detail: toDossierDetail(db, after, session),
        summary: {
          before: { ...Object.fromEntries(plain.map((key) => [key, was[key]])), ...(Object.keys(fields.before).length ? { fields: fields.before } : {}) },
          after: { ...Object.fromEntries(plain.map((key) => [key, now[key]])), ...(Object.keys(fields.after).length ? { fields: fields.after } : {}) },
        },
      };
    },
    ({ detail, summary }) => ({ action: 'dossier:update', target: { type: 'dossier', id: detail.id, label: detail.archiveNumber }, summary }),
  ).detail;
}
