import { Box, Divider, Tab, Tabs } from '@mui/material';
import { Count, useListContext, useResourceContext, useTranslate } from 'react-admin';

export interface FilterTab {
  id: string;
  /** Catalog key of the tab's title. */
  label: string;
  /** The filter the tab stands for; the tabs' keys are swapped, the user's other filters stay. */
  filter: Record<string, unknown>;
}

/**
 * Workflow states as tabs over a list (react-admin demo's orders): each tab is a
 * filter, and shows how many rows the other filters leave in it, live.
 */
export const FilterTabs = ({ tabs, fixedFilter }: { tabs: FilterTab[]; fixedFilter?: Record<string, unknown> }) => {
  const translate = useTranslate();
  const resource = useResourceContext();
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const tabKeys = new Set(tabs.flatMap((t) => Object.keys(t.filter)));
  const others = Object.fromEntries(Object.entries(filterValues).filter(([k]) => !tabKeys.has(k)));
  // The tab whose filter is exactly the list's (none when another screen linked here with other keys).
  const matches = (tab: FilterTab) =>
    [...tabKeys].every((k) => (k in tab.filter ? filterValues[k] === tab.filter[k] : !(k in filterValues)));
  const current = tabs.find(matches)?.id ?? false;
  return (
    <Box>
      <Tabs
        variant="scrollable"
        scrollButtons="auto"
        value={current}
        indicatorColor="primary"
        onChange={(_, id: string) => {
          const tab = tabs.find((t) => t.id === id)!;
          setFilters({ ...others, ...tab.filter }, displayedFilters);
        }}
      >
        {tabs.map((tab) => (
          <Tab
            key={tab.id}
            value={tab.id}
            data-tab={tab.id}
            label={
              <span>
                {translate(tab.label)}{' '}
                <Box component="span" sx={{ color: 'text.secondary' }}>
                  {'('}
                  <Count
                    resource={resource}
                    filter={{ ...others, ...tab.filter, ...fixedFilter }}
                    sx={{ fontSize: 'inherit', color: 'inherit' }}
                  />
                  {')'}
                </Box>
              </span>
            }
          />
        ))}
      </Tabs>
      <Divider />
    </Box>
  );
};
