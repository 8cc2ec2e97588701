import type { Messages } from '../index';

export const common: Messages['common'] = {
  cancel: 'Cancel',
  save: 'Save',
  edit: 'Edit',
  required: '{{field}} is required',
  tooLong: '{{field}} must not exceed {{max}} characters',
  retry: 'Retry',
  loading: 'Loading…',
  yes: 'Yes',
  no: 'No',
  none: 'None',
  saved: 'Saved',
  actions: 'Actions',
  confirm: 'OK',
  unchanged: 'Nothing changed',
};
