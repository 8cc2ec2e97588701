import { z } from 'zod';
import { archiveNumberSchema } from './dossier';
import { mutation, query, returns } from './define';

/** One legal hold (诉讼保全) of the register: in force while `lift` is null. */
export interface HoldView {
  id: number;
  archiveNumber: string;
  title: string;
  reason: string;
  /** The case number (案号), when there is one. */
  caseNumber: string | null;
  placedBy: string;
  placedAt: string;
  lift: { reason: string; liftedBy: string; liftedAt: string } | null;
}

export const HOLD_LIMITS = { reason: 500, caseNumber: 64 } as const;

const reasonSchema = z.string().trim().min(1).max(HOLD_LIMITS.reason);

export const holdContract = {
  /** Every hold of one dossier, lifted ones too, newest first. */
  'hold:of': query({
    access: 'dossier.read',
    input: z.strictObject({ archiveNumber: archiveNumberSchema }),
    output: returns<HoldView[]>(),
  }),
  /** Holds on the dossiers the reader sees: those in force, or all of them. */
  'hold:list': query({
    access: 'dossier.read',
    input: z.strictObject({ inForceOnly: z.boolean().default(true) }),
    output: returns<HoldView[]>(),
  }),
  /** Places a hold: the dossier cannot be appraised, disposed of or lose pages until it is lifted. */
  'hold:place': mutation({
    access: 'hold.place',
    input: z.strictObject({
      archiveNumber: archiveNumberSchema,
      reason: reasonSchema,
      caseNumber: z.string().trim().max(HOLD_LIMITS.caseNumber).optional().transform((value) => (value ? value : null)),
    }),
    output: returns<HoldView>(),
  }),
  'hold:lift': mutation({
    access: 'hold.lift',
    input: z.strictObject({ holdId: z.number().int().min(1), reason: reasonSchema }),
    output: returns<HoldView>(),
  }),
};
