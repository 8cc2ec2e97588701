import type { sessionContract } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { changePassword } from '../services/session/change-password';
import { repairBeforeSignIn } from '../services/session/repair-before-sign-in';
import { confirmSignIn, settleSignIn, signIn, type SettledAttempts } from '../services/session/sign-in';
import { SearchIndexRebuild, searchIndexIsCurrent } from '../services/search/index-dossier';
import { installDefaultTypes } from '../services/types/types';
import { SearchIndexMerge } from '../services/search/search-index-merge';
import { segmentMergesDeferred } from '../../../db/repositories/search';
import { idleLockIn, sessionInfo } from '../session';
import type { HandlersFor } from './types';

export const sessionHandlers: HandlersFor<typeof sessionContract> = {
  'session:status': (ctx) => ({
    session: ctx.currentSession ? sessionInfo(ctx.currentSession) : null,
    lockReason: ctx.currentSession ? null : ctx.lastLockReason,
    idleLockInMs: ctx.currentSession ? idleLockIn(ctx.currentSession, ctx.env.now().getTime()) : null,
  }),

  'session:login': async (ctx, input) => {
    if (ctx.currentSession) {
      throw new AppError('CONFLICT', { zh: '已有用户登录，请先锁定', en: 'Someone is signed in; lock first' });
    }
    const repaired = input.repairIndexes ? await repairBeforeSignIn(ctx.env, input.login, input.password, ctx.frontDoor) : null;
    const signedIn = await signIn(ctx.env, input.login, input.password, ctx.frontDoor);
    let rebuild: SearchIndexRebuild | null = null;
    let settled: SettledAttempts | null = null;
    const info = ctx.startSession(signedIn.archive, signedIn.user, {
      audit: { action: 'session:login' },
      settle: (db) => {
        settled = settleSignIn(db, signedIn, (draft, frontDoor) => ctx.auditWithin(db, draft, null, frontDoor));
        // Archives made before a shipped type existed receive it at the next sign-in.
        installDefaultTypes(db, ctx.env.now().toISOString(), null, (draft) => ctx.auditWithin(db, draft, null));
        // An index from another build is rebuilt: in the window after sign-in, a step at a time;
        // a command on the command line waits for it (it would otherwise search a partial index).
        if (!searchIndexIsCurrent(db)) {
          rebuild = SearchIndexRebuild.begin(db);
          if (ctx.frontDoor === 'cli') {
            rebuild.step(db, Number.MAX_SAFE_INTEGER);
            ctx.auditWithin(db, rebuild.audit, null);
          }
        }
      },
    });
    await confirmSignIn(signedIn, settled);
    const pending = rebuild as SearchIndexRebuild | null;
    if (pending && !pending.finished) ctx.inBackground(pending);
    // An import's segment merges the last window session did not finish.
    else if (ctx.frontDoor !== 'cli' && segmentMergesDeferred(ctx.session().archive.database.db)) ctx.inBackground(new SearchIndexMerge());
    return repaired ? { ...info, repaired } : info;
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
