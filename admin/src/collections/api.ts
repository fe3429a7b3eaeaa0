/**
 * The collections endpoints beyond simple-rest: the agenda, a collector's sheet
 * for a day and the result of a visit, through data/api.ts like every area's.
 */
import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get, send, url } from '../data/api';
import type { Agenda, CollectionCall, CollectionSheet, VisitResult } from './types';

export interface VisitResultBody {
  visitResult: VisitResult;
  visitReceiptId?: number | null;
  visitAmount?: string | null;
  visitNotes?: string | null;
}

export const collectionsApi = {
  agenda: (scope: 'mine' | 'team') => get<Agenda>('/agenda', { scope }),
  sheet: (collectorId: number | string, date: string) =>
    get<CollectionSheet>('/collection-sheets', { collectorId: String(collectorId), date }),
  sheetCsvUrl: (collectorId: number | string, date: string) =>
    url('/collection-sheets/export.csv', { collectorId: String(collectorId), date }),
  recordVisitResult: (callId: number, body: VisitResultBody) =>
    send<CollectionCall>('PUT', `/collection-calls/${callId}/visit-result`, body),
};

export const collectionsKeys = {
  all: ['collections'] as const,
  agenda: (scope: string) => ['collections', 'agenda', scope] as const,
  sheet: (collectorId: number | string, date: string) => ['collections', 'sheet', String(collectorId), date] as const,
};

export const useAgenda = (scope: 'mine' | 'team') =>
  useQuery({ queryKey: collectionsKeys.agenda(scope), queryFn: () => collectionsApi.agenda(scope) });

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
