import { useEffect, useState } from 'react';
import type { Channel, InputOf, OutputOf } from '../../../shared/contract';
import { ApiError, call } from './api';

export interface ChannelState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  /** Asks again; `loading` is true until the answer is in. */
  reload: () => void;
}

/**
 * Reads a query channel, again whenever its input changes or `reload` is called. Answers to an
 * older request are dropped; `loading` means "what is shown is not yet for the current request".
 */
export function useChannel<C extends Channel>(channel: C, input: InputOf<C>, enabled = true): ChannelState<OutputOf<C>> {
  const key = JSON.stringify(input);
  const [reloads, setReloads] = useState(0);
  const wanted = `${channel} ${key} #${reloads}`;
  const [state, setState] = useState<{ for: string; data?: OutputOf<C>; error: ApiError | null }>({ for: '', error: null });

  useEffect(() => {
    if (!enabled) return undefined;
    let current = true;
    call(channel, JSON.parse(key) as InputOf<C>).then(
      (data) => current && setState({ for: wanted, data, error: null }),
      (failure: unknown) => current && setState((previous) => ({ ...previous, for: wanted, error: failure instanceof ApiError ? failure : null })),
    );
    return () => {
      current = false;
    };
  }, [channel, key, enabled, wanted]);

  return { data: state.data, error: state.error, loading: enabled && state.for !== wanted, reload: () => setReloads((n) => n + 1) };
}
