import { Card, CardContent } from '@mui/material';
import FollowUpIcon from '@mui/icons-material/PhoneCallback';
import LateIcon from '@mui/icons-material/HourglassBottom';
import MoneyIcon from '@mui/icons-material/AttachMoney';
import PersonIcon from '@mui/icons-material/Badge';
import CollectorIcon from '@mui/icons-material/DirectionsWalk';
import { FilterList, FilterListItem, FilterListSection, FilterLiveForm } from 'react-admin';
import { MoneyInput } from '../common/MoneyInput';
import {
  FILTER_ASIDE_SX,
  RatingFilterList,
  ReferenceFilterList,
  SegmentFilterLists,
  StatusFilterList,
} from '../customers/CustomerListAside';

/** Days late as the quick picks offer them: the filter keeps debtors whose oldest open debt is at least that late. */
const LATENESS = [
  { label: 'collections.debtors.filters.days0', minDaysOverdue: 1 },
  { label: 'collections.debtors.filters.days30', minDaysOverdue: 31 },
  { label: 'collections.debtors.filters.days60', minDaysOverdue: 61 },
  { label: 'collections.debtors.filters.days90', minDaysOverdue: 91 },
];

/**
 * Beside the debtors: what a collections supervisor narrows by — the follow-up
 * due, how late, how much, whose (collector, salesperson), the company's four
 * segments under the names it gave them, rating and status.
 */
export const DebtorFilterSidebar = () => (
  <Card data-testid="debtor-filters" sx={FILTER_ASIDE_SX}>
    <CardContent sx={{ pt: 1, '&:last-child': { pb: 1 } }}>
      <FilterList label="collections.debtors.filters.followUp" icon={<FollowUpIcon />}>
        <FilterListItem label="resources.debtors.fields.nextContactDue" value={{ nextContactDue: true }} />
        <FilterListItem label="resources.debtors.fields.brokenPromise" value={{ brokenPromise: true }} />
        {/* Customers owing Facturas de Crédito Electrónicas MiPyME (Ley 27.440). */}
        <FilterListItem label="ledger.arca.onlyFce" value={{ fce: true }} />
      </FilterList>
      <FilterList label="collections.debtors.filters.days" icon={<LateIcon />}>
        {LATENESS.map(({ label, minDaysOverdue }) => (
          <FilterListItem key={minDaysOverdue} label={label} value={{ minDaysOverdue }} />
        ))}
      </FilterList>
      <FilterListSection label="collections.debtors.filters.minOverdue" icon={<MoneyIcon />}>
        <FilterLiveForm debounce={600}>
          <MoneyInput source="minOverdue" label={false} helperText={false} />
        </FilterLiveForm>
      </FilterListSection>
      <ReferenceFilterList
        source="collectorId"
        reference="collectors"
        label="resources.debtors.fields.collectorId"
        icon={<CollectorIcon />}
      />
      <ReferenceFilterList
        source="salespersonId"
        reference="salespeople"
        label="resources.debtors.fields.salespersonId"
        icon={<PersonIcon />}
      />
      <SegmentFilterLists />
      <RatingFilterList label="resources.debtors.fields.rating" />
      <StatusFilterList label="resources.debtors.fields.status" />
    </CardContent>
  </Card>
);
