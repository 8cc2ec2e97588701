import { z } from 'zod';
import { calendarDaySchema, timeBoundSchema } from '../days';
import { multiLine } from '../plain-text';
import { loginSchema, requiredText } from '../schemas';
import { bilingual } from '../validation';
import type { PersonRef } from './approval';
import { departmentCodeSchema } from './department';
import { archiveNumberSchema, dossierContract } from './dossier';
import { signatureSchema } from './loan';
import { mutation, query, returns } from './define';

export const itemStatuses = ['present', 'missing'] as const;
export type ItemStatus = (typeof itemStatuses)[number];
export const itemStatusLabels: Record<ItemStatus, { zh: string; en: string }> = {
  present: { zh: '已交', en: 'present' },
  missing: { zh: '缺', en: 'missing' },
};

/** Checklist items by key or by name (the full name, or the part before its parenthesis: 身份证复印件). */
const itemRefs = z.array(z.string().trim().min(1).max(120)).max(80).default([]);

/**
 * One dossier handed over: an existing one by its archive number, or one opened on the spot (the
 * fields of dossier:create, in the same transaction). Required checklist items not named missing
 * are present; conditional and optional items are recorded only when named.
 */
export const intakeDossierSchema = z
  .strictObject({
    archiveNumber: archiveNumberSchema.optional(),
    open: dossierContract['dossier:create'].input.optional(),
    /** The day the deadline runs from; else the type's trigger field of the dossier. */
    triggerDate: calendarDaySchema.optional(),
    missing: itemRefs,
    present: itemRefs,
  })
  .superRefine((entry, ctx) => {
    if ((entry.archiveNumber === undefined) === (entry.open === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['archiveNumber'], ...bilingual('请填写档号，或当场新建档案（二者选一）', 'Give an archive number, or open a new dossier (one of the two)') });
    }
  });

export interface SignatureView {
  name: string;
  drawn: boolean;
}

export interface IntakeItemView {
  key: string;
  name: string;
  status: ItemStatus;
}

export interface IntakeDossierView {
  archiveNumber: string;
  title: string;
  level: number;
  type: { key: string; name: string; nameEn: string | null } | null;
  openedHere: boolean;
  triggerDate: string | null;
  /** The type's field the trigger date was read from (its label), or null when it was given at the hand-over. */
  triggerField: { key: string; label: string } | null;
  /** The last working day for the hand-over; null for a type without a deadline. */
  deadline: string | null;
  /** Working days after the deadline the hand-over came (0: on time); null without a deadline. */
  workdaysLate: number | null;
  items: IntakeItemView[];
  missingCount: number;
}

/** One entry of the intake book (签收簿). */
export interface IntakeView {
  id: number;
  handedOverAt: string;
  recordedAt: string;
  fromDepartment: { code: string; name: string };
  handedBy: { name: string; user: PersonRef | null };
  receivedBy: PersonRef;
  shortageNote: string | null;
  handedBySignature: SignatureView;
  receiverSignature: SignatureView;
  /** The entry this one corrects, and the one that corrected this one (it then no longer counts). */
  corrects: number | null;
  correctedBy: number | null;
  /** The dossiers the reader may see, and how many others the entry has (its shortage note is then withheld: it may speak of them). */
  dossiers: IntakeDossierView[];
  hiddenDossiers: number;
  /** The most working days late of its dossiers (0: all on time). */
  workdaysLate: number;
  missingCount: number;
}

/** An entry with its drawn signatures (PNG data URLs), for the one entry shown in full. */
export interface IntakeDetail extends IntakeView {
  drawnSignatures: { handedBy: string | null; receiver: string | null };
}

export interface IntakePage {
  intakes: IntakeView[];
  total: number;
}

/** A checklist item missing at a hand-over and not handed over since. */
export interface ShortageView {
  archiveNumber: string;
  dossierTitle: string;
  level: number;
  department: { code: string; name: string };
  item: { key: string; name: string };
  since: { intakeId: number; handedOverAt: string };
  lastNoted: { intakeId: number; handedOverAt: string };
}

export interface ShortagePage {
  shortages: ShortageView[];
  total: number;
}

export const intakeContract = {
  /** Registers a hand-over: both parties sign; each dossier is checked against its deadline and its type's checklist. */
  'intake:add': mutation({
    access: 'register.keep',
    input: z.strictObject({
      /** When the dossiers changed hands (a day, or an ISO time); now when not given. */
      handedOverAt: timeBoundSchema.optional(),
      fromDepartment: departmentCodeSchema,
      handedBy: z.strictObject({
        name: requiredText({ zh: '移交人', en: 'The person handing over' }, 40),
        /** Their account, when they have one. */
        login: loginSchema.optional(),
      }),
      dossiers: z
        .array(intakeDossierSchema)
        .min(1, bilingual('至少签收一份档案', 'Hand over at least one dossier'))
        .max(200, bilingual('一次最多签收 200 份档案', 'At most 200 dossiers in one hand-over')),
      /** 资料不齐时需注明: what is short, in words. */
      shortageNote: multiLine(z.string().trim().max(1000)).optional(),
      handedBySignature: signatureSchema,
      receiverSignature: signatureSchema,
      /** The entry this one corrects (CF-13): it stays in the book, marked corrected. */
      corrects: z.number().int().positive().optional(),
    }),
    output: returns<IntakeDetail>(),
  }),
  'intake:list': query({
    access: 'dossier.read',
    input: z.strictObject({
      /** Handed over on or after / on or before these days. */
      from: calendarDaySchema.optional(),
      to: calendarDaySchema.optional(),
      fromDepartment: departmentCodeSchema.optional(),
      /** Only entries that count with a dossier handed over after its deadline. */
      late: z.boolean().default(false),
      archiveNumber: archiveNumberSchema.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: returns<IntakePage>(),
  }),
  'intake:get': query({
    access: 'dossier.read',
    input: z.strictObject({ id: z.number().int().positive() }),
    output: returns<IntakeDetail>(),
  }),
  /** Open shortages: of one dossier, or of every dossier the reader may see (the workbench), the longest open first. */
  'intake:shortages': query({
    access: 'dossier.read',
    input: z.strictObject({
      archiveNumber: archiveNumberSchema.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: returns<ShortagePage>(),
  }),
};
