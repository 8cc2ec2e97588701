import type { Messages } from '../index';

export const registers: Messages['registers'] = {
  print: 'Print the {{name}}',
  printTitle: 'Print the {{name}}',
  export: 'Export',
  from: 'From',
  to: 'To',
  dayRequired: 'Choose a day',
  department: 'Department',
  allDepartments: 'All departments',
  format: 'Format',
};
