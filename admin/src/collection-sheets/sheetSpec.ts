import { useMemo } from 'react';
import type { SearchParamsSpec } from '../common/SearchParamsForm';
import { todayIso } from '../common/dates';
import { useNextWorkingDay } from '../collections/api';

/**
 * The sheet's address params (`?collectorId=…&date=…`); without a date it is the next working
 * day, which the server works out from the weekends and the company's holidays. Undefined
 * until that day is known.
 */
export function useSheetSpec(): SearchParamsSpec | undefined {
  const { data, isPending } = useNextWorkingDay();
  const date = isPending ? undefined : (data?.date ?? todayIso());
  return useMemo(
    () => (date ? { defaults: { collectorId: '', date }, numeric: ['collectorId'], dates: ['date'] } : undefined),
    [date],
  );
}
