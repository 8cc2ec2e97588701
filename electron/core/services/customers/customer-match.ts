import { customerFieldsOf, type TypeDefinition } from '../../../../shared/dossier-types';
import { splitPhones } from '../../../../shared/phones';
import type { FieldValues } from '../dossiers/field-values';
import { normaliseForSearch } from '../search/normalise';
import { namePinyin } from '../search/pinyin';

/**
 * When two records are the same customer (never a duplicate customer): the same ID number or
 * organisation code; else the same name and a phone number in common – unless both carry ID codes
 * and they differ (two people of one name sharing a family phone). One rule for creating a
 * customer by hand, changing one, and the customers an import creates or finds.
 */
export interface CustomerIdentity {
  name: string;
  phones: readonly string[];
  idCode: string | null;
}

/** The customer a dossier's fields describe (the type says which fields: customerFieldsOf), with its address. */
export interface NamedCustomer extends CustomerIdentity {
  address: string | null;
}

export function customerNamedBy(definition: Pick<TypeDefinition, 'customer' | 'fields' | 'subjectKind'>, values: Readonly<FieldValues>): NamedCustomer | null {
  const fields = customerFieldsOf(definition);
  const text = (key: string | undefined) => {
    const value = key === undefined ? undefined : values[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  };
  const name = text(fields?.name);
  if (!fields || !name) return null;
  return { name, phones: splitPhones(text(fields.phone) ?? ''), idCode: text(fields.idCode), address: text(fields.address) };
}

export interface KnownCustomer extends CustomerIdentity {
  id: number;
}

/** A phone as digits only, without the country code: 021-6234 5678 and 02162345678 are one number. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '').replace(/^(0086|86)(?=1\d{10}$)/, '');
}

const namePhoneKey = (name: string, phone: string) => `${name.trim()}\u0000${phoneDigits(phone)}`;
const idKey = (idCode: string) => idCode.replace(/\s+/g, '').toUpperCase();

export class CustomerIndex {
  private readonly byIdCode = new Map<string, number>();
  private readonly byNamePhone = new Map<string, { id: number; idCode: string | null }[]>();

  constructor(customers: Iterable<KnownCustomer> = []) {
    for (const customer of customers) this.add(customer);
  }

  add(customer: KnownCustomer): void {
    const idCode = customer.idCode ? idKey(customer.idCode) : null;
    if (idCode && !this.byIdCode.has(idCode)) this.byIdCode.set(idCode, customer.id);
    for (const phone of customer.phones) {
      const key = namePhoneKey(customer.name, phone);
      if (!phoneDigits(phone)) continue;
      const list = this.byNamePhone.get(key);
      if (list) list.push({ id: customer.id, idCode });
      else this.byNamePhone.set(key, [{ id: customer.id, idCode }]);
    }
  }

  /** The customer this identity belongs to, or null; `except` leaves one customer out (the one being changed). */
  find(identity: CustomerIdentity, except?: number): number | null {
    const idCode = identity.idCode ? idKey(identity.idCode) : null;
    if (idCode) {
      const id = this.byIdCode.get(idCode);
      if (id !== undefined && id !== except) return id;
    }
    for (const phone of identity.phones) {
      if (!phoneDigits(phone)) continue;
      const match = this.byNamePhone.get(namePhoneKey(identity.name, phone))?.find((c) => c.id !== except && (c.idCode === null || idCode === null || c.idCode === idCode));
      if (match) return match.id;
    }
    return null;
  }
}

/** What the customer search reads: name and its pinyin, phones, address, contact – never the ID code. */
export function customerSearchText(c: { name: string; phones: string; address: string | null; contact: string | null }): string {
  const parts = [c.name, ...namePinyin(c.name), ...(JSON.parse(c.phones) as string[]), c.address ?? '', c.contact ?? ''];
  return parts.map(normaliseForSearch).filter(Boolean).join(' ');
}
