import { customerCandidates, insertCustomer, insertCustomerRecord, linkCustomer, listVisibleCustomers, unlinkCustomer, updateCustomer, type CustomerRow } from '../../../../db/repositories/customers';
import type { Db } from '../../../../db/open';
import type { ActiveSession } from '../../session';
import { CustomerIndex, customerSearchText, type CustomerIdentity } from './customer-match';
import { normaliseForSearch } from '../search/normalise';
import type { CustomerDetail, CustomerPage, DossierDetail } from '../../../../shared/contract';
import type { CustomerKind, CustomerRecordKind } from '../../../../shared/customers';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { visibilityOf } from '../access/visibility';
import { owningDepartment } from '../departments/owning-department';
import { requireVisibleDossier } from '../dossiers/dossier-access';
import { toDossierDetail } from '../dossiers/dossier-dto';
import { customerSummaries, toCustomerDetail } from './customer-views';
import { requireCustomer } from './require-customer';

type Text = string | null | undefined;

export interface CustomerInput {
  name?: string | undefined;
  category?: Text;
  ownership?: Text;
  supervisingBody?: Text;
  address?: Text;
  contact?: Text;
  phones?: string[] | undefined;
  idCode?: Text;
  creditStatus?: Text;
  remarks?: Text;
}


const clean = (value: Text) => (value === undefined ? undefined : value === null || value.trim() === '' ? null : value.trim());

function columns(input: CustomerInput): Partial<CustomerRow> {
  const changes: Partial<CustomerRow> = {};
  for (const key of ['category', 'ownership', 'supervisingBody', 'address', 'contact', 'creditStatus', 'remarks', 'idCode'] as const) {
    const value = clean(input[key]);
    if (value !== undefined) changes[key] = key === 'idCode' && value ? value.toUpperCase() : value;
  }
  if (input.name !== undefined) changes.name = input.name.trim();
  if (input.phones !== undefined) changes.phones = JSON.stringify([...new Set(input.phones.map((p) => p.trim()))]);
  return changes;
}

/** What an audit event says of values: *** for the ID code. */
const summaryOf = (changes: Partial<CustomerRow>) => Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, k === 'idCode' && v ? '***' : v]));

/** Before and after of the columns a change really changes. */
function changedValues(before: CustomerRow, changes: Partial<CustomerRow>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const keys = (Object.keys(changes) as (keyof CustomerRow)[]).filter((key) => changes[key] !== before[key]);
  return { before: summaryOf(Object.fromEntries(keys.map((k) => [k, before[k]]))), after: summaryOf(Object.fromEntries(keys.map((k) => [k, changes[k]]))) };
}

/**
 * Refuses a customer who is already on file (see customer-match): the clerk is sent to the one
 * that exists instead of making a second.
 */
function refuseDuplicate(db: Db, session: ActiveSession, identity: CustomerIdentity, except?: number): void {
  const candidates = customerCandidates(db, visibilityOf(db, session), identity);
  const found = new CustomerIndex(candidates).find(identity, except);
  const existing = candidates.find((c) => c.id === found);
  if (!existing) return;
  throw new AppError(
    'CONFLICT',
    { zh: `客户“${existing.name}”已存在（编号 ${existing.id}），请打开该客户修改，不要重复建立`, en: `The customer "${existing.name}" already exists (no. ${existing.id}); open and change that one instead of creating another` },
    { issues: [{ path: identity.idCode && existing.idCode ? 'idCode' : 'name', message: `与已有客户“${existing.name}”重复`, messageEn: `Same as the existing customer "${existing.name}"` }] },
  );
}

export function listCustomers(ctx: HandlerContext, input: { query?: string | undefined; cursor?: string | undefined; limit: number }): CustomerPage {
  const session = ctx.session();
  const { db } = session.archive.database;
  const beforeId = input.cursor === undefined ? null : Number(input.cursor);
  if (beforeId !== null && !Number.isInteger(beforeId)) throw new AppError('VALIDATION', { zh: '翻页位置无效', en: 'The page position is not valid' });
  const contains = input.query ? normaliseForSearch(input.query) : null;
  const rows = listVisibleCustomers(db, visibilityOf(db, session), { contains, beforeId, limit: input.limit + 1 });
  const items = customerSummaries(db, session, rows.slice(0, input.limit));
  return { items, nextCursor: rows.length > input.limit ? String(items.at(-1)?.id ?? '') : null };
}

