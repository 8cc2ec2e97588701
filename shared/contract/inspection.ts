import { z } from 'zod';
import { calendarDaySchema } from '../days';
import { checkItems, checkStatuses, findingKinds, measuredItems, repairOutcomes, type CheckItem, type CheckStatus, type FindingKind, type InspectionInterval, type RepairOutcome } from '../inspections';
import { bilingual } from '../validation';
import type { ExportFile } from './export-file';
import { mutation, query, returns } from './define';

/** A place inspected: a room, or the whole store (locationId null). */
export interface InspectionPlace {
  locationId: number | null;
  /** The room's code (e.g. A1); '' for the whole store. */
  code: string;
  /** The room's name; 全部库房 for the whole store. */
  name: string;
}

export type PlanState = 'ok' | 'due' | 'overdue';

export interface PlanEntry {
  place: InspectionPlace;
  /** The day of the last finished inspection of this room or of the whole store; null: never. */
  lastInspectedOn: string | null;
  /** When the next inspection falls due (never inspected: counted from the day the room was set up). */
  dueOn: string;
  state: PlanState;
  /** An inspection of this place under way. */
  openInspectionId: number | null;
}

export interface InspectionPlan {
  interval: InspectionInterval;
  today: string;
  places: PlanEntry[];
}

export interface InspectionSummary {
  id: number;
  place: InspectionPlace;
  startedAt: string;
  startedBy: string;
  inspectedOn: string | null;
  inspectors: string[];
  finishedAt: string | null;
  findings: number;
  /** Repair orders without an outcome. */
  openRepairs: number;
}

export interface InspectionCheckView {
  item: CheckItem;
  status: CheckStatus;
  /** %RH for humidity, ℃ for temperature. */
  reading: number | null;
  note: string | null;
}

export interface InspectionPhotoView {
  id: number;
  sourceName: string;
  mediaType: string;
}

export interface RepairView {
  id: number;
  instructions: string;
  orderedBy: string;
  orderedAt: string;
  outcome: { outcome: RepairOutcome; note: string | null; repairedBy: string; repairedOn: string; recordedBy: string; recordedAt: string } | null;
}

/**
 * A finding as the reader may know it. On a dossier above the reader's clearance (or outside the
 * departments the reader sees) only the archive number, the kind and the repair remain: no
 * title, level, note or photos.
 */
export interface FindingView {
  id: number;
  archiveNumber: string;
  hidden: boolean;
  title: string | null;
  level: number | null;
  kind: FindingKind;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
  photos: InspectionPhotoView[];
  repair: RepairView | null;
}

export interface InspectionView extends InspectionSummary {
  remarks: string | null;
  finishedBy: string | null;
  checks: InspectionCheckView[];
  findingList: FindingView[];
}

export interface InspectionPhotoImage {
  photoId: number;
  mimeType: 'image/jpeg';
  bytes: Uint8Array;
  width: number;
  height: number;
}

const idSchema = z.number().int().min(1);
const noteSchema = z.string().trim().max(500, bilingual('说明最多 500 个字', 'A note has at most 500 characters'));
const stagedIds = z.array(z.uuid()).max(20, bilingual('每条发现最多 20 张照片', 'At most 20 photos per finding'));

const checkSchema = z
  .strictObject({ item: z.enum(checkItems), status: z.enum(checkStatuses), reading: z.number().finite().nullable(), note: noteSchema.nullable() })
  .refine((c) => c.status === 'ok' || (c.note ?? '') !== '', { path: ['note'], ...bilingual('有问题的检查项请说明情况', 'Say what the problem is') })
  .refine((c) => measuredItems[c.item] === undefined || c.reading !== null, { path: ['reading'], ...bilingual('请填写读数', 'Give the reading') })
  .refine(
    (c) => {
      const range = measuredItems[c.item];
      return c.reading === null || (range !== undefined && c.reading >= range.min && c.reading <= range.max);
    },
    { path: ['reading'], ...bilingual('读数不在合理范围内（湿度 0–100 %RH，温度 −40–60 ℃；其他检查项无读数）', 'The reading is out of range (humidity 0–100 %RH, temperature −40–60 ℃; other items take none)') },
  );

