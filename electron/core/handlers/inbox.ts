import type { inboxContract } from '../../../shared/contract/inbox';
import { autoFile } from '../services/inbox/auto-file';
import { checklistOf } from '../services/inbox/cover-items';
import { discardFromInbox } from '../services/inbox/discard-inbox';
import { fileFromInbox } from '../services/inbox/file-inbox';
import { inboxThumbnail, listInbox } from '../services/inbox/list-inbox';
import type { HandlersFor } from './types';

export const inboxHandlers: HandlersFor<typeof inboxContract> = {
  'inbox:list': (ctx, input) => listInbox(ctx, input.settle),
  'inbox:checklist': (ctx, input) => {
    const session = ctx.session();
    return checklistOf(session.archive.database.db, session, input.archiveNumber);
  },
  'inbox:thumbnail': (ctx, input) => inboxThumbnail(ctx, input.name),
  'inbox:file': (ctx, input) => fileFromInbox(ctx, input),
  'inbox:auto-file': (ctx) => autoFile(ctx),
  'inbox:discard': (ctx, input) => discardFromInbox(ctx, input.names),
};
