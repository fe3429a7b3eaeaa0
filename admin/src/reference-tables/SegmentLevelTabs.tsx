import { Divider, Tab, Tabs } from '@mui/material';
import { useGetList, useListContext } from 'react-admin';
import { SEGMENT_LEVELS, useSegmentLevelNames, type SegmentLevel } from '../segment-levels/useSegmentLevels';

/** How many segments a level has, for its tab. */
const LevelCount = ({ level }: { level: SegmentLevel }) => {
  const { total } = useGetList('segments', { filter: { level }, pagination: { page: 1, perPage: 1 } });
  return total === undefined ? null : <span> ({total})</span>;
};

/**
 * The segments by level, one tab each, titled with the name the company gave the
 * level ("Zona (8)"), bound to the list's `level` filter.
 */
export const SegmentLevelTabs = () => {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const { label } = useSegmentLevelNames();
  const level = (Number(filterValues.level) || 1) as SegmentLevel;
  return (
    <>
      <Tabs
        value={level}
        onChange={(_event, value: SegmentLevel) => setFilters({ ...filterValues, level: value }, displayedFilters)}
        variant="scrollable"
        sx={{ px: 1 }}
      >
        {SEGMENT_LEVELS.map((l) => (
          <Tab
            key={l}
            value={l}
            label={
              <span>
                {label(l)}
                <LevelCount level={l} />
              </span>
            }
          />
        ))}
      </Tabs>
      <Divider />
    </>
  );
};
