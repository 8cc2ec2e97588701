import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { customerKinds, customerRecordKinds } from '../../shared/customers';
import { departments } from './departments';
import { dossiers } from './dossiers';
import { users } from './users';

/** Customers (客户): one customer, many dossiers. */
export const customers = sqliteTable(
  'customers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: customerKinds }).notNull(),
    name: text('name').notNull(),
    /** 客户类别, e.g. 目标/一般/重点/潜在. */
    category: text('category'),
    /** 所有制 (organisations). */
    ownership: text('ownership'),
    /** 主管单位 (organisations). */
    supervisingBody: text('supervising_body'),
    address: text('address'),
    contact: text('contact'),
    /** Phone numbers with area code, as a JSON array. */
    phones: text('phones').notNull(),
    /** 身份证号 / 组织机构代码: sensitive, shown only on purpose (audited). */
    idCode: text('id_code'),
    creditStatus: text('credit_status'),
    remarks: text('remarks'),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    /** Name, its pinyin, phones and address, normalised: what the customer search reads. */
    searchText: text('search_text').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    updatedAt: text('updated_at').notNull(),
  },
  // Finding an existing customer before creating one (never a duplicate): by ID code, else by name and phone.
  (t) => [index('customers_department_idx').on(t.departmentId), index('customers_id_code_idx').on(t.idCode), index('customers_name_idx').on(t.name)],
);

export const dossierCustomers = sqliteTable(
  'dossier_customers',
  {
    dossierId: integer('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.customerId] }), index('dossier_customers_customer_idx').on(t.customerId)],
);

/** The customer's timeline (IN-14/15): appended, never edited – a correction is a new record. */
export const customerRecords = sqliteTable(
  'customer_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    kind: text('kind', { enum: customerRecordKinds }).notNull(),
    recordedOn: text('recorded_on').notNull(),
    text: text('text').notNull(),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('customer_records_customer_idx').on(t.customerId, t.recordedOn)],
);
