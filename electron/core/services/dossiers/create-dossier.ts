import { linkCustomer } from '../../../../db/repositories/customers';
import { findDossierById, insertDossier } from '../../../../db/repositories/dossiers';
import type { DossierSummary } from '../../../../shared/contract';
import { numberingFields } from '../../../../shared/dossier-types';
import { AppError } from '../../../../shared/errors';
import { levelAt } from '../../../../shared/levels';
import { formatLocalDate } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import { visibilityOf } from '../access/visibility';
import { requireDepartment } from '../departments/departments';
import { reindexDossier } from '../search/index-dossier';
import { requireCustomer } from '../customers/require-customer';
import { requireType } from '../types/type-catalog';
import { assertGivableLevel, requireCustodian } from './dossier-access';
import { toDossierSummary } from './dossier-summary';
import { checkFieldValues, type FieldValues } from './field-values';
import { checkDescription, refuseIssues } from './dossier-rules';
import { archiveUniqueLookup, recordUniqueValues } from './unique-lookup';
import { previewArchiveNumber, takeArchiveNumber } from './numbering';
import type { Db } from '../../../../db/open';
import type { DepartmentRecord } from '../../../../db/repositories/departments';
import type { ActiveSession } from '../../session';

/** The creator's department unless another one the creator may see is named. */
export function owningDepartment(db: Db, session: ActiveSession, code: string | undefined): DepartmentRecord {
  const own = session.record.department?.code;
  const department = code ? requireDepartment(db, code) : own ? requireDepartment(db, own) : null;
  if (!department) throw new AppError('VALIDATION', { zh: '您的账户没有所属部门，请指定档案的部门', en: 'Your account has no department; name the dossier’s department' });
  const scope = visibilityOf(db, session).departmentIds;
  if (scope !== null && !scope.includes(department.id)) {
    throw new AppError('VALIDATION', { zh: '不能为本人无权查看的部门建档', en: 'You cannot open a dossier for a department you may not see' });
  }
  return department;
}

/**
 * The number a dossier of this type would get now, without taking it. Null while the fields the
 * rule needs are still empty; another clerk may take it first, so the saved number can differ.
 */
export function previewDossierNumber(ctx: HandlerContext, input: { typeKey: string; fields: FieldValues; departmentCode?: string | undefined }): { archiveNumber: string | null } {
  const session = ctx.session();
  const { db } = session.archive.database;
  const { definition } = requireType(db, input.typeKey);
  const department = owningDepartment(db, session, input.departmentCode);
  const { values } = checkFieldValues(definition, input.fields, {}, false);
  const missing = numberingFields(definition.numbering, definition.fields).some((key) => values[key] === undefined || values[key] === null);
  if (missing) return { archiveNumber: null };
  return { archiveNumber: previewArchiveNumber(db, { definition, date: ctx.env.now(), departmentCode: department.code, fields: values }) };
}

export interface NewDossierInput {
  typeKey?: string | undefined;
  title?: string | undefined;
  fields: FieldValues;
  level?: number | undefined;
  departmentCode?: string | undefined;
  custodian?: string | undefined;
  classification?: string | undefined;
  carrier: 'paper' | 'electronic' | 'both';
  openedOn?: string | undefined;
  remarks?: string | undefined;
  customerIds?: readonly number[] | undefined;
}

/**
 * A new dossier. With a type, its fields are checked against the type's current version (which
 * the dossier keeps), the title can come from the type's template, and the archive number from
 * the type's rule – taken in the same transaction. It belongs to the creator's department unless
 * another visible one is named; its level defaults to the type's (never above the creator's
 * clearance); at a marked level (机密 and above) it is stored separately with a named custodian.
 */
export function createDossier(ctx: HandlerContext, input: NewDossierInput): DossierSummary {
  const session = ctx.session();
  const { record, settings } = session;
  const now = ctx.env.now();
  const customers = [...new Set(input.customerIds ?? [])].map((id) => requireCustomer(session.archive.database.db, session, id));
  return ctx.write(
    (db) => {
      const type = input.typeKey ? requireType(db, input.typeKey) : null;
      const definition = type?.definition ?? null;
      const checked = checkDescription(definition, { fields: input.fields, title: input.title, classification: input.classification }, { unique: archiveUniqueLookup(db, session, type?.id ?? null, null) });
      refuseIssues(checked.issues);
      const { fields } = checked;
      const title = checked.title ?? '';

      const level = input.level ?? Math.min(definition?.defaultLevel ?? settings.defaultDossierLevel, record.clearance);
      assertGivableLevel(session, level);
      const marked = levelAt(settings.levels, level).marked;
      const department = owningDepartment(db, session, input.departmentCode);
      const custodianId = input.custodian ? requireCustodian(db, session, input.custodian, { level, departmentId: department.id }).id : marked ? record.id : null;
      const archiveNumber = takeArchiveNumber(db, { definition, date: now, departmentCode: department.code, fields });
      const required = definition?.checklist.filter((item) => item.requirement === 'required').map((item) => item.key) ?? [];
      const id = insertDossier(db, {
        archiveNumber,
        title,
        typeId: type?.id ?? null,
        typeVersion: type?.version ?? null,
        fields: JSON.stringify(fields),
        classification: input.classification ?? null,
        retention: definition ? JSON.stringify(definition.retention) : null,
        carrier: input.carrier,
        openedOn: input.openedOn ?? formatLocalDate(now),
        remarks: input.remarks ?? null,
        missingItems: JSON.stringify(required),
        complete: required.length === 0,
        departmentId: department.id,
        level,
        custodianId,
        storedSeparately: marked,
        createdAt: now.toISOString(),
        createdBy: record.id,
      });
      for (const customer of customers) linkCustomer(db, id, customer.id);
      recordUniqueValues(db, id, type?.id ?? null, definition, fields);
      reindexDossier(db, id);
      const dossier = findDossierById(db, id);
      if (!dossier) throw new AppError('INTERNAL');
      return toDossierSummary(db, dossier, settings.levels);
    },
    (dossier) => ({
      action: 'dossier:create',
      target: { type: 'dossier', id: dossier.id, label: dossier.archiveNumber },
      summary: {
        title: dossier.title,
        ...(dossier.type ? { type: dossier.type.name } : {}),
        level: levelAt(settings.levels, dossier.level).name,
        department: dossier.department.code,
        ...(customers.length > 0 ? { customers: customers.map((c) => c.name) } : {}),
      },
    }),
  );
}
