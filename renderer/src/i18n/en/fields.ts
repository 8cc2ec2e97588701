import type { Messages } from '../index';

export const fields: Messages['fields'] = {
  login: 'Login name',
  displayName: 'Name',
  password: 'Password',
  confirmPassword: 'Confirm password',
};
