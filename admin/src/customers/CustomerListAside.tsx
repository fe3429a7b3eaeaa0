import { Card, CardContent } from '@mui/material';
import StatusIcon from '@mui/icons-material/ToggleOn';
import RatingIcon from '@mui/icons-material/Grade';
import PlaceIcon from '@mui/icons-material/Place';
import CurrencyIcon from '@mui/icons-material/AttachMoney';
import CreditIcon from '@mui/icons-material/WarningAmber';
import PersonIcon from '@mui/icons-material/Badge';
import CollectorIcon from '@mui/icons-material/DirectionsWalk';
import TermIcon from '@mui/icons-material/EventRepeat';
import SegmentIcon from '@mui/icons-material/Category';
import type { ReactElement } from 'react';
import { FilterList, FilterListItem, FilterListSection, FilterLiveForm, SavedQueriesList, useGetList } from 'react-admin';
import { ACCOUNT_CURRENCIES } from '../common/choices';
import { ProvinceInput } from '../common/ProvinceInput';
import { SEGMENT_LEVELS, useSegmentLevelNames } from '../segment-levels/useSegmentLevels';
import { CUSTOMER_STATUSES } from './statuses';

/** The default rating scale; other codes a company uses are typed in the search filters. */
export const RATINGS = ['A', 'B', 'C'];

/** One item per row of a reference table (salespeople, collectors…), named as the table names it. */
export const ReferenceFilterList = ({
  source,
  reference,
  label,
  icon,
  filter,
}: {
  source: string;
  reference: string;
  label: string;
  icon: ReactElement;
  filter?: Record<string, unknown>;
}) => {
  const { data } = useGetList<{ id: number; code: string; name: string }>(
    reference,
    { filter, pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' } },
    { staleTime: 5 * 60_000 },
  );
  if (!data?.length) return null;
  return (
    <FilterList label={label} icon={icon}>
      {data.map((row) => (
        <FilterListItem key={row.id} label={row.name} value={{ [source]: row.id }} />
      ))}
    </FilterList>
  );
};

/** A customer's status, one item each (the customers' and the debtors' sidebars). */
export const StatusFilterList = ({ label }: { label: string }) => (
  <FilterList label={label} icon={<StatusIcon />}>
    {CUSTOMER_STATUSES.map((status) => (
      <FilterListItem key={status} label={`ctacte.customerStatuses.${status}`} value={{ status }} />
    ))}
  </FilterList>
);

export const RatingFilterList = ({ label }: { label: string }) => (
  <FilterList label={label} icon={<RatingIcon />}>
    {RATINGS.map((rating) => (
      <FilterListItem key={rating} label={rating} value={{ rating }} />
    ))}
  </FilterList>
);

/** The four segment levels, each under the name the company gave it. */
export const SegmentFilterLists = () => {
  const { label } = useSegmentLevelNames();
  return (
    <>
      {SEGMENT_LEVELS.map((level) => (
        <ReferenceFilterList
          key={level}
          source={`segment${level}Id`}
          reference="segments"
          filter={{ level }}
          label={label(level)}
          icon={<SegmentIcon />}
        />
      ))}
    </>
  );
};

/** A list's filter sidebar: beside the table on a wide screen, its top level with the table's. */
export const FILTER_ASIDE_SX = {
  display: { xs: 'none', md: 'block' },
  order: -1,
  flex: '0 0 15em',
  width: '15em',
  mr: 2,
  mt: 8,
  alignSelf: 'flex-start',
} as const;

/**
 * The customer list's filter sidebar, as in react-admin's demo: saved queries,
 * then one section per filter a clerk or a collections supervisor reaches for.
 * Segment sections carry the names the company gave its levels.
 */
export const CustomerListAside = () => (
  <Card
    data-testid="customer-filters"
    sx={{
      ...FILTER_ASIDE_SX,
      // The saved queries' buttons float over their title's end; move them into the margin.
      '& .RaSavedQueriesList-floatingIcon, & .RaSavedQueriesList-floatingTooltip': { right: -14 },
    }}
  >
    <CardContent sx={{ pt: 1, '&:last-child': { pb: 1 } }}>
      <SavedQueriesList />
      <FilterList label="ctacte.customers.filters.credit" icon={<CreditIcon />}>
        <FilterListItem label="resources.customers.fields.overCreditLimit" value={{ overCreditLimit: true }} />
        <FilterListItem label="resources.customers.fields.hasOverdue" value={{ hasOverdue: true }} />
      </FilterList>
      <StatusFilterList label="resources.customers.fields.status" />
      <RatingFilterList label="resources.customers.fields.rating" />
      <FilterListSection label="resources.customers.fields.province" icon={<PlaceIcon />}>
        <FilterLiveForm>
          <ProvinceInput source="province" label={false} helperText={false} emptyText="ctacte.customers.allProvinces" />
        </FilterLiveForm>
      </FilterListSection>
      <FilterList label="resources.customers.fields.currency" icon={<CurrencyIcon />}>
        {ACCOUNT_CURRENCIES.map((currency) => (
          <FilterListItem key={currency} label={`ctacte.currencies.${currency}`} value={{ currency }} />
        ))}
      </FilterList>
      <ReferenceFilterList
        source="salespersonId"
        reference="salespeople"
        label="resources.customers.fields.salespersonId"
        icon={<PersonIcon />}
      />
      <ReferenceFilterList
        source="collectorId"
        reference="collectors"
        label="resources.customers.fields.collectorId"
        icon={<CollectorIcon />}
      />
      <ReferenceFilterList
        source="paymentTermId"
        reference="payment-terms"
        label="resources.customers.fields.paymentTermId"
        icon={<TermIcon />}
      />
      <SegmentFilterLists />
    </CardContent>
  </Card>
);
