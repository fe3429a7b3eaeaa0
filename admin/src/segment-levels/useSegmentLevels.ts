import { useGetList, useTranslate } from 'react-admin';

export const SEGMENT_LEVELS = [1, 2, 3, 4] as const;
export type SegmentLevel = (typeof SEGMENT_LEVELS)[number];

/**
 * The names the company gave its four segment levels ("Zona", "Rubro"…), the
 * labels of every segment filter, column and select. Until they load, or when
 * one is blank, "Nivel N".
 */
export function useSegmentLevelNames(): { label: (level: number) => string; isPending: boolean } {
  const translate = useTranslate();
  const { data, isPending } = useGetList<{ id: number; level: number; name: string }>(
    'segment-levels',
    { pagination: { page: 1, perPage: 4 }, sort: { field: 'level', order: 'ASC' } },
    { staleTime: 5 * 60_000 },
  );
  const label = (level: number) =>
    data?.find((l) => l.level === level)?.name?.trim() || translate('ctacte.segmentLevels.level', { level });
  return { label, isPending };
}
