import { useEffect, useRef, useState } from 'react';
import type { AuditPage, DossierPage, InputOf } from '../../../shared/contract';
import { call, errorText } from './api';

/** Channels answered page by page with a keyset cursor, and what they answer. */
interface PagedOutputs {
  'dossier:list': DossierPage;
  'audit:list': AuditPage;
  'dossier:history': AuditPage;
}
type PagedChannel = keyof PagedOutputs;
type Item<C extends PagedChannel> = PagedOutputs[C]['items'][number];

async function fetchPage<C extends PagedChannel>(channel: C, input: InputOf<C>): Promise<PagedOutputs[C]> {
  return (await call(channel, input)) as PagedOutputs[C];
}

interface PagedState<T> {
  for: string;
  items: T[];
  nextCursor: string | null;
  total: number;
  /** A search counted up to its cap: the total means "more than". */
  totalCapped: boolean;
  /** The search index is being rebuilt: how far (a search may miss dossiers until it is done). */
  indexing: { done: number; total: number } | null;
  error: string | null;
}

/**
 * The first page of a paged channel for an input, more pages on demand. A newer input wins over
 * a slower older answer; `loading` means "what is shown is not yet for the current input".
 */
export function usePagedChannel<C extends PagedChannel>(channel: C, input: Omit<InputOf<C>, 'cursor'>, language: string) {
  const key = JSON.stringify(input);
  const [reloads, setReloads] = useState(0);
  const wanted = `${channel} ${key} #${reloads}`;
  const [state, setState] = useState<PagedState<Item<C>>>({ for: '', items: [], nextCursor: null, total: 0, totalCapped: false, indexing: null, error: null });

  useEffect(() => {
    let current = true;
    fetchPage(channel, JSON.parse(key) as InputOf<C>).then(
      (page) =>
        current &&
        setState({
          for: wanted,
          items: page.items,
          nextCursor: page.nextCursor,
          total: 'total' in page ? (page.total ?? page.items.length) : page.items.length,
          totalCapped: 'totalCapped' in page && page.totalCapped,
          indexing: ('indexing' in page && page.indexing) || null,
          error: null,
        }),
      (failure: unknown) => current && setState((previous) => ({ ...previous, for: wanted, error: errorText(failure, language) })),
    );
    return () => {
      current = false;
    };
  }, [channel, key, wanted, language]);

  // Scrolling asks for the next page many times; each page is read once.
  const inFlight = useRef<string | null>(null);
  const loadMore = async () => {
    const cursor = state.nextCursor;
    if (!cursor || inFlight.current === cursor) return;
    inFlight.current = cursor;
    try {
      const page = await fetchPage(channel, { ...(JSON.parse(key) as InputOf<C>), cursor });
      setState((previous) => (previous.for === wanted && previous.nextCursor === cursor ? { ...previous, items: [...previous.items, ...(page.items as Item<C>[])], nextCursor: page.nextCursor } : previous));
    } catch (failure) {
      setState((previous) => ({ ...previous, error: errorText(failure, language) }));
    } finally {
      inFlight.current = null;
    }
  };

  return {
    items: state.items,
    total: state.total,
    totalCapped: state.totalCapped,
    indexing: state.indexing,
    hasMore: state.nextCursor !== null,
    loading: state.for !== wanted,
    error: state.error,
    reload: () => setReloads((n) => n + 1),
    loadMore,
  };
}
