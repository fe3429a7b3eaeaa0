import { Alert, Box, Typography } from '@mui/material';
import {
  ImageField,
  Labeled,
  NumberField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { GROSS_INCOME_CHOICES, IVA_CHOICES } from '../common/choices';
import { CuitField } from '../common/CuitField';
import { DateField } from '../common/DateField';
import { ProvinceField } from '../common/ProvinceField';
import { Section } from '../common/Section';

const Days = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  return (
    <Typography component="span" variant="body2">
      {translate('ctacte.company.days', { smart_count: Number(record?.overdueToleranceDays ?? 0) })}
    </Typography>
  );
};

/** Everybody but the admin reads the company's settings. */
export const CompanyShow = ({ id }: { id: number }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Alert severity="info" sx={{ mt: 2 }}>
        {translate('ctacte.company.readOnly')}
      </Alert>
      <Show resource="company" id={id} title="ctacte.company.title" actions={false}>
        <SimpleShowLayout sx={{ maxWidth: 900 }}>
          <Section title="ctacte.company.tax">
            <Labeled source="name">
              <TextField source="name" />
            </Labeled>
            <Labeled source="taxId">
              <CuitField source="taxId" emptyText="—" />
            </Labeled>
            <Labeled source="ivaCondition">
              <SelectField source="ivaCondition" choices={IVA_CHOICES} emptyText="—" />
            </Labeled>
            <Labeled source="grossIncomeRegime">
              <SelectField source="grossIncomeRegime" choices={GROSS_INCOME_CHOICES} emptyText="—" />
            </Labeled>
            <Labeled source="grossIncomeNumber">
              <TextField source="grossIncomeNumber" emptyText="—" />
            </Labeled>
            <Labeled source="activityStartDate">
              <DateField source="activityStartDate" emptyText="—" />
            </Labeled>
            <Labeled source="logo">
              <ImageField source="logo" emptyText="—" sx={{ '& img': { maxHeight: 56 } }} />
            </Labeled>
          </Section>
          <Section title="ctacte.company.address">
            <Labeled source="street">
              <TextField source="street" emptyText="—" />
            </Labeled>
            <Labeled source="city">
              <TextField source="city" emptyText="—" />
            </Labeled>
            <Labeled source="province">
              <ProvinceField source="province" emptyText="—" />
            </Labeled>
            <Labeled source="postalCode">
              <TextField source="postalCode" emptyText="—" />
            </Labeled>
            <Labeled source="phone">
              <TextField source="phone" emptyText="—" />
            </Labeled>
            <Labeled source="email">
              <TextField source="email" emptyText="—" />
            </Labeled>
          </Section>
          <Section title="ctacte.company.ledger">
            <Labeled source="lockDate">
              <DateField source="lockDate" emptyText="—" />
            </Labeled>
            <Labeled source="defaultReceiptPointOfSale">
              <NumberField source="defaultReceiptPointOfSale" options={{ useGrouping: false }} />
            </Labeled>
            <Labeled source="overdueToleranceDays">
              <Days />
            </Labeled>
          </Section>
        </SimpleShowLayout>
      </Show>
    </Box>
  );
};
