import type { Db } from '../open';

export interface BulkCustomer {
  kind: 'person' | 'organisation';
  name: string;
  /** JSON array. */
  phones: string;
  idCode: string | null;
  address: string | null;
  departmentId: number;
  searchText: string;
  createdAt: string;
  createdBy: number;
}

/**
 * Customers an import creates and files its dossiers under, row after row, through prepared
 * statements (same tables and meaning as insertCustomer and linkCustomer in customers.ts).
 */
export function bulkCustomerWriter(db: Db): { insert(customer: BulkCustomer): number; link(dossierId: number, customerId: number): void } {
  const sqlite = db.$client;
  const insert = sqlite.prepare(`INSERT INTO customers (kind, name, phones, id_code, address, department_id, search_text, created_at, created_by, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const link = sqlite.prepare('INSERT OR IGNORE INTO dossier_customers (dossier_id, customer_id) VALUES (?, ?)');
  return {
    insert: (c) => Number(insert.run(c.kind, c.name, c.phones, c.idCode, c.address, c.departmentId, c.searchText, c.createdAt, c.createdBy, c.createdAt).lastInsertRowid),
    link: (dossierId, customerId) => void link.run(dossierId, customerId),
  };
}
