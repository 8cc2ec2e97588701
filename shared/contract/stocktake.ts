import { z } from 'zod';
import type { StocktakeOutcome } from '../stocktake';
import type { ExportFile } from './export-file';
import type { LocationView } from './location';
import { mutation, query, returns } from './define';

export type StocktakePlace = Pick<LocationView, 'id' | 'fullCode' | 'path'>;

/** Who holds a dossier that is out, per the loan register. */
export interface StocktakeHolder {
  name: string;
  dueOn: string;
}

/**
 * One scan as the reader may know it. A dossier the reader may not see reads as an unknown number
 * (no title, no place): the scan box answers no more about a number than dossier:get does.
 */
export interface StocktakeScanView {
  id: number;
  archiveNumber: string;
  outcome: StocktakeOutcome;
  title: string | null;
  /** Confidentiality level (rank) of a dossier the reader sees. */
  level: number | null;
  /** Where the register has it (misplaced, on loan): null when not shelved, or unknown. */
  expected: StocktakePlace | null;
  /** The open loan of an `on-loan` finding. */
  holder: StocktakeHolder | null;
  /** A repeat: when the label was first scanned. */
  firstScannedAt: string | null;
  scannedAt: string;
  scannedBy: string;
}

/** A dossier expected here and not scanned: missing, or out on loan (with who holds it). */
export interface StocktakeAbsentView {
  archiveNumber: string;
  title: string;
  level: number;
  place: StocktakePlace | null;
  holder: StocktakeHolder | null;
}

export interface StocktakeTotals {
  /** Dossiers the register has at the place (the reader's visible ones). */
  expected: number;
  found: number;
  missing: number;
  /** Expected here, out on loan and not scanned: not missing. */
  away: number;
  misplaced: number;
  /** Scanned here while the loan register has it out. */
  onLoan: number;
  unknown: number;
  /** Scanned here though destroyed or transferred. */
  disposed: number;
  repeats: number;
  scans: number;
}

export interface StocktakeSummary {
  id: number;
  place: StocktakePlace;
  startedAt: string;
  startedBy: string;
  finishedAt: string | null;
  finishedBy: string | null;
  /** Misplaced dossiers moved to this place at the finish. */
  corrected: number | null;
}

/** Scans and absences shown at most (newest scans first); the totals count them all. */
export const STOCKTAKE_LIST_MAX = 1000;

export interface StocktakeView extends StocktakeSummary {
  totals: StocktakeTotals;
  /** Newest first. */
  scans: StocktakeScanView[];
  missing: StocktakeAbsentView[];
  away: StocktakeAbsentView[];
}

export interface StocktakeScanReply {
  scan: StocktakeScanView;
  totals: StocktakeTotals;
}

const idSchema = z.number().int().min(1);

export const stocktakeContract = {
  /** The latest stocktakes, newest first. */
  'stocktake:list': query({
    access: 'dossier.read',
    input: z.strictObject({}),
    output: returns<StocktakeSummary[]>(),
  }),
  'stocktake:get': query({
    access: 'dossier.read',
    input: z.strictObject({ id: idSchema }),
    output: returns<StocktakeView>(),
  }),
  /** A stocktake of a place and everything inside it; one open stocktake per place. */
  'stocktake:start': mutation({
    access: 'register.keep',
    input: z.strictObject({ locationId: idSchema }),
    output: returns<StocktakeView>(),
  }),
  /** What a scanner gun typed: a label's QR payload, its Code 128 or a typed archive number. */
  'stocktake:scan': mutation({
    access: 'register.keep',
    input: z.strictObject({ id: idSchema, code: z.string().trim().min(1).max(200) }),
    output: returns<StocktakeScanReply>(),
  }),
  /** Closes the stocktake for good; with `correctLocations`, every misplaced dossier moves to this place, each move audited. */
  'stocktake:finish': mutation({
    access: 'register.keep',
    input: z.strictObject({ id: idSchema, correctLocations: z.boolean() }),
    output: returns<StocktakeView>(),
  }),
  /** The stocktake report as PDF or .xlsx. */
  'stocktake:report': mutation({
    access: 'dossier.read',
    input: z.strictObject({ id: idSchema, format: z.enum(['pdf', 'xlsx']) }),
    output: returns<ExportFile>(),
  }),
};
