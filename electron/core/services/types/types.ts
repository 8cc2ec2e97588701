import { addTypeVersion, findTypeByKey, insertType } from '../../../../db/repositories/types';
import type { Db } from '../../../../db/open';
import type { DossierTypeView } from '../../../../shared/contract';
import { isUniqueField, type TypeDefinition } from '../../../../shared/dossier-types';
import { AppError } from '../../../../shared/errors';
import type { AuditDraft } from '../../audit/chain';
import type { HandlerContext } from '../../context';
import { defaultTypes } from './default-types';
import { definitionAt, requireType, toTypeView } from './type-catalog';
import { recordFieldValues } from '../../../../db/repositories/unique-values';

/**
 * Installs the shipped types an archive does not have yet (at creation, and for archives made
 * before types existed). Existing types – edited or not – are never touched.
 */
export function installDefaultTypes(db: Db, at: string, userId: number | null, record: (draft: AuditDraft) => void): void {
  const installed = defaultTypes.filter((definition) => !findTypeByKey(db, definition.key));
  for (const definition of installed) insertType(db, definition.key, JSON.stringify(definition), at, userId);
  if (installed.length > 0) record({ action: 'type:install', summary: { types: installed.map((d) => `${d.key} ${d.name}`) } });
}

/**
 * A field the new version marks unique that was not before: the values the type's dossiers
 * already have are recorded, and the change is refused while two dossiers share one.
 */
function recordNewlyUniqueFields(db: Db, typeId: number, before: { version: number }, definition: TypeDefinition): void {
  const previous = definitionAt(db, typeId, before.version);
  for (const field of definition.fields.filter(isUniqueField)) {
    const was = previous?.fields.find((f) => f.key === field.key);
    if (was && isUniqueField(was)) continue;
    const shared = recordFieldValues(db, typeId, field.key);
    if (shared.length > 0) {
      throw new AppError('VALIDATION', {
        zh: `“${field.label}”不能设为唯一：已有多份档案使用相同的值（${shared.map((s) => `${s.value}：${s.dossiers} 份`).join('，')}）`,
        en: `"${field.labelEn ?? field.label}" cannot be made unique: several dossiers share a value (${shared.map((s) => `${s.value}: ${s.dossiers}`).join(', ')})`,
      });
    }
  }
}

/** A new type, or the next version of an existing one; dossiers keep the version they were made with. */
export function saveType(ctx: HandlerContext, definition: TypeDefinition): DossierTypeView {
  const { record, settings } = ctx.session();
  if (definition.defaultLevel >= settings.levels.length) {
    throw new AppError('VALIDATION', { zh: '类型的默认密级超出了密级表', en: 'The type’s default level is beyond the confidentiality scale' });
  }
  const at = ctx.env.now().toISOString();
  return ctx.write(
    (db) => {
      const existing = findTypeByKey(db, definition.key);
      if (existing) {
        addTypeVersion(db, existing.id, JSON.stringify(definition), at, record.id);
        recordNewlyUniqueFields(db, existing.id, existing, definition);
      } else insertType(db, definition.key, JSON.stringify(definition), at, record.id);
      return toTypeView(requireType(db, definition.key));
    },
    (type) => ({ action: 'type:save', target: { type: 'dossier-type', id: type.key, label: type.name }, summary: { version: type.version } }),
  );
}
