import { z } from 'zod';
import { DOSSIER_LIMITS } from '../dossier-limits';
import { calendarDaySchema } from '../days';
import { multiLine } from '../plain-text';
import type { DossierLinkView } from './link';
import type { LocationView } from './location';
import { retentionSchema, type ChecklistItem, type DocumentGroup, type FieldKind, type Retention } from '../dossier-types';
import { dossierTitleSchema, loginSchema } from '../schemas';
import { departmentCodeSchema } from './department';
import { mutation, query, returns } from './define';
import type { DocumentView } from './document';
import type { AuditPage } from './audit';
import type { ExportFile } from './export-file';

export const carriers = ['paper', 'electronic', 'both'] as const;
export type Carrier = (typeof carriers)[number];
export const dossierStatuses = ['in-archive', 'on-loan', 'transferred', 'destroyed'] as const;
export type DossierStatus = (typeof dossierStatuses)[number];

export const carrierLabels: Record<Carrier, { zh: string; en: string }> = {
  paper: { zh: '纸质', en: 'Paper' },
  electronic: { zh: '电子', en: 'Electronic' },
  both: { zh: '纸质和电子', en: 'Paper and electronic' },
};
export const statusLabels: Record<DossierStatus, { zh: string; en: string }> = {
  'in-archive': { zh: '在库', en: 'In the archive' },
  'on-loan': { zh: '借出', en: 'On loan' },
  transferred: { zh: '移交', en: 'Transferred' },
  destroyed: { zh: '已销毁', en: 'Destroyed' },
};

export interface DossierSummary {
  id: number;
  archiveNumber: string;
  title: string;
  type: { key: string; name: string; nameEn: string | null } | null;
  /** Rank on the confidentiality scale. */
  level: number;
  department: { code: string; name: string };
  /** The remark column (CF-01): the level's name for marked levels (机密, 绝密), else null. */
  remark: string | null;
  classification: string | null;
  status: DossierStatus;
  /** All required checklist items have a document. */
  complete: boolean;
  missingCount: number;
  /** Under a legal hold (诉讼保全) in force. */
  held: boolean;
  /** Destroyed (已销毁): the number of the destruction list (销毁清册) it went by. */
  destructionList: string | null;
  createdAt: string;
  createdBy: { id: number; displayName: string };
  openedOn: string | null;
  /** With a search: where the query was found (a sensitive value stays masked). */
  match?: SearchMatch;
}

/** Where a search found a dossier, for the hit list. */
export interface SearchMatch {
  /** The part it was found in: 客户名称, 车牌号, 卷内文件 … */
  label: string;
  /** The part's value as stored – or, for a long one, a window around the match; null for a sensitive value (named, never shown). */
  value: string | null;
  /** The stretches of `value` the query matched, in order: [start, end) in UTF-16 units. */
  highlights: { start: number; end: number }[];
  /** Whether `value` is a window: text left out before it, after it. */
  cutBefore: boolean;
  cutAfter: boolean;
  /** A name found by its pinyin: the reading typed (zs, zhangsan); the highlights mark the characters it reads. */
  pinyin?: string;
}

/** A subject field as the reader may see it: sensitive values stay masked until revealed on purpose. */
export interface FieldValueView {
  key: string;
  label: string;
  labelEn: string | null;
  kind: FieldKind;
  required: boolean;
  sensitive: boolean;
  /** For choice fields: what may be chosen. */
  choices?: string[];
  note?: string;
  /** The value, or null while masked (or when empty). */
  value: string | number | string[] | null;
  masked: boolean;
}

export interface ChecklistStatus {
  item: ChecklistItem;
  /** Documents filed for this item. */
  documents: number;
  /** Scanned pages of those documents (pages taken out not counted). */
  scannedPages: number;
  /** Fulfilled as the item's evidence asks: a document; a scanned one; an original, scanned. */
  satisfied: boolean;
}

