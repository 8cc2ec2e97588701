import { and, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { customerRecords, customers, departments, dossierCustomers, dossiers, users } from '../schema';
import { visible, type Visibility } from './dossiers';

export type CustomerRow = typeof customers.$inferSelect;
export type CustomerRecordRow = typeof customerRecords.$inferSelect;

export interface CustomerWithDepartment extends CustomerRow {
  department: { code: string; name: string };
}

/** Customers are seen by the same department scope as dossiers (they carry no level of their own). */
const inScope = (visibility: Visibility) => (visibility.departmentIds === null ? undefined : inArray(customers.departmentId, [...visibility.departmentIds]));

function selectCustomers(db: Db) {
  return db
    .select({ customer: customers, department: { code: departments.code, name: departments.name } })
    .from(customers)
    .innerJoin(departments, eq(departments.id, customers.departmentId))
    .$dynamic();
}

export function findVisibleCustomer(db: Db, id: number, visibility: Visibility): CustomerWithDepartment | null {
  const row = selectCustomers(db)
    .where(and(eq(customers.id, id), inScope(visibility)))
    .get();
  return row ? { ...row.customer, department: row.department } : null;
}

/** Text to look for that holds nothing searchable (punctuation alone) finds nothing, not everything. */
const holding = (contains: string) => (contains === '' ? sql`0` : sql`instr(${customers.searchText}, ${contains}) > 0`);

/** A page newest first; `contains` (normalised, see normaliseForSearch) is looked for in the search text. */
export function listVisibleCustomers(db: Db, visibility: Visibility, options: { contains: string | null; beforeId: number | null; limit: number }): CustomerWithDepartment[] {
  return selectCustomers(db)
    .where(
      and(
        inScope(visibility),
        options.contains === null ? undefined : holding(options.contains),
        options.beforeId === null ? undefined : lt(customers.id, options.beforeId),
      ),
    )
    .orderBy(desc(customers.id))
    .limit(options.limit)
    .all()
    .map((r) => ({ ...r.customer, department: r.department }));
}

/** Makes every customer's search text again (the search's rules changed): `textOf` gives it from what the customer holds. */
export function rewriteCustomerSearchTexts(db: Db, textOf: (customer: Pick<CustomerRow, 'name' | 'phones' | 'address' | 'contact'>) => string): number {
  const rows = db.select({ id: customers.id, name: customers.name, phones: customers.phones, address: customers.address, contact: customers.contact }).from(customers).all();
  const write = db.$client.prepare<[string, number]>('UPDATE customers SET search_text = ? WHERE id = ?');
  for (const row of rows) write.run(textOf(row), row.id);
  return rows.length;
}

export function insertCustomer(db: Db, row: Omit<CustomerRow, 'id'>): number {
  return db.insert(customers).values(row).returning({ id: customers.id }).get().id;
}

export function updateCustomer(db: Db, id: number, changes: Partial<Omit<CustomerRow, 'id' | 'createdAt' | 'createdBy'>>): void {
  db.update(customers).set(changes).where(eq(customers.id, id)).run();
}

export function insertCustomerRecord(db: Db, row: Omit<CustomerRecordRow, 'id'>): number {
  return db.insert(customerRecords).values(row).returning({ id: customerRecords.id }).get().id;
}

export function customerRecordsOf(db: Db, customerId: number): (CustomerRecordRow & { author: string })[] {
  return db
    .select({ record: customerRecords, author: users.displayName })
    .from(customerRecords)
    .innerJoin(users, eq(users.id, customerRecords.authorId))
    .where(eq(customerRecords.customerId, customerId))
    .orderBy(desc(customerRecords.recordedOn), desc(customerRecords.id))
    .all()
    .map((r) => ({ ...r.record, author: r.author }));
}

export function linkCustomer(db: Db, dossierId: number, customerId: number): void {
  db.insert(dossierCustomers).values({ dossierId, customerId }).onConflictDoNothing().run();
}

export function unlinkCustomer(db: Db, dossierId: number, customerId: number): boolean {
  return db.delete(dossierCustomers).where(and(eq(dossierCustomers.dossierId, dossierId), eq(dossierCustomers.customerId, customerId))).run().changes > 0;
}

/** The ids of a customer's dossiers that the reader may see, newest first. */
export function visibleDossierIdsOfCustomer(db: Db, customerId: number, visibility: Visibility): number[] {
  return db
    .select({ id: dossiers.id })
    .from(dossierCustomers)
    .innerJoin(dossiers, eq(dossiers.id, dossierCustomers.dossierId))
    .where(and(eq(dossierCustomers.customerId, customerId), visible(visibility)))
    .orderBy(desc(dossiers.id))
    .all()
    .map((r) => r.id);
}

export function visibleDossierCounts(db: Db, customerIds: readonly number[], visibility: Visibility): Map<number, number> {
  if (customerIds.length === 0) return new Map();
  const rows = db
    .select({ customerId: dossierCustomers.customerId, n: count() })
    .from(dossierCustomers)
    .innerJoin(dossiers, eq(dossiers.id, dossierCustomers.dossierId))
    .where(and(inArray(dossierCustomers.customerId, [...customerIds]), visible(visibility)))
    .groupBy(dossierCustomers.customerId)
    .all();
  return new Map(rows.map((r) => [r.customerId, r.n]));
}

/** The customers a dossier is filed under, within the reader's department scope. */
export function customersOfDossier(db: Db, dossierId: number, visibility: Visibility): { id: number; name: string; kind: CustomerRow['kind'] }[] {
  return db
    .select({ id: customers.id, name: customers.name, kind: customers.kind })
    .from(dossierCustomers)
    .innerJoin(customers, eq(customers.id, dossierCustomers.customerId))
    .where(and(eq(dossierCustomers.dossierId, dossierId), inScope(visibility)))
    .orderBy(customers.id)
    .all();
}

/** A customer as the duplicate check sees it. */
export interface CustomerIdentityRow {
  id: number;
  name: string;
  phones: string[];
  idCode: string | null;
}

const identityColumns = { id: customers.id, name: customers.name, phones: customers.phones, idCode: customers.idCode };
const toIdentity = (row: { id: number; name: string; phones: string; idCode: string | null }): CustomerIdentityRow => ({ ...row, phones: JSON.parse(row.phones) as string[] });

/** Customers in scope that may be the same as one with this name or ID code. */
export function customerCandidates(db: Db, visibility: Visibility, identity: { name: string; idCode: string | null }): CustomerIdentityRow[] {
  // ID codes are stored in capitals, so the index answers this.
  const sameIdCode = identity.idCode ? sql`${customers.idCode} = ${identity.idCode.toUpperCase()}` : sql`0`;
  return db
    .select(identityColumns)
    .from(customers)
    .where(and(inScope(visibility), sql`(${customers.name} = ${identity.name.trim()} OR ${sameIdCode})`))
    .all()
    .map(toIdentity);
}

/** Every customer in scope (an import matches its rows against them). */
export function customerIdentities(db: Db, visibility: Visibility): CustomerIdentityRow[] {
  return db.select(identityColumns).from(customers).where(inScope(visibility)).all().map(toIdentity);
}
