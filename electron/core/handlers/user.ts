import { listUsers } from '../../../db/repositories/users';
import type { userContract } from '../../../shared/contract';
import { createUser } from '../services/users/create-user';
import { toUserSummary } from '../services/users/user-dto';
import type { HandlersFor } from './types';

export const userHandlers: HandlersFor<typeof userContract> = {
  'user:create': (ctx, input) => createUser(ctx, input),
  'user:list': (ctx) => listUsers(ctx.session().archive.database.db).map(toUserSummary),
};
