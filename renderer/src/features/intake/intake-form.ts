import type { ChecklistItem } from '../../../../shared/dossier-types';
import type { InputOf, Signature } from '../../../../shared/contract';

/** Per checklist item at a hand-over: handed over, missing, or not part of it (conditional and optional items). */
export type ItemChoice = 'present' | 'missing' | 'none';

/** A dossier of the hand-over as the dialog holds it: what to send, and what to show beside it. */
export interface DossierRow {
  /** An existing dossier … */
  archiveNumber?: string;
  /** … or one opened at the hand-over (dossier:create's input). */
  open?: InputOf<'dossier:create'>;
  title: string;
  typeKey: string | null;
  typeName: string | null;
  checklist: ChecklistItem[];
  /** The type's trigger field – its label, and the dossier's value – for the hint beside the date. */
  trigger: { label: string; value: string | null } | null;
  triggerDate?: string | null;
  items: Record<string, ItemChoice>;
}

export interface IntakeValues {
  handedOverAt?: { toISOString(): string } | null;
  fromDepartment: string;
  handedBy: { name: string };
  dossiers: DossierRow[];
  shortageNote?: string;
  handedBySignature: Partial<Signature>;
  receiverSignature: Partial<Signature>;
  /** The archive-number field of the desk (typed or scanned); not part of the intake. */
  scan?: string;
}

/** What the items start as: required ones handed over, the rest not part of it – except shortages still open, which start missing. */
export function initialChoices(checklist: readonly ChecklistItem[], openShortages: ReadonlySet<string>): Record<string, ItemChoice> {
  return Object.fromEntries(checklist.map((item) => [item.key, openShortages.has(item.key) ? 'missing' : item.requirement === 'required' ? 'present' : 'none']));
}

const signature = (value: Partial<Signature>): Signature => ({ name: value.name?.trim() ?? '', ...(value.image ? { image: value.image } : {}) });

/** The dialog's values as intake:add takes them. */
export function intakeInput(values: IntakeValues): InputOf<'intake:add'> {
  return {
    ...(values.handedOverAt ? { handedOverAt: values.handedOverAt.toISOString() } : {}),
    fromDepartment: values.fromDepartment,
    handedBy: { name: values.handedBy.name.trim() },
    dossiers: values.dossiers.map((row) => {
      const chosen = (choice: ItemChoice) => Object.keys(row.items).filter((key) => row.items[key] === choice);
      return {
        ...(row.open ? { open: row.open } : { archiveNumber: row.archiveNumber ?? '' }),
        ...(row.triggerDate ? { triggerDate: row.triggerDate } : {}),
        missing: chosen('missing'),
        present: chosen('present'),
      };
    }),
    ...(values.shortageNote?.trim() ? { shortageNote: values.shortageNote.trim() } : {}),
    handedBySignature: signature(values.handedBySignature),
    receiverSignature: signature(values.receiverSignature),
  };
}
