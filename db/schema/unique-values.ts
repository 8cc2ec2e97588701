import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { dossiers } from './dossiers';
import { dossierTypes } from './types';

/**
 * The values of unique fields (a VIN names one vehicle), per type: a new or changed dossier is
 * checked here in one indexed lookup instead of reading every dossier's fields. The migration makes
 * it WITHOUT ROWID (drizzle cannot say so): the key is the row, one B-tree fewer to write per dossier.
 */
export const dossierUniqueValues = sqliteTable(
  'dossier_unique_values',
  {
    typeId: integer('type_id')
      .notNull()
      .references(() => dossierTypes.id),
    fieldKey: text('field_key').notNull(),
    value: text('value').notNull(),
    dossierId: integer('dossier_id')
      .notNull()
      .references(() => dossiers.id),
  },
  (t) => [primaryKey({ columns: [t.typeId, t.fieldKey, t.value, t.dossierId] }), index('dossier_unique_values_dossier_idx').on(t.dossierId)],
);
