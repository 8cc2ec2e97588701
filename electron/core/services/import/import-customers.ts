import { bulkCustomerWriter } from '../../../../db/repositories/bulk-customers';
import { customerIdentities } from '../../../../db/repositories/customers';
import type { Visibility } from '../../../../db/repositories/dossiers';
import type { Db } from '../../../../db/open';
import { customerKindOf } from '../../../../shared/customers';
import { customerFieldsOf, type TypeDefinition } from '../../../../shared/dossier-types';
import { CustomerIndex, type NamedCustomer } from '../customers/customer-match';
import { customerSearchText } from '../customers/customers';

/**
 * The customer each imported row names (see customerNamedBy): found among the
 * customers the importing user may see – by ID code, else by name and phone (customer-match) –
 * or created in the row's department, so an import never makes a second record of a customer
 * already on file or already made by an earlier row.
 */
export class ImportCustomers {
  created = 0;
  linked = 0;
  private readonly index: CustomerIndex;
  private readonly writer: ReturnType<typeof bulkCustomerWriter>;

  constructor(
    db: Db,
    visibility: Visibility,
    private readonly definition: TypeDefinition,
    private readonly by: { userId: number; at: string },
  ) {
    this.index = new CustomerIndex(customerFieldsOf(definition) ? customerIdentities(db, visibility) : []);
    this.writer = bulkCustomerWriter(db);
  }

  /** Files the dossier under the customer its row names (see customerNamedBy), if any. */
  fileUnder(dossierId: number, customer: NamedCustomer | null, departmentId: number): void {
    if (!customer) return;
    let customerId = this.index.find(customer);
    if (customerId === null) {
      const phones = JSON.stringify(customer.phones);
      customerId = this.writer.insert({
        kind: customerKindOf(this.definition.subjectKind, customer.idCode),
        name: customer.name,
        phones,
        idCode: customer.idCode,
        address: customer.address,
        departmentId,
        searchText: customerSearchText({ name: customer.name, phones, address: customer.address, contact: null }),
        createdAt: this.by.at,
        createdBy: this.by.userId,
      });
      this.index.add({ ...customer, id: customerId });
      this.created += 1;
    } else {
      this.linked += 1;
    }
    this.writer.link(dossierId, customerId);
  }
}
