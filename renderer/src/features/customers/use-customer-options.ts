import { call } from '../../lib/api';
import { useSearchOptions } from '../../lib/use-search-options';

/** A customer picker's options as the clerk types: name (or its pinyin) and phones. */
export function useCustomerOptions() {
  return useSearchOptions(async (query) => (await call('customer:list', { query, limit: 20 })).items.map((c) => ({ value: c.id, label: `${c.name}  ${c.phones.join('，')}` })));
}
