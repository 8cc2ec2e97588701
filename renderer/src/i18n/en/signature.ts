import type { Messages } from '../index';

export const signature: Messages['signature'] = {
  name: 'Signature (name)',
  pad: 'Signature pad',
  optional: 'Sign in the box (optional)',
  drawn: 'Signed by hand',
  clear: 'Clear',
};
