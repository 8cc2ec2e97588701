import type { Messages } from '../index';

export const holds: Messages['holds'] = {
  held: 'Legal hold',
  onlyHeld: 'Under legal hold',
  place: 'Place legal hold',
  placeTitle: 'Place a legal hold on dossier {{number}}',
  placed: 'Dossier {{number}} is now under legal hold',
  lift: 'Lift hold',
  liftTitle: 'Lift the legal hold on dossier {{number}}',
  lifted: 'The legal hold on dossier {{number}} was lifted',
  reason: 'Reason',
  reasonHint: "E.g. the court's request for evidence, a lawyer's letter; while held, the dossier cannot be appraised, destroyed or lose pages",
  reasonRequired: 'Give the reason',
  liftReason: 'Why it is lifted',
  caseNumber: 'Case no.',
  casePlaceholder: 'e.g. (2026)沪0101民初123号',
  placedBy: 'Placed by',
  placedLine: 'placed by {{by}} at {{at}}',
  liftedLine: 'lifted by {{by}} at {{at}}: {{reason}}',
  history: 'Lifted holds ({{count}})',
};
