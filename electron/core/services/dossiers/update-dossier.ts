import { findDossierById, updateDossier as storeChanges, type DossierChanges } from '../../../../db/repositories/dossiers';
import type { Carrier, DossierDetail } from '../../../../shared/contract';
import type { TypeDefinition } from '../../../../shared/dossier-types';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { reindexDossier } from '../search/index-dossier';
import { assertClassification } from './classification';
import { requireVisibleDossier } from './dossier-access';
import { toDossierDetail } from './dossier-dto';
import { definitionOf } from './dossier-summary';
import { normaliseFieldValues, parseFieldValues, type FieldValue, type FieldValues } from './field-values';

export interface DossierUpdate {
  archiveNumber: string;
  title?: string | undefined;
  fields?: FieldValues | undefined;
  classification?: string | null | undefined;
  carrier?: Carrier | undefined;
  openedOn?: string | undefined;
  remarks?: string | null | undefined;
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

/**
 * Changes a dossier's description. Fields are checked against the type version the dossier was
 * made with, so a later change to the type never makes an old dossier unsavable. The archive
 * number stays as assigned, even when a field it was built from changes (numbers are never reused
 * or rewritten). The audit event lists each changed key; sensitive values appear only as ***.
 */
export function updateDossier(ctx: HandlerContext, input: DossierUpdate): DossierDetail {
  const session = ctx.session();
  const at = ctx.env.now().toISOString();
  return ctx.write(
    (db) => {
      const dossier = requireVisibleDossier(db, session, input.archiveNumber);
      const definition = definitionOf(db, dossier);
      const beforeFields = parseFieldValues(dossier.fields);
      const changes: DossierChanges = {};
      if (input.fields !== undefined) {
        if (!definition && Object.keys(input.fields).length > 0) throw new AppError('VALIDATION', { zh: '没有档案类型的档案没有字段', en: 'A dossier without a type has no fields' });
        if (definition) changes.fields = JSON.stringify(normaliseFieldValues(definition, input.fields, beforeFields));
      }
      if (input.classification !== undefined) {
        assertClassification(definition, input.classification);
        changes.classification = input.classification;
      }
      if (input.title !== undefined) changes.title = input.title;
      if (input.carrier !== undefined) changes.carrier = input.carrier;
      if (input.openedOn !== undefined) changes.openedOn = input.openedOn;
      if (input.remarks !== undefined) changes.remarks = input.remarks;
      storeChanges(db, dossier.id, changes, at);
      reindexDossier(db, dossier.id);
      const after = findDossierById(db, dossier.id);
      if (!after) throw new AppError('INTERNAL');
      const plain = (['title', 'classification', 'carrier', 'openedOn', 'remarks'] as const).filter((key) => dossier[key] !== after[key]);
      const fields = fieldChanges(definition, beforeFields, parseFieldValues(after.fields));
      return {
        detail: toDossierDetail(db, after, session),
        summary: {
          before: { ...Object.fromEntries(plain.map((key) => [key, dossier[key]])), ...(Object.keys(fields.before).length ? { fields: fields.before } : {}) },
          after: { ...Object.fromEntries(plain.map((key) => [key, after[key]])), ...(Object.keys(fields.after).length ? { fields: fields.after } : {}) },
        },
      };
    },
    ({ detail, summary }) => ({ action: 'dossier:update', target: { type: 'dossier', id: detail.id, label: detail.archiveNumber }, summary }),
  ).detail;
}
