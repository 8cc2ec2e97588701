import type { Db } from '../../db/open';
import type { HandlerContext, WriteEffects } from './context';
import { toActor } from './services/users/user-dto';

/**
 * A context whose writes join the transaction the caller already holds: a service written as a
 * write of its own (dossier:create) becomes one step of a larger one (an intake opening a dossier
 * on the spot), its audit event recorded beside the larger one's, all committed or none. A nested
 * `ctx.write` would instead open a savepoint and, on its way out, set the connection read-only
 * under the outer transaction.
 */
export function joinedContext(ctx: HandlerContext, db: Db, effects: WriteEffects): HandlerContext {
  const actor = toActor(ctx.session().record);
  return {
    ...ctx,
    write: (change, draft) => {
      const result = change(db, effects);
      ctx.auditWithin(db, typeof draft === 'function' ? draft(result) : draft, actor);
      return result;
    },
    writeInSteps: () => Promise.reject(new Error('a long write cannot join another write')),
  };
}
