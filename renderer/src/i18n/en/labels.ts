import type { Messages } from '../index';

export const labels: Messages['labels'] = {
  printMenu: 'Print',
  label: 'Dossier label…',
  coverDossier: 'Scan cover (whole dossier)',
  coverItems: 'Scan covers (one per checklist item)',
  separator: 'Separator sheet',
  labelTitle: 'Print a dossier label',
  labelsTitle: 'Print labels ({{count}} dossiers)',
  printSelected: 'Print labels ({{count}})',
  selected: '{{count}} selected',
  clearSelection: 'Clear selection',
  print: 'Make PDF',
  sheet: 'Label sheet',
  startAt: 'Start at label',
  startAtHelp: 'On a partly used sheet: the number of the first blank label. Print at 100 %.',
};
