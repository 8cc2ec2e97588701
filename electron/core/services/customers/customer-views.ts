import { customerRecordsOf, visibleDossierCounts, visibleDossierIdsOfCustomer, type CustomerWithDepartment } from '../../../../db/repositories/customers';
import { findDossiersByIds } from '../../../../db/repositories/dossiers';
import type { Db } from '../../../../db/open';
import type { CustomerDetail, CustomerSummary } from '../../../../shared/contract';
import type { ActiveSession } from '../../session';
import { visibilityOf } from '../access/visibility';
import { toDossierSummary } from '../dossiers/dossier-summary';

const phonesOf = (json: string) => JSON.parse(json) as string[];

export function toCustomerSummary(customer: CustomerWithDepartment, dossierCount: number): CustomerSummary {
  return {
    id: customer.id,
    kind: customer.kind,
    name: customer.name,
    category: customer.category,
    phones: phonesOf(customer.phones),
    address: customer.address,
    department: customer.department,
    dossierCount,
  };
}

export function customerSummaries(db: Db, session: ActiveSession, list: readonly CustomerWithDepartment[]): CustomerSummary[] {
  const counts = visibleDossierCounts(db, list.map((c) => c.id), visibilityOf(db, session));
  return list.map((c) => toCustomerSummary(c, counts.get(c.id) ?? 0));
}

/** The customer's page: the record, the dossiers the reader may see, the timeline newest first. */
export function toCustomerDetail(db: Db, session: ActiveSession, customer: CustomerWithDepartment): CustomerDetail {
  const ids = visibleDossierIdsOfCustomer(db, customer.id, visibilityOf(db, session));
  return {
    ...toCustomerSummary(customer, ids.length),
    ownership: customer.ownership,
    supervisingBody: customer.supervisingBody,
    contact: customer.contact,
    hasIdCode: customer.idCode !== null,
    creditStatus: customer.creditStatus,
    remarks: customer.remarks,
    dossiers: findDossiersByIds(db, ids).map((r) => toDossierSummary(db, r, session.settings.levels)),
    records: customerRecordsOf(db, customer.id).map((r) => ({ id: r.id, kind: r.kind, recordedOn: r.recordedOn, text: r.text, author: r.author, createdAt: r.createdAt })),
    createdAt: customer.createdAt,
    updatedAt: customer.updatedAt,
  };
}
