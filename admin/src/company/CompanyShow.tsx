import { Alert, Box, Typography } from '@mui/material';
import { ImageField, NumberField, Show, SimpleShowLayout, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { GROSS_INCOME_CHOICES, IVA_CHOICES } from '../common/choices';
import { CuitField } from '../common/CuitField';
import { DateField } from '../common/DateField';
import { ProvinceField } from '../common/ProvinceField';
import { Section } from '../common/Section';
import { Shown, ShownChoice } from '../common/Shown';

const Logo = (props: FieldProps) => <ImageField {...props} sx={{ '& img': { maxHeight: 56 } }} />;

const PointOfSale = (props: FieldProps) => <NumberField {...props} options={{ useGrouping: false }} />;

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
            <Shown source="name" />
            <Shown source="taxId" field={CuitField} />
            <ShownChoice source="ivaCondition" choices={IVA_CHOICES} />
            <ShownChoice source="grossIncomeRegime" choices={GROSS_INCOME_CHOICES} />
            <Shown source="grossIncomeNumber" />
            <Shown source="activityStartDate" field={DateField} />
            <Shown source="logo" field={Logo} />
          </Section>
          <Section title="ctacte.company.address">
            <Shown source="street" />
            <Shown source="city" />
            <Shown source="province" field={ProvinceField} />
            <Shown source="postalCode" />
            <Shown source="phone" />
            <Shown source="email" />
          </Section>
          <Section title="ctacte.company.ledger">
            <Shown source="lockDate" field={DateField} />
            <Shown source="defaultReceiptPointOfSale" field={PointOfSale} />
            <Shown source="overdueToleranceDays" field={Days} />
          </Section>
        </SimpleShowLayout>
      </Show>
    </Box>
  );
};
