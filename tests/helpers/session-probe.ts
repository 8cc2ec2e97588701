import type { Core } from '../../electron/core/core';
import { handlers } from '../../electron/core/handlers';
import type { HandlerTable } from '../../electron/core/handlers/types';
import type { ActiveSession } from '../../electron/core/session';

/**
 * The product's handler table, except that `session:touch` also hands the test the live session –
 * so a test can look at what the core holds (its staged files) after calls through a front door.
 */
export function sessionProbe(): { handlers: HandlerTable; session(core: Core): Promise<ActiveSession> } {
  let seen: ActiveSession | null = null;
  return {
    handlers: {
      ...handlers,
      'session:touch': (ctx, input) => {
        seen = ctx.session();
        return handlers['session:touch'](ctx, input);
      },
    },
    async session(core) {
      seen = null;
      const touched = await core.invoke('session:touch', {}, 'ui');
      if (!touched.ok || !seen) throw new Error(`no session: ${JSON.stringify(touched)}`);
      return seen;
    },
  };
}
