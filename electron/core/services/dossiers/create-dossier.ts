import { linkCustomer } from '../../../../db/repositories/customers';
import { findDossierById, insertDossier } from '../../../../db/repositories/dossiers';
import type { DossierSummary } from '../../../../shared/contract';
import { numberingFields } from '../../../../shared/dossier-types';
import { AppError } from '../../../../shared/errors';
import { levelAt } from '../../../../shared/levels';
import { formatLocalDate } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import { owningDepartment } from '../departments/owning-department';
import { reindexDossier } from '../search/index-dossier';
import { requireCustomer } from '../customers/require-customer';
import { requireType } from '../types/type-catalog';
import { assertGivableLevel, requireCustodian } from './dossier-access';
import { toDossierSummary } from './dossier-summary';
import { checkFieldValues, type FieldValues } from './field-values';
import { checkDescription, custodyAt, newDossierDefaults, refuseIssues } from './dossier-rules';
import { archiveUniqueLookup, recordUniqueValues } from './unique-lookup';
import { previewArchiveNumber, takeArchiveNumber } from './numbering';

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
      const checked = checkDescription(definition, { fields: input.fields, title: input.title, classification: input.classification, remarks: input.remarks }, { unique: archiveUniqueLookup(db, session, type?.id ?? null, null) });
      refuseIssues(checked.issues);
      const { fields } = checked;
      const title = checked.title ?? '';

      const defaults = newDossierDefaults(definition, { defaultLevel: settings.defaultDossierLevel, clearance: record.clearance, today: formatLocalDate(now) });
      const level = input.level ?? defaults.level;
      assertGivableLevel(session, level);
      const department = owningDepartment(db, session, input.departmentCode);
      const chosen = input.custodian ? requireCustodian(db, session, input.custodian, { level, departmentId: department.id }).id : null;
      const archiveNumber = takeArchiveNumber(db, { definition, date: now, departmentCode: department.code, fields });
      const id = insertDossier(db, {
        archiveNumber,
        title,
        typeId: type?.id ?? null,
        typeVersion: type?.version ?? null,
        fields: JSON.stringify(fields),
        classification: input.classification ?? null,
        retention: defaults.retention,
        carrier: input.carrier,
        openedOn: input.openedOn ?? defaults.openedOn,
        remarks: input.remarks ?? null,
        missingItems: defaults.missingItems,
        complete: defaults.complete,
        departmentId: department.id,
        level,
        ...custodyAt(settings.levels, level, chosen, record.id),
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