export function getCustomer(ctx: HandlerContext, id: number): CustomerDetail {
  const session = ctx.session();
  const { db } = session.archive.database;
  return toCustomerDetail(db, session, requireCustomer(db, session, id));
}

export function createCustomer(ctx: HandlerContext, input: CustomerInput & { kind: CustomerKind; name: string; phones: string[]; departmentCode?: string | undefined }): CustomerDetail {
  const session = ctx.session();
  const { db } = session.archive.database;
  const department = owningDepartment(db, session, input.departmentCode);
  const at = ctx.env.now().toISOString();
  const values = { category: null, ownership: null, supervisingBody: null, address: null, contact: null, idCode: null, creditStatus: null, remarks: null, ...columns(input), name: input.name.trim(), phones: JSON.stringify(input.phones) };
  refuseDuplicate(db, session, { name: values.name, phones: input.phones, idCode: values.idCode });
  const id = ctx.write(
    (w) => insertCustomer(w, { ...values, kind: input.kind, departmentId: department.id, searchText: customerSearchText(values), createdAt: at, createdBy: session.record.id, updatedAt: at }),
    (newId) => ({ action: 'customer:create', target: { type: 'customer', id: newId, label: values.name }, summary: { kind: input.kind, department: department.code, ...summaryOf(columns(input)) } }),
  );
  return getCustomer(ctx, id);
}

export function changeCustomer(ctx: HandlerContext, input: CustomerInput & { id: number }): CustomerDetail {
  const session = ctx.session();
  const { db } = session.archive.database;
  const customer = requireCustomer(db, session, input.id);
  const changes = columns(input);
  const after = { ...customer, ...changes };
  refuseDuplicate(db, session, { name: after.name, phones: JSON.parse(after.phones) as string[], idCode: after.idCode }, customer.id);
  ctx.write((w) => updateCustomer(w, customer.id, { ...changes, searchText: customerSearchText(after), updatedAt: ctx.env.now().toISOString() }), {
    action: 'customer:update',
    target: { type: 'customer', id: customer.id, label: after.name },
    summary: changedValues(customer, changes),
  });
  return getCustomer(ctx, customer.id);
}

export function revealCustomerId(ctx: HandlerContext, id: number): { idCode: string | null } {
  const session = ctx.session();
  const { db } = session.archive.database;
  const customer = requireCustomer(db, session, id);
  return ctx.write(() => ({ idCode: customer.idCode }), { action: 'customer:reveal-id', target: { type: 'customer', id: customer.id, label: customer.name } });
}

export function addCustomerRecord(ctx: HandlerContext, input: { id: number; kind: CustomerRecordKind; recordedOn: string; text: string }): CustomerDetail {
  const session = ctx.session();
  const { db } = session.archive.database;
  const customer = requireCustomer(db, session, input.id);
  ctx.write(
    (w) => insertCustomerRecord(w, { customerId: customer.id, kind: input.kind, recordedOn: input.recordedOn, text: input.text, authorId: session.record.id, createdAt: ctx.env.now().toISOString() }),
    (recordId) => ({ action: 'customer:record', target: { type: 'customer', id: customer.id, label: customer.name }, summary: { record: recordId, kind: input.kind, recordedOn: input.recordedOn } }),
  );
  return getCustomer(ctx, customer.id);
}

export function fileUnderCustomer(ctx: HandlerContext, input: { archiveNumber: string; customerId: number }, linked: boolean): DossierDetail {
  const session = ctx.session();
  const { db } = session.archive.database;
  const dossier = requireVisibleDossier(db, session, input.archiveNumber);
  const customer = requireCustomer(db, session, input.customerId);
  return ctx.write(
    (w) => {
      if (linked) linkCustomer(w, dossier.id, customer.id);
      else if (!unlinkCustomer(w, dossier.id, customer.id)) throw new AppError('NOT_FOUND', { zh: '此档案未归入该客户', en: 'This dossier is not filed under that customer' });
      return toDossierDetail(w, dossier, session);
    },
    { action: linked ? 'dossier:link-customer' : 'dossier:unlink-customer', target: { type: 'dossier', id: dossier.id, label: dossier.archiveNumber }, summary: { customer: customer.id, name: customer.name } },
  );
}
