import type { archiveContract } from '../../../shared/contract';
import { createArchive } from '../services/archive/create-archive';
import { archiveInfo } from '../services/archive/archive-info';
import { verifyArchive } from '../services/archive/verify-archive';
import { toActor } from '../services/users/user-dto';
import { archiveState } from '../vault/archive-files';
import { rebuildSearchIndex } from '../services/search/index-dossier';
import { installDefaultTypes } from '../services/types/types';
import { writeCurrentHighWaterMark } from '../integrity/rollback-check';
import type { HandlersFor } from './types';
import { acceptRollback } from '../services/archive/accept-rollback';
import { repairSearchIndex } from '../services/archive/repair-index';
import { settleDamage } from '../integrity/settle-damage';

export const archiveHandlers: HandlersFor<typeof archiveContract> = {
  'archive:status': (ctx) => ({ state: archiveState(ctx.env.paths), dataDir: ctx.env.paths.dataDir }),

  'archive:create': async (ctx, input) => {
    const { archive, admin } = await createArchive(ctx.env.paths, input, {
      migrationsDir: ctx.env.migrationsDir,
      appVersion: ctx.env.appVersion,
      kdfCost: ctx.env.kdfCost,
      now: ctx.env.now(),
      onCreated: (db, user, archiveId) => {
        ctx.auditWithin(db, { action: 'archive:create', target: { type: 'archive', id: archiveId }, summary: { admin: user.login } }, toActor(user));
        installDefaultTypes(db, ctx.env.now().toISOString(), user.id, (draft) => ctx.auditWithin(db, draft, toActor(user)));
        // An empty index, marked as built by this build.
        rebuildSearchIndex(db);
      },
    });
    writeCurrentHighWaterMark(archive);
    return ctx.startSession(archive, admin);
  },

  'archive:info': (ctx) => archiveInfo(ctx.session().archive),

  'archive:verify': (ctx, input) => {
    const session = ctx.session();
    const report = verifyArchive(session.archive, ctx.env.now(), input.anchors);
    settleDamage(session, report, ctx.env.now());
    return report;
  },

  'archive:accept-rollback': (ctx) => acceptRollback(ctx),

  'archive:repair-index': (ctx) => repairSearchIndex(ctx),
};
