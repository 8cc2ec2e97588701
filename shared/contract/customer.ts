import { z } from 'zod';
import { calendarDaySchema } from '../days';
import { multiLine } from '../plain-text';
import { bilingual } from '../validation';
import { customerKinds, customerRecordKinds, type CustomerKind, type CustomerRecordKind } from '../customers';
import { departmentCodeSchema } from './department';
import { mutation, query, returns } from './define';
import { archiveNumberSchema, type DossierDetail, type DossierSummary } from './dossier';

export interface CustomerSummary {
  id: number;
  kind: CustomerKind;
  name: string;
  category: string | null;
  phones: string[];
  address: string | null;
  department: { code: string; name: string };
  /** Dossiers of this customer the reader may see. */
  dossierCount: number;
}

export interface CustomerRecordView {
  id: number;
  kind: CustomerRecordKind;
  recordedOn: string;
  text: string;
  author: string;
  createdAt: string;
}

export interface CustomerDetail extends CustomerSummary {
  ownership: string | null;
  supervisingBody: string | null;
  contact: string | null;
  /** Masked: shown only through customer:reveal-id, which is recorded. */
  hasIdCode: boolean;
  creditStatus: string | null;
  remarks: string | null;
  dossiers: DossierSummary[];
  /** Newest first. */
  records: CustomerRecordView[];
  createdAt: string;
  updatedAt: string;
}

export interface CustomerPage {
  items: CustomerSummary[];
  nextCursor: string | null;
}

/** A phone with its area code for landlines (021-62345678) or a mobile number. */
const phoneSchema = z
  .string()
  .transform((text) => text.replace(/[\s()（）]/g, ''))
  .pipe(z.string().regex(/^(0\d{2,3}-?\d{7,8}(-\d{1,6})?|1[3-9]\d{9})$/, bilingual('应为手机号或带区号的座机号', 'must be a mobile number or a landline with its area code')));
const text = (max: number) => z.string().trim().max(max).nullable().optional();

const customerFields = {
  name: z.string().trim().min(1).max(100),
  category: text(16),
  ownership: text(40),
  supervisingBody: text(100),
  address: text(200),
  contact: text(40),
  phones: z.array(phoneSchema).max(10),
  idCode: z.string().trim().regex(/^[0-9A-Za-z-]{8,20}$/, bilingual('证件号/组织机构代码格式不对', 'is not an ID number or organisation code')).nullable().optional(),
  creditStatus: text(40),
  remarks: multiLine(z.string().trim().max(500)).nullable().optional(),
};

export const customerContract = {
  /** Customers the reader's departments hold, newest first; the query matches name, pinyin, phones, address. */
  'customer:list': query({
    access: 'dossier.read',
    input: z.strictObject({ query: z.string().trim().max(100).optional(), cursor: z.string().max(40).optional(), limit: z.number().int().min(1).max(200).default(50) }),
    output: returns<CustomerPage>(),
  }),
  'customer:get': query({
    access: 'dossier.read',
    input: z.strictObject({ id: z.number().int().min(1) }),
    output: returns<CustomerDetail>(),
  }),
  'customer:create': mutation({
    access: 'dossier.create',
    input: z.strictObject({ kind: z.enum(customerKinds), ...customerFields, phones: customerFields.phones.default([]), departmentCode: departmentCodeSchema.optional() }),
    output: returns<CustomerDetail>(),
  }),
  'customer:update': mutation({
    access: 'dossier.edit',
    input: z.strictObject({ id: z.number().int().min(1), ...customerFields, name: customerFields.name.optional(), phones: customerFields.phones.optional() }),
    output: returns<CustomerDetail>(),
  }),
  /** Shows the ID number or organisation code; each reveal is recorded. */
  'customer:reveal-id': query({
    access: 'field.reveal',
    input: z.strictObject({ id: z.number().int().min(1) }),
    output: returns<{ idCode: string | null }>(),
  }),
  /** Appends to the customer's timeline (visits, calls, letters, complaints, major changes). */
  'customer:add-record': mutation({
    access: 'dossier.edit',
    input: z.strictObject({
      id: z.number().int().min(1),
      kind: z.enum(customerRecordKinds),
      recordedOn: calendarDaySchema,
      text: multiLine(z.string().trim().min(1).max(2000)),
    }),
    output: returns<CustomerDetail>(),
  }),
  /** Files a dossier under a customer (a dossier may belong to several, e.g. co-owners). */
  'dossier:link-customer': mutation({
    access: 'dossier.edit',
    input: z.strictObject({ archiveNumber: archiveNumberSchema, customerId: z.number().int().min(1) }),
    output: returns<DossierDetail>(),
  }),
  'dossier:unlink-customer': mutation({
    access: 'dossier.edit',
    input: z.strictObject({ archiveNumber: archiveNumberSchema, customerId: z.number().int().min(1) }),
    output: returns<DossierDetail>(),
  }),
};
