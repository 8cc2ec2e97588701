import { bulkCustomerWriter } from '../../../../db/repositories/bulk-customers';
import type { Db } from '../../../../db/open';
import type { CustomerPlan } from './import-customer-plan';

/**
 * Stores what the reading thread decided about each row's customer (ImportCustomerPlanner):
 * files the dossier under a customer on file, under the one an earlier row created, or under a
 * new one created in the row's department.
 */
export class ImportCustomers {
  created = 0;
  linked = 0;
  private readonly writer: ReturnType<typeof bulkCustomerWriter>;
  /** Customers this import created, by the sheet row that brought them. */
  private readonly byLine = new Map<number, number>();

  constructor(
    db: Db,
    private readonly by: { userId: number; at: string },
  ) {
    this.writer = bulkCustomerWriter(db);
  }

  fileUnder(dossierId: number, line: number, plan: CustomerPlan | null, departmentId: number): void {
    if (!plan) return;
    let customerId: number | undefined;
    if (plan.kind === 'new') {
      customerId = this.writer.insert({ ...plan.customer, departmentId, createdAt: this.by.at, createdBy: this.by.userId });
      this.byLine.set(line, customerId);
      this.created += 1;
    } else {
      // An earlier row's customer is always written first: rows are written in the sheet's order.
      customerId = plan.kind === 'existing' ? plan.id : this.byLine.get(plan.line);
      if (customerId === undefined) throw new Error(`import: the customer of an earlier row was not written before row ${line}`);
      this.linked += 1;
    }
    this.writer.link(dossierId, customerId);
  }
}
