import { useSearchParams } from 'react-router-dom';
import { useSearchParamValues } from '../common/SearchParamsForm';
import type { AgingParams } from './api';
import { AGING_SPEC } from './AgingOptions';

export const PER_PAGE = [25, 50, 100];

/** The report's query: the options and filters in the address, plus its sort and page. */
export function useAgingQuery(): {
  params: AgingParams;
  sort: { field: string; order: 'ASC' | 'DESC' };
  page: number;
  perPage: number;
  setPaging: (changes: Record<string, string>) => void;
} {
  const values = useSearchParamValues(AGING_SPEC);
  const [search, setSearch] = useSearchParams();
  const sort = {
    field: search.get('sort') ?? 'total',
    order: search.get('order') === 'ASC' ? ('ASC' as const) : ('DESC' as const),
  };
  const page = Math.max(0, Number(search.get('page') ?? 0) || 0);
  const perPage = PER_PAGE.includes(Number(search.get('perPage'))) ? Number(search.get('perPage')) : PER_PAGE[0];
  const params: AgingParams = {
    ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')),
    sort: JSON.stringify([sort.field, sort.order]),
    range: JSON.stringify([page * perPage, page * perPage + perPage - 1]),
  };
  const setPaging = (changes: Record<string, string>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) next.set(k, v);
    setSearch(next, { replace: true });
  };
  return { params, sort, page, perPage, setPaging };
}
