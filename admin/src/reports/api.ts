/** The reports' endpoints: aging as of a date (JSON and CSV), one customer's open items then, the dashboard. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, url } from '../data/api';
import type { AgingOpenItems, AgingReport, Dashboard } from '../collections/types';
import type { ValuesCashflow } from '../ledger/types';

/** The aging's query string: options, filters, sort and page, empty values left out. */
export type AgingParams = Record<string, string | undefined>;

export const reportsApi = {
  aging: (params: AgingParams) => get<AgingReport>('/reports/aging', params),
  agingCsvUrl: (params: AgingParams) => url('/reports/aging.csv', { ...params, range: undefined }),
  openItems: (customerId: number | string, asOf: string) =>
    get<AgingOpenItems>(`/reports/aging/customers/${customerId}/open-items`, { asOf }),
  dashboard: (currency: string) => get<Dashboard>('/reports/dashboard', { currency }),
  valuesCashflow: (params: { asOf: string; currency: string }) => get<ValuesCashflow>('/reports/values-cashflow', params),
  valuesCashflowCsvUrl: (params: { asOf: string; currency: string }) => url('/reports/values-cashflow.csv', params),
};

export const useValuesCashflow = (params: { asOf: string; currency: string }) =>
  useQuery({
    queryKey: ['reports', 'values-cashflow', params],
    queryFn: () => reportsApi.valuesCashflow(params),
    placeholderData: keepPreviousData,
  });

export const useAging = (params: AgingParams) =>
  useQuery({
    queryKey: ['reports', 'aging', params],
    queryFn: () => reportsApi.aging(params),
    placeholderData: keepPreviousData,
  });

export const useAgingOpenItems = (customerId: number | string | undefined, asOf: string) =>
  useQuery({
    queryKey: ['reports', 'aging-open-items', String(customerId), asOf],
    queryFn: () => reportsApi.openItems(customerId!, asOf),
    enabled: !!customerId,
  });

/** The home page's figures; a minute old is fresh enough (a posting refreshes them anyway). */
export const useDashboard = (currency: string, enabled = true) =>
  useQuery({
    queryKey: ['reports', 'dashboard', currency],
    queryFn: () => reportsApi.dashboard(currency),
    staleTime: 60_000,
    enabled,
  });
