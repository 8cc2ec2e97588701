import type { archiveContract } from '../../../shared/contract';
import { createArchive } from '../services/archive/create-archive';
import { archiveInfo } from '../services/archive/archive-info';
import { verifyArchive } from '../services/archive/verify-archive';
import { toActor } from '../services/users/user-dto';
import { archiveState } from '../vault/archive-files';
import { rebuildSearchIndex } from '../services/search/index-dossier';
import { installDefaultTypes } from '../services/types/types';
import type { HandlersFor } from './types';

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
    return ctx.startSession(archive, admin);
  },

  'archive:info': (ctx) => archiveInfo(ctx.session().archive),

  'archive:verify': (ctx, input) => verifyArchive(ctx.session().archive, input.anchors),
};
