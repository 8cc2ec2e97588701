import type { Channel, OutputOf, ParsedInputOf } from '../../../shared/contract';
import type { HandlerContext } from '../context';

export type Handler<C extends Channel> = (ctx: HandlerContext, input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;

/** Handlers for the channels of one domain contract. */
export type HandlersFor<D> = { [C in keyof D & Channel]: Handler<C> };

export type HandlerTable = HandlersFor<Record<Channel, unknown>>;
