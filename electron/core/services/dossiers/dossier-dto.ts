import type { DocumentRow } from '../../../../db/repositories/documents';
import type { DossierRecord } from '../../../../db/repositories/dossiers';
import type { Db } from '../../../../db/open';
import type { DocumentView, DossierDetail } from '../../../../shared/contract';
import { retentionSchema } from '../../../../shared/dossier-types';
import { levelAt } from '../../../../shared/levels';
import type { ActiveSession } from '../../session';
import { linkViews } from '../links/link-views';
import { placeOf } from '../locations/place-of';
import { customersOfDossier } from '../../../../db/repositories/customers';
import { openLoanOfDossier } from '../../../../db/repositories/loans';
import { holderOf } from '../loans/holder';
import { visibilityOf } from '../access/visibility';
import { definitionOf, toDossierSummary } from './dossier-summary';
import { checklistStatus, documentsWithScans } from './completeness';
import { fieldViews, parseFieldValues } from './field-values';

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
export function toDossierDetail(db: Db, record: DossierRecord, session: ActiveSession): DossierDetail {
  const { levels } = session.settings;
  const definition = definitionOf(db, record);
  const { documents, scannedPages } = documentsWithScans(db, record.id);
  const { checklist, missing } = checklistStatus(definition, documents, scannedPages);
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
    links: linkViews(db, session, record.id),
    location: record.locationId === null ? null : placeOf(db, record.locationId),
    holder: record.status === 'on-loan' ? holderOf(openLoanOfDossier(db, record.id)) : null,
    customers: customersOfDossier(db, record.id, visibilityOf(db, session)),
    updatedAt: record.updatedAt,
  };
}
