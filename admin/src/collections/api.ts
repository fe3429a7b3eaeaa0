/**
 * The collections endpoints beyond simple-rest: the agenda, a collector's sheet
 * for a day and the result of a visit, through data/api.ts like every area's.
 */
import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get, send, url } from '../data/api';
import type { Agenda, CollectionCall, CollectionSheet, StopResult, VisitResult } from './types';

export interface VisitResultBody {
  visitResult: VisitResult;
  visitReceiptId?: number | null;
  visitAmount?: string | null;
  visitNotes?: string | null;
}

export interface StopResultBody {
  result: StopResult;
  receiptId?: number;
  promiseDate?: string;
  promiseAmount?: string;
  reason?: string | null;
}

type SheetKey = { collectorId: number; date: string };

export const collectionsApi = {
  agenda: (scope: 'mine' | 'team') => get<Agenda>('/agenda', { scope }),
  sheet: (collectorId: number | string, date: string) =>
    get<CollectionSheet>('/collection-sheets', { collectorId: String(collectorId), date }),
  sheetCsvUrl: (collectorId: number | string, date: string) =>
    url('/collection-sheets/export.csv', { collectorId: String(collectorId), date }),
  recordVisitResult: (callId: number, body: VisitResultBody) =>
    send<CollectionCall>('PUT', `/collection-calls/${callId}/visit-result`, body),
  /** The first working day after `after` (weekends and the company's holidays skipped). */
  nextWorkingDay: (after?: string) => get<{ after: string; date: string }>('/holidays/next-working-day', { after }),
  buildSheet: (key: SheetKey) => send<CollectionSheet>('POST', '/collection-sheets', key),
  addStops: (key: SheetKey, customerIds: number[]) =>
    send<{ added: number[]; skipped: number[]; sheet: CollectionSheet }>('POST', '/collection-sheets/stops', {
      ...key,
      customerIds,
    }),
  removeStop: (stopId: number) => send<CollectionSheet>('DELETE', `/collection-sheets/stops/${stopId}`, undefined),
  reorderStops: (key: SheetKey, stopIds: number[]) =>
    send<CollectionSheet>('PUT', '/collection-sheets/order', { ...key, stopIds }),
  recordStopResult: (stopId: number, body: StopResultBody) =>
    send<CollectionSheet>('PUT', `/collection-sheets/stops/${stopId}/result`, body),
};

export const collectionsKeys = {
  all: ['collections'] as const,
  agenda: (scope: string) => ['collections', 'agenda', scope] as const,
  sheet: (collectorId: number | string, date: string) => ['collections', 'sheet', String(collectorId), date] as const,
};

export const useAgenda = (scope: 'mine' | 'team') =>
  useQuery({ queryKey: collectionsKeys.agenda(scope), queryFn: () => collectionsApi.agenda(scope) });

/** The day a new sheet is for: the next working day (server/src/modules/reference/working-days.ts). */
export const useNextWorkingDay = () =>
  useQuery({ queryKey: ['collections', 'next-working-day'], queryFn: () => collectionsApi.nextWorkingDay(), staleTime: 600_000 });

export const useCollectionSheet = (collectorId: number | string | undefined, date: string | undefined) =>
  useQuery({
    queryKey: collectionsKeys.sheet(collectorId ?? '', date ?? ''),
    queryFn: () => collectionsApi.sheet(collectorId!, date!),
    enabled: !!collectorId && !!date,
  });

/** What a call or a visit result changes: the agenda, sheets, the debtors' follow-up columns, the dashboard's counts. */
const TOUCHED = [['collections'], ['collection-calls'], ['debtors'], ['customers'], ['reports']];

export function useCollectionsRefresh(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all(TOUCHED.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  }, [queryClient]);
}