export interface DossierDetail extends DossierSummary {
  classified: boolean;
  /** CF-01: marked levels are stored separately and held by a named custodian. */
  storedSeparately: boolean;
  custodian: { login: string; displayName: string } | null;
  fields: FieldValueView[];
  classificationScheme: { name: string; values: string[] } | null;
  retention: Retention | null;
  carrier: Carrier;
  remarks: string | null;
  groups: DocumentGroup[];
  checklist: ChecklistStatus[];
  missingItems: { key: string; name: string }[];
  documents: DocumentView[];
  /** The highest level among the documents: the dossier's level is never lower. */
  documentsLevel: number | null;
  /** Cross-references, from this dossier's side; links to dossiers the reader may not see are left out. */
  links: DossierLinkView[];
  /** Where the paper dossier stands, or null when it is not shelved. */
  location: Pick<LocationView, 'id' | 'fullCode' | 'path'> | null;
  /** Where it is now when it is out (its home location stays): who holds it, since when, due when. */
  holder: { loanId: number; kind: 'loan' | 'consultation'; name: string; since: string; dueOn: string } | null;
  /** The customers this dossier is filed under (those the reader may see). */
  customers: { id: number; name: string; kind: 'person' | 'organisation' }[];
  updatedAt: string;
}

export interface DossierPage {
  items: DossierSummary[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /**
   * Only dossiers the caller may see are counted, on the first page only (null on the pages that
   * follow). A search stops counting at SEARCH_COUNT_CAP: `totalCapped` then says "more than".
   */
  total: number | null;
  totalCapped: boolean;
  /** While the search index is being rebuilt (after an update): how far it is. A search may miss dossiers until then. */
  indexing?: { done: number; total: number };
}

/** A search counts its hits up to here ("1000+"): a one-character query stays fast. */
export const SEARCH_COUNT_CAP = 1000;

export const DOSSIER_PAGE_MAX = 200;

export const dossierSortKeys = ['created', 'archiveNumber', 'openedOn'] as const;
export type DossierSortKey = (typeof dossierSortKeys)[number];

export const archiveNumberSchema = z.string().trim().min(1).max(64);
const levelSchema = z.number().int().min(0).max(8);
const fieldValue = z.union([z.string().max(DOSSIER_LIMITS.fieldText), z.number(), z.array(z.string().max(DOSSIER_LIMITS.choiceText)).max(DOSSIER_LIMITS.choices), z.null()]);
export const fieldValuesSchema = z.record(z.string().max(40), fieldValue);
export type FieldValues = z.infer<typeof fieldValuesSchema>;
const day = calendarDaySchema;

export const dossierFiltersSchema = z.strictObject({
  typeKeys: z.array(z.string().max(32)).max(20).optional(),
  statuses: z.array(z.enum(dossierStatuses)).max(4).optional(),
  levels: z.array(levelSchema).max(9).optional(),
  classifications: z.array(z.string().max(16)).max(20).optional(),
  departmentCodes: z.array(departmentCodeSchema).max(50).optional(),
  complete: z.boolean().optional(),
  /** Only dossiers under a legal hold in force (诉讼保全中). */
  held: z.literal(true).optional(),
  /** Dossiers standing at this place or anywhere inside it. */
  locationId: z.number().int().min(1).optional(),
  openedFrom: day.optional(),
  openedTo: day.optional(),
});
export type DossierFilters = z.infer<typeof dossierFiltersSchema>;

export const dossierContract = {
  'dossier:create': mutation({
    access: 'dossier.create',
    input: z.strictObject({
      /** The dossier type (vehicle-new, property …); without one, a plain dossier with a title. */
      typeKey: z.string().max(32).optional(),
      /** Defaults to the type's title template. */
      title: dossierTitleSchema.optional(),
      fields: fieldValuesSchema.default({}),
      /** Defaults to the type's level, else the configured level for new dossiers (内部). */
      level: levelSchema.optional(),
      /** Defaults to the creating user's department. */
      departmentCode: departmentCodeSchema.optional(),
      /** Defaults to the creating user for marked levels. */
      custodian: loginSchema.optional(),
      classification: z.string().trim().max(16).optional(),
      carrier: z.enum(carriers).default('paper'),
      /** 建档日期; defaults to today. */
      openedOn: day.optional(),
      remarks: multiLine(z.string().trim().max(DOSSIER_LIMITS.remarks)).optional(),
      /** Customers (客户) the new dossier is filed under, in the same transaction. */
      customerIds: z.array(z.number().int().positive()).max(20).default([]),
    }),
    output: returns<DossierSummary>(),
  }),
  /** The number the next dossier of this type would get, without taking it. */
  'dossier:preview-number': query({
    access: 'dossier.create',
    input: z.strictObject({ typeKey: z.string().max(32), fields: fieldValuesSchema.default({}), departmentCode: departmentCodeSchema.optional() }),
    output: returns<{ archiveNumber: string | null }>(),
  }),
  /**
   * The catalogue: filtered, sorted, keyset-paginated; with `query`, the search box – substring
   * matches of any length over number, title, names and their pinyin, phones, ID numbers, plates,
   * VINs, addresses and document titles, the exact archive number first.
   */
  'dossier:list': query({
    access: 'dossier.read',
    input: z.strictObject({
      query: z.string().trim().max(100).optional(),
      filters: dossierFiltersSchema.default({}),
      sort: z.strictObject({ by: z.enum(dossierSortKeys), direction: z.enum(['asc', 'desc']) }).default({ by: 'created', direction: 'desc' }),
      cursor: z.string().max(400).optional(),
      limit: z.number().int().min(1).max(DOSSIER_PAGE_MAX).default(50),
    }),
    output: returns<DossierPage>(),
  }),
  /** Opens one dossier; a dossier the caller may not see does not exist for them (NOT_FOUND). */
  'dossier:get': query({
    access: 'dossier.read',
    input: z.strictObject({ archiveNumber: archiveNumberSchema }),
    output: returns<DossierDetail>(),
  }),
  'dossier:update': mutation({
    access: 'dossier.edit',
    input: z.strictObject({
      archiveNumber: archiveNumberSchema,
      title: dossierTitleSchema.optional(),
      /** Changed fields only; a sensitive field can be replaced without revealing it. */
      fields: fieldValuesSchema.optional(),
      classification: z.string().trim().max(16).nullable().optional(),
      carrier: z.enum(carriers).optional(),
      openedOn: day.optional(),
      remarks: multiLine(z.string().trim().max(DOSSIER_LIMITS.remarks)).nullable().optional(),
      /** 保管期限. */
      retention: retentionSchema.optional(),
      /** Moves the dossier to another department (needs dossier.reassign). */
      departmentCode: departmentCodeSchema.optional(),
    }),
    output: returns<DossierDetail>(),
  }),
  /**
   * The dossier's own history from the audit trail, newest first – for everyone who may read the
   * dossier (the whole trail stays the auditor's).
   */
  'dossier:history': query({
    access: 'dossier.read',
    input: z.strictObject({ archiveNumber: archiveNumberSchema, cursor: z.string().regex(/^\d+$/).optional(), limit: z.number().int().min(1).max(200).default(50) }),
    output: returns<AuditPage>(),
  }),
  /** Shows one sensitive field; every reveal is recorded in the audit trail. */
  'dossier:reveal-field': query({
    access: 'field.reveal',
    input: z.strictObject({ archiveNumber: archiveNumberSchema, fieldKey: z.string().max(40) }),
    output: returns<{ value: string | number | string[] | null }>(),
  }),
  'dossier:classify': mutation({
    access: 'dossier.classify',
    input: z.strictObject({
      archiveNumber: archiveNumberSchema,
      level: levelSchema.optional(),
      custodian: loginSchema.nullable().optional(),
      storedSeparately: z.boolean().optional(),
    }),
    output: returns<DossierDetail>(),
  }),
  /**
   * The dossier as one PDF – cover, record with its catalogue, then its scans (or some documents'
   * only, or none); classified dossiers need an approval and carry a watermark.
   */
  'dossier:export': mutation({
    access: 'dossier.export',
    input: z.strictObject({ archiveNumber: archiveNumberSchema, scans: z.boolean().default(true), documentIds: z.array(z.number().int().min(1)).min(1).max(2000).optional() }),
    output: returns<ExportFile>(),
  }),
};
