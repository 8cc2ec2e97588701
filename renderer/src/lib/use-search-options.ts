import { useRef, useState } from 'react';

export interface Option<V> {
  value: V;
  label: string;
}

/**
 * Options of a search-as-you-type picker: `search` asks `find` for the typed text; an answer to an
 * older text is dropped, and an empty text clears the list.
 */
export function useSearchOptions<V>(find: (query: string) => Promise<Option<V>[]>) {
  const [options, setOptions] = useState<Option<V>[]>([]);
  const latest = useRef('');
  const search = (query: string) => {
    latest.current = query;
    if (!query.trim()) return setOptions([]);
    void find(query).then(
      (found) => latest.current === query && setOptions(found),
      () => latest.current === query && setOptions([]),
    );
  };
  return { options, search };
}