const findingFields = {
  archiveNumber: z.string().trim().min(1).max(64),
  kind: z.enum(findingKinds),
  note: noteSchema,
};

const inspectorName = z.string().trim().min(1).max(32);

export const inspectionContract = {
  /** Every room (or the whole store when there are none) with its last inspection and when the next falls due. */
  'inspection:plan': query({ access: 'dossier.read', input: z.strictObject({}), output: returns<InspectionPlan>() }),
  /** The latest inspections, newest first. */
  'inspection:list': query({ access: 'dossier.read', input: z.strictObject({}), output: returns<InspectionSummary[]>() }),
  'inspection:get': query({ access: 'dossier.read', input: z.strictObject({ id: idSchema }), output: returns<InspectionView>() }),
  /** An inspection of a room, or of the whole store (locationId null); one open inspection per place. */
  'inspection:start': mutation({ access: 'register.keep', input: z.strictObject({ locationId: idSchema.nullable() }), output: returns<InspectionView>() }),
  /** The checklist of an open inspection, whole: what is given replaces what was there. */
  'inspection:save-checks': mutation({
    access: 'register.keep',
    input: z.strictObject({
      id: idSchema,
      checks: z
        .array(checkSchema)
        .max(checkItems.length)
        .refine((checks) => new Set(checks.map((c) => c.item)).size === checks.length, bilingual('同一检查项填写了两次', 'An item is given twice')),
    }),
    output: returns<InspectionView>(),
  }),
  /** A finding on a dossier, with photos staged as scans (purpose `scan`). */
  'inspection:add-finding': mutation({ access: 'register.keep', input: z.strictObject({ id: idSchema, ...findingFields, stagedFileIds: stagedIds.default([]) }), output: returns<InspectionView>() }),
  'inspection:edit-finding': mutation({ access: 'register.keep', input: z.strictObject({ findingId: idSchema, ...findingFields }), output: returns<InspectionView>() }),
  'inspection:remove-finding': mutation({ access: 'register.keep', input: z.strictObject({ findingId: idSchema }), output: returns<InspectionView>() }),
  'inspection:add-photos': mutation({ access: 'register.keep', input: z.strictObject({ findingId: idSchema, stagedFileIds: stagedIds.min(1) }), output: returns<InspectionView>() }),
  'inspection:remove-photo': mutation({ access: 'register.keep', input: z.strictObject({ photoId: idSchema }), output: returns<InspectionView>() }),
  /** A photo as a thumbnail or the viewer's size (JPEG). */
  'inspection:photo': query({ access: 'dossier.read', input: z.strictObject({ photoId: idSchema, size: z.enum(['thumbnail', 'view']) }), output: returns<InspectionPhotoImage>() }),
  /** Closes the inspection for good: every checklist item must have its verdict. */
  'inspection:finish': mutation({
    access: 'register.keep',
    input: z.strictObject({
      id: idSchema,
      inspectedOn: calendarDaySchema,
      inspectors: z.array(inspectorName).min(1, bilingual('请填写检查人', 'Name the inspectors')).max(6),
      remarks: noteSchema.nullable().default(null),
    }),
    output: returns<InspectionView>(),
  }),
  /** The printable inspection record (保管检查记录, PDF). */
  'inspection:print': mutation({ access: 'dossier.read', input: z.strictObject({ id: idSchema }), output: returns<ExportFile>() }),
  /** A repair order (修复单) for a finding of a finished inspection. */
  'inspection:repair-order': mutation({
    access: 'register.keep',
    input: z.strictObject({ findingId: idSchema, instructions: z.string().trim().min(1, bilingual('请填写修复要求', 'Say what is to be done')).max(500) }),
    output: returns<InspectionView>(),
  }),
  /** How a repair order ended; once. */
  'inspection:repair-outcome': mutation({
    access: 'register.keep',
    input: z
      .strictObject({ orderId: idSchema, outcome: z.enum(repairOutcomes), note: noteSchema.nullable().default(null), repairedBy: inspectorName, repairedOn: calendarDaySchema })
      .refine((r) => r.outcome === 'repaired' || (r.note ?? '') !== '', { path: ['note'], ...bilingual('请说明以复制件替代或无法修复的情况', 'Say how it was replaced or why it cannot be repaired') }),
    output: returns<InspectionView>(),
  }),
};
