import type { sessionContract } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { unlockArchive } from '../services/archive/unlock-archive';
import { changePassword } from '../services/session/change-password';
import { sessionInfo } from '../session';
import type { HandlersFor } from './types';

export const sessionHandlers: HandlersFor<typeof sessionContract> = {
  'session:status': (ctx) => ({
    session: ctx.currentSession ? sessionInfo(ctx.currentSession) : null,
    lockReason: ctx.currentSession ? null : ctx.lastLockReason,
  }),

  'session:login': async (ctx, input) => {
    if (ctx.currentSession) {
      throw new AppError('CONFLICT', { zh: '已有用户登录，请先锁定', en: 'Someone is signed in; lock first' });
    }
    const { archive, user } = await unlockArchive(ctx.env.paths, input.login, input.password, ctx.env.migrationsDir);
    return ctx.startSession(archive, user, { action: 'session:login' });
  },

  'session:lock': (ctx) => {
    ctx.lock('manual');
    return { locked: true };
  },

  'session:touch': (ctx) => ({ idleLockMinutes: ctx.session().idleLockMinutes }),

  'session:change-password': async (ctx, input) => {
    await changePassword(ctx, input.currentPassword, input.newPassword);
    return { changed: true };
  },
};
