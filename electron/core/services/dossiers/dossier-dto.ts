import { listDocuments, type DocumentRow } from '../../../../db/repositories/documents';
import type { DossierRecord } from '../../../../db/repositories/dossiers';
import type { Db } from '../../../../db/open';
import type { DocumentView, DossierDetail, DossierSummary } from '../../../../shared/contract';
import { retentionSchema, type TypeDefinition } from '../../../../shared/dossier-types';
import { levelAt, levelRemark, type ConfidentialityLevel } from '../../../../shared/levels';
import { definitionAt } from '../types/type-catalog';
import { checklistStatus } from './completeness';
import { fieldViews, parseFieldValues } from './field-values';

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
    type: record.type && definition ? { key: record.type.key, name: definition.name } : null,
    level: record.level,
    department: record.department,
    remark: levelRemark(levels, record.level),
    classification: record.classification,
    status: record.status,
    complete: record.complete,
    missingCount: (JSON.parse(record.missingItems) as string[]).length,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    openedOn: record.openedOn,
  };
}

export function toDocumentView(row: DocumentRow): DocumentView {
  return {
    id: row.id,
    checklistItem: row.checklistItem,
    title: row.title,
    docDate: row.docDate,
    form: row.form,
    pages: row.pages,
    groupKey: row.groupKey,
    position: row.position,
    level: row.level,
    remarks: row.remarks,
    createdAt: row.createdAt,
  };
}

/** Everything the dossier page shows, with sensitive fields masked. */
export function toDossierDetail(db: Db, record: DossierRecord, levels: readonly ConfidentialityLevel[]): DossierDetail {
  const definition = definitionOf(db, record);
  const documents = listDocuments(db, record.id);
  const { checklist, missing } = checklistStatus(definition, documents);
  const retention = record.retention ? retentionSchema.safeParse(JSON.parse(record.retention)) : null;
  return {
    ...toDossierSummary(db, record, levels),
    classified: levelAt(levels, record.level).classified,
    storedSeparately: record.storedSeparately,
    custodian: record.custodian?.id ? { login: record.custodian.login, displayName: record.custodian.displayName } : null,
    fields: definition ? fieldViews(definition, parseFieldValues(record.fields)) : [],
    classificationScheme: definition?.classification ?? null,
    retention: retention?.success ? retention.data : null,
    carrier: record.carrier,
    remarks: record.remarks,
    groups: definition?.groups ?? [],
    checklist,
    missingItems: missing.map((item) => ({ key: item.key, name: item.name })),
    documents: documents.map(toDocumentView),
    documentsLevel: documents.length ? Math.max(...documents.map((d) => d.level)) : null,
    updatedAt: record.updatedAt,
  };
}
