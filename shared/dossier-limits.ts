/**
 * How long a dossier's texts may be – one home for the contract (what a front door may send), the
 * rules every write shares (an import's cells included) and the forms.
 */
export const DOSSIER_LIMITS = {
  title: 200,
  remarks: 500,
  /** A text field's value. */
  fieldText: 500,
  /** One choice of a multiple-choice field, and how many may be chosen. */
  choiceText: 100,
  choices: 50,
} as const;
