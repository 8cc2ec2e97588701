import { useCallback, useEffect, useRef, useState } from 'react';
import type { DossierSummary } from '../../../../shared/contract';
import { call, errorText } from '../../lib/api';

const PAGE_SIZE = 50;

export interface DossierListState {
  items: DossierSummary[];
  total: number;
  hasMore: boolean;
  loading: boolean;
  error: string | null;
}

/** Pages through `dossier:list` for one search text; a newer search wins over a slower older one. */
export function useDossierList(query: string, language: string) {
  const [state, setState] = useState<DossierListState>({ items: [], total: 0, hasMore: false, loading: true, error: null });
  const cursor = useRef<string | null>(null);
  const generation = useRef(0);

  const load = useCallback(
    async (append: boolean) => {
      const mine = ++generation.current;
      setState((previous) => ({ ...previous, loading: true, error: null }));
      try {
        const page = await call('dossier:list', {
          ...(query ? { query } : {}),
          ...(append && cursor.current ? { cursor: cursor.current } : {}),
          limit: PAGE_SIZE,
        });
        if (mine !== generation.current) return;
        cursor.current = page.nextCursor;
        setState((previous) => ({
          items: append ? [...previous.items, ...page.items] : page.items,
          total: page.total,
          hasMore: page.nextCursor !== null,
          loading: false,
          error: null,
        }));
      } catch (failure) {
        if (mine === generation.current) setState((previous) => ({ ...previous, loading: false, error: errorText(failure, language) }));
      }
    },
    [query, language],
  );

  useEffect(() => {
    cursor.current = null;
    void load(false);
  }, [load]);

  return { ...state, reload: () => load(false), loadMore: () => load(true) };
}
