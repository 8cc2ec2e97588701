import type { DossierTypeView } from '../../../../../shared/contract';
import type { IntakeDeadlines } from '../../../../../shared/intake-deadlines';

/** The trigger select's value for "the date is given at each hand-over" (a null trigger field). */
export const GIVEN_AT_INTAKE = '';

export interface IntakeRow {
  /** Whether the type has a deadline at all. */
  on: boolean;
  triggerField: string;
  workdays: number | null;
}

/** A row per dossier type of the archive, by type key. */
export interface IntakeForm {
  intakeDeadlines: Record<string, IntakeRow>;
}

type TypeFields = Pick<DossierTypeView, 'key' | 'fields'>;

export const dateFieldsOf = (type: TypeFields) => type.fields.filter((field) => field.kind === 'date');

export function toIntakeForm(deadlines: IntakeDeadlines, types: readonly TypeFields[]): IntakeForm {
  return {
    intakeDeadlines: Object.fromEntries(
      types.map((type) => {
        const deadline = deadlines[type.key];
        const row: IntakeRow = deadline
          ? { on: true, triggerField: deadline.triggerField ?? GIVEN_AT_INTAKE, workdays: deadline.workdays }
          : { on: false, triggerField: dateFieldsOf(type)[0]?.key ?? GIVEN_AT_INTAKE, workdays: null };
        return [type.key, row];
      }),
    ),
  };
}

/** The deadlines the rows make: only the types switched on have one (the form requires their working days). */
export function fromIntakeForm(values: IntakeForm, types: readonly TypeFields[]): IntakeDeadlines {
  return Object.fromEntries(
    types.flatMap((type) => {
      const row = values.intakeDeadlines[type.key];
      if (!row?.on) return [];
      return [[type.key, { triggerField: row.triggerField === GIVEN_AT_INTAKE ? null : row.triggerField, workdays: row.workdays ?? 0 }]];
    }),
  );
}
