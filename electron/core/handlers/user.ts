import type { userContract } from '../../../shared/contract';
import { disableUser, enableUser, resetPassword, unlockUser, updateUserDetails, userList } from '../services/users/change-user';
import { createUser } from '../services/users/create-user';
import { custodianCandidates } from '../services/dossiers/custodians';
import type { HandlersFor } from './types';

export const userHandlers: HandlersFor<typeof userContract> = {
  'user:custodian-candidates': (ctx, input) => custodianCandidates(ctx, input),
  'user:list': (ctx) => userList(ctx),
  'user:create': (ctx, input) => createUser(ctx, input),
  'user:update': (ctx, input) => updateUserDetails(ctx, input),
  'user:disable': (ctx, input) => disableUser(ctx, input.login),
  'user:enable': (ctx, input) => enableUser(ctx, input),
  'user:reset-password': (ctx, input) => resetPassword(ctx, input),
  'user:unlock': (ctx, input) => unlockUser(ctx, input.login),
};
