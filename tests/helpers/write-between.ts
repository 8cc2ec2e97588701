import type { HandlerContext } from '../../electron/core/context';
import { handlers } from '../../electron/core/handlers';
import type { Handler, HandlerTable } from '../../electron/core/handlers/types';
import type { Channel } from '../../shared/contract';

/**
 * The product's handler table, except that the next write of `channel` first runs `between` – after
 * the handler has read and checked what it reads, just before its transaction begins. What another
 * program does there (e.g. through a raw connection, raw-archive.ts) lands between someone's check
 * and their write, as it can when two programs share a data folder. For `testCore({ handlers })`.
 */
export function handlersWithWriteBetween(channel: Channel, between: () => void): { handlers: HandlerTable; ran(): boolean } {
  let ran = false;
  const original = handlers[channel] as Handler<Channel>;
  const wrapped: Handler<Channel> = (ctx, input) => {
    const write: HandlerContext['write'] = (change, draft, options) => {
      if (!ran) {
        ran = true;
        between();
      }
      return ctx.write(change, draft, options);
    };
    return original({ ...ctx, write }, input);
  };
  return { handlers: { ...handlers, [channel]: wrapped }, ran: () => ran };
}
