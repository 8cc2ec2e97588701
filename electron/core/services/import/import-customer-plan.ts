import { customerKindOf } from '../../../../shared/customers';
import type { TypeDefinition } from '../../../../shared/dossier-types';
import { CustomerIndex, customerNamedBy, customerSearchText, type KnownCustomer } from '../customers/customer-match';
import type { FieldValues } from '../dossiers/field-values';

/** A customer to create, as the writing thread stores it. */
export interface NewImportCustomer {
  kind: 'person' | 'organisation';
  name: string;
  /** JSON array. */
  phones: string;
  idCode: string | null;
  address: string | null;
  searchText: string;
}

/** What becomes of a row's customer: one on file, one an earlier row creates, or a new one. */
export type CustomerPlan = { kind: 'existing'; id: number } | { kind: 'earlier'; line: number } | { kind: 'new'; customer: NewImportCustomer };

/**
 * Decides, on the import's reading thread, whose dossier each row is (see customerNamedBy and
 * customer-match): a customer on file that the importer may see, the customer an earlier row of
 * the sheet brings, or a new one – so the import never makes a second record of a customer, and
 * the thread that writes only stores what was decided. Customers of earlier rows stand in the
 * index under their row's number, negated.
 */
export class ImportCustomerPlanner {
  private readonly index: CustomerIndex;

  constructor(
    private readonly definition: TypeDefinition,
    onFile: readonly KnownCustomer[],
  ) {
    this.index = new CustomerIndex(onFile);
  }

  plan(line: number, values: Readonly<FieldValues>): CustomerPlan | null {
    const named = customerNamedBy(this.definition, values);
    if (!named) return null;
    const found = this.index.find(named);
    if (found !== null) return found > 0 ? { kind: 'existing', id: found } : { kind: 'earlier', line: -found };
    this.index.add({ ...named, id: -line });
    const phones = JSON.stringify(named.phones);
    return {
      kind: 'new',
      customer: {
        kind: customerKindOf(this.definition.subjectKind, named.idCode),
        name: named.name,
        phones,
        idCode: named.idCode,
        address: named.address,
        searchText: customerSearchText({ name: named.name, phones, address: named.address, contact: null }),
      },
    };
  }
}
