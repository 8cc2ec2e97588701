import { findDossierById, visibleDossierIds } from '../../../../db/repositories/dossiers';
import { setUniqueValues, uniqueValueHolder } from '../../../../db/repositories/unique-values';
import type { Db } from '../../../../db/open';
import type { TypeDefinition } from '../../../../shared/dossier-types';
import type { ActiveSession } from '../../session';
import { visibilityOf } from '../access/visibility';
import { uniqueValuesOf, type UniqueValueLookup } from './dossier-rules';
import type { FieldValues } from './field-values';

/**
 * Unique values as the archive holds them. The dossier holding one is named only to a reader who
 * may see it; anyone else learns that the value is taken, never by which dossier.
 */
export function archiveUniqueLookup(db: Db, session: ActiveSession, typeId: number | null, exceptDossierId: number | null): UniqueValueLookup {
  return {
    holder: (field, value) => {
      if (typeId === null) return null;
      const id = uniqueValueHolder(db, typeId, field.key, value, exceptDossierId ?? 0);
      if (id === null) return null;
      const number = visibleDossierIds(db, [id], visibilityOf(db, session)).has(id) ? findDossierById(db, id)?.archiveNumber : undefined;
      return number ? { zh: `档案 ${number}`, en: `dossier ${number}` } : { zh: '另一份档案', en: 'another dossier' };
    },
  };
}

/** Records a dossier's unique values as they are now (in the transaction that wrote it). */
export function recordUniqueValues(db: Db, dossierId: number, typeId: number | null, definition: TypeDefinition | null, fields: Readonly<FieldValues>): void {
  if (typeId !== null) setUniqueValues(db, dossierId, typeId, uniqueValuesOf(definition, fields));
}
