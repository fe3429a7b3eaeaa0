import { Box, Button, Stack } from '@mui/material';
import { TextInput, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { ChoiceInput } from '../common/ChoiceInput';
import { DateInput } from '../common/DateInput';
import { ReferenceSelect } from '../common/ReferenceSelect';
import { SearchParamsForm, type SearchParamsSpec } from '../common/SearchParamsForm';
import { todayIso } from '../common/dates';
import { STATUS_CHOICES } from '../customers/statuses';
import { RATINGS } from '../customers/CustomerListAside';
import { previousMonth } from '../ledger/periods';
import { SEGMENT_LEVELS, useSegmentLevelNames } from '../segment-levels/useSegmentLevels';
import { AGING_GROUPS } from '../collections/types';

const FILTERS = [
  'collectorId',
  'salespersonId',
  'segment1Id',
  'segment2Id',
  'segment3Id',
  'segment4Id',
  'rating',
  'status',
  'q',
  'fce',
];

export const AGING_SPEC: SearchParamsSpec = {
  defaults: {
    asOf: todayIso(),
    groupBy: 'customer',
    basis: 'due',
    currency: 'ARS',
    ...Object.fromEntries(FILTERS.map((f) => [f, ''])),
  },
  numeric: ['collectorId', 'salespersonId', 'segment1Id', 'segment2Id', 'segment3Id', 'segment4Id'],
  dates: ['asOf'],
  resetOnChange: ['page'],
};

const AsOfPicks = () => {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  const pick = (day: string) => setValue('asOf', day, { shouldDirty: true });
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignSelf: 'center', mb: { xs: 1, md: 2.5 } }}>
      <Button size="small" variant="outlined" onClick={() => pick(todayIso())}>
        {translate('reports.aging.today')}
      </Button>
      <Button size="small" variant="outlined" onClick={() => pick(previousMonth().to)}>
        {translate('reports.aging.lastMonthEnd')}
      </Button>
    </Stack>
  );
};

export const useGroupChoices = () => {
  const { label } = useSegmentLevelNames();
  return AGING_GROUPS.map((id) =>
    id.startsWith('segment') ? { id, name: label(Number(id.slice(-1))) } : { id, name: `reports.aging.groups.${id}` },
  );
};

/** The report's options (date, grouping, basis, currency) and filters, kept in the address. */
export const AgingOptions = () => {
  const { label } = useSegmentLevelNames();
  const groups = useGroupChoices();
  return (
    <SearchParamsForm spec={AGING_SPEC}>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', md: '180px auto 200px 200px 160px' },
          columnGap: 2,
          alignItems: 'start',
        }}
      >
        <DateInput source="asOf" label="reports.aging.asOf" helperText={false} />
        <AsOfPicks />
        <ChoiceInput source="groupBy" label="reports.aging.groupBy" choices={groups} helperText={false} />
        <ChoiceInput
          source="basis"
          label="reports.aging.basis"
          choices={[
            { id: 'due', name: 'reports.aging.bases.due' },
            { id: 'issue', name: 'reports.aging.bases.issue' },
          ]}
          helperText={false}
        />
        <ChoiceInput
          source="currency"
          label="reports.aging.currency"
          choices={[
            { id: 'ARS', name: 'ctacte.currencies.ARS' },
            { id: 'USD', name: 'ctacte.currencies.USD' },
          ]}
          helperText={false}
        />
      </Box>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(5, minmax(0, 1fr))' },
          columnGap: 2,
        }}
        data-testid="aging-filters"
      >
        <TextInput source="q" label="reports.aging.search" helperText={false} />
        <ReferenceSelect source="collectorId" reference="collectors" label="resources.debtors.fields.collectorId" />
        <ReferenceSelect source="salespersonId" reference="salespeople" label="resources.debtors.fields.salespersonId" />
        <ChoiceInput
          source="rating"
          label="resources.debtors.fields.rating"
          choices={RATINGS.map((r) => ({ id: r, name: r }))}
          translateChoice={false}
          helperText={false}
        />
        <ChoiceInput source="status" label="resources.debtors.fields.status" choices={STATUS_CHOICES} helperText={false} />
        {/* Only Facturas de Crédito Electrónicas MiPyME (Ley 27.440), for their follow-up. */}
        <ChoiceInput
          source="fce"
          label="resources.documents.fields.fce"
          choices={[{ id: 'true', name: 'ledger.arca.onlyFce' }]}
          helperText={false}
        />
        {SEGMENT_LEVELS.map((level) => (
          <ReferenceSelect
            key={level}
            source={`segment${level}Id`}
            reference="segments"
            filter={{ level }}
            label={label(level)}
          />
        ))}
      </Box>
    </SearchParamsForm>
  );
};
