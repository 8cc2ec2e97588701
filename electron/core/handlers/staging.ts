import { stagingRules, type stagingContract, type StagingPurpose } from '../../../shared/contract';
import type { HandlerContext } from '../context';
import type { HandlersFor } from './types';

/** Staging for a purpose needs what using the file needs (an import: creating dossiers). */
function requirePurposeAccess(ctx: HandlerContext, purpose: StagingPurpose): void {
  if (!ctx.session().user.permissions.includes(stagingRules[purpose].access)) ctx.deny(undefined, { summary: { purpose } });
}

export const stagingHandlers: HandlersFor<typeof stagingContract> = {
  'staging:begin': (ctx, input) => {
    // Signed in: staging needs what using the file needs. On the first run only a backup to restore is staged.
    if (ctx.currentSession) requirePurposeAccess(ctx, input.purpose);
    return { stagedFileId: ctx.stagedFiles(input.purpose).begin(input.purpose, input.name, input.size) };
  },
  'staging:append': (ctx, input) => ({ received: ctx.stagedFiles().append(input.stagedFileId, input.offset, input.bytes) }),
  'staging:finish': (ctx, input) => ctx.stagedFiles().finish(input.stagedFileId),
  'staging:discard': (ctx, input) => ({ discarded: ctx.stagedFiles().discard(input.stagedFileId) }),
};
