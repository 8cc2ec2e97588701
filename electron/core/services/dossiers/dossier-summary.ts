import type { DossierRecord } from '../../../../db/repositories/dossiers';
import { isHeld } from '../../../../db/repositories/legal-hold-register';
import { destroyingLists } from '../../../../db/repositories/disposal';
import type { Db } from '../../../../db/open';
import type { DossierSummary } from '../../../../shared/contract';
import type { TypeDefinition } from '../../../../shared/dossier-types';
import { levelRemark, type ConfidentialityLevel } from '../../../../shared/levels';
import { definitionAt } from '../types/type-catalog';

/** The type definition a dossier was made with, or null for a dossier without a type. */
export function definitionOf(db: Db, record: DossierRecord): TypeDefinition | null {
  return record.type ? definitionAt(db, record.type.id, record.type.version) : null;
}

export function toDossierSummary(db: Db, record: DossierRecord, levels: readonly ConfidentialityLevel[]): DossierSummary {
  const definition = definitionOf(db, record);
  return {
    id: record.id,
    archiveNumber: record.archiveNumber,
    title: record.title,
    type: record.type && definition ? { key: record.type.key, name: definition.name, nameEn: definition.nameEn ?? null } : null,
    level: record.level,
    department: record.department,
    remark: levelRemark(levels, record.level),
    classification: record.classification,
    status: record.status,
    complete: record.complete,
    missingCount: (JSON.parse(record.missingItems) as string[]).length,
    held: isHeld(db, record.id),
    destructionList: record.status === 'destroyed' ? (destroyingLists(db, [record.id]).get(record.id) ?? null) : null,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    openedOn: record.openedOn,
  };
}
