import { sql, type SQL } from 'drizzle-orm';

/**
 * Which entries of the intake book the KPIs and the violation ledger count, as conditions on an
 * intake aliased `i` and its dossier line aliased `l`.
 */

/** An entry counts unless a later one corrects it. */
export const countingIntake: SQL = sql`NOT EXISTS (SELECT 1 FROM intakes c WHERE c.corrects_id = i.id)`;

/**
 * The dossier's first hand-over: no entry that counts was recorded for it before (entry numbers
 * follow the book). A later entry of the same dossier brings what was short – its own deadline
 * long past – and is not the dossier handed over again; a correction of the first entry takes
 * its place. Read from an index alone (intake_dossiers_history_idx).
 */
export const firstHandOver: SQL = sql`NOT EXISTS (
  SELECT 1 FROM intake_dossiers e INDEXED BY intake_dossiers_history_idx
  WHERE e.dossier_id = l.dossier_id AND e.intake_id < l.intake_id
    AND NOT EXISTS (SELECT 1 FROM intakes ec WHERE ec.corrects_id = e.intake_id))`;
