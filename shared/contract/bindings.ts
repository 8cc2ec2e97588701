import type { Envelope } from '../errors';
import type { Channel, InputOf, OutputOf } from './index';

/** `window.api`: one function per contract channel, each returning the envelope. */
export type ApiBindings = { readonly [C in Channel]: (input: InputOf<C>) => Promise<Envelope<OutputOf<C>>> };

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

/** Builds `window.api` for a front door from the channel list and that door's transport. */
export function createBindings(channels: readonly string[], invoke: Invoke): ApiBindings {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const channel of channels) api[channel] = (input: unknown) => invoke(channel, input ?? {});
  return Object.freeze(api) as unknown as ApiBindings;
}
