import { Alert } from '@mui/material';
import { BooleanInput, Create, Edit, TabbedForm, TextInput, useTranslate } from 'react-admin';
import { AddressInputs } from '../common/AddressInputs';
import { ReferenceSelect } from '../common/ReferenceSelect';
import { Section } from '../common/Section';
import { TaxInputs } from '../common/TaxInputs';
import { RelatedContacts } from '../contacts/RelatedContacts';
import { RelatedPlans } from '../card-plans/RelatedPlans';
import { issuerPayload, validateIssuer } from './issuerFields';

/** The columns of an issuer's settlement file ctacte reads, and the coupon field each one fills. */
const SETTLEMENT_FILE_COLUMNS = ['couponNumber', 'gross', 'fee', 'feeIva', 'withholdings', 'net'] as const;
const LAYOUT_LABELS: Record<(typeof SETTLEMENT_FILE_COLUMNS)[number], string> = {
  couponNumber: 'couponNumber',
  gross: 'settledGross',
  fee: 'settledFee',
  feeIva: 'settledFeeIva',
  withholdings: 'settledWithholdings',
  net: 'settledNet',
};

const LayoutHelp = () => {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ gridColumn: '1 / -1' }}>
      {translate('ctacte.cardIssuers.layoutHelp')}
    </Alert>
  );
};

const SaveFirst = () => {
  const translate = useTranslate();
  return <Alert severity="info">{translate('ctacte.cardIssuers.saveFirst')}</Alert>;
};

/**
 * An issuer's data in tabs; its plans and contacts, once it exists, edited in
 * place on their own tabs.
 */
const CardIssuerForm = ({ mode }: { mode: 'create' | 'edit' }) => (
  <TabbedForm warnWhenUnsavedChanges noValidate validate={validateIssuer}>
    <TabbedForm.Tab label="ctacte.tabs.general">
      <Section>
        <TextInput source="code" isRequired slotProps={{ htmlInput: { maxLength: 20, style: { textTransform: 'uppercase' } } }} />
        <TextInput source="legalName" isRequired slotProps={{ htmlInput: { maxLength: 200 } }} />
      </Section>
      <Section title="ctacte.sections.address">
        <AddressInputs />
      </Section>
      <BooleanInput source="active" defaultValue={true} />
    </TabbedForm.Tab>
    <TabbedForm.Tab label="ctacte.tabs.tax" path="tax">
      <Section>
        <TaxInputs />
        <TextInput source="payableAccount" slotProps={{ htmlInput: { maxLength: 30 } }} />
        <ReferenceSelect source="bankId" reference="banks" helperText="ctacte.cardIssuers.bankHelp" />
      </Section>
      <Section title="resources.card-issuers.fields.settlementLayout">
        <LayoutHelp />
        {SETTLEMENT_FILE_COLUMNS.map((column) => (
          <TextInput
            key={column}
            source={`settlementLayout.${column}`}
            label={`resources.card-coupons.fields.${LAYOUT_LABELS[column]}`}
            slotProps={{ htmlInput: { maxLength: 60 } }}
          />
        ))}
      </Section>
    </TabbedForm.Tab>
    <TabbedForm.Tab label="ctacte.tabs.plans" path="plans">
      {mode === 'edit' ? <RelatedPlans /> : <SaveFirst />}
    </TabbedForm.Tab>
    {mode === 'edit' && (
      <TabbedForm.Tab label="ctacte.tabs.contacts" path="contacts">
        <RelatedContacts target="cardIssuerId" />
      </TabbedForm.Tab>
    )}
  </TabbedForm>
);

/** After the first save, on to the plans tab to add them. */
export const CardIssuerCreate = () => (
  <Create
    transform={issuerPayload}
    redirect={(resource: string | undefined, id: unknown) => `/${resource}/${String(id)}/plans`}
    record={{ ivaCondition: 1, taxIdType: 'CUIT', country: 'AR', active: true }}
  >
    <CardIssuerForm mode="create" />
  </Create>
);

export const CardIssuerEdit = () => (
  <Edit mutationMode="pessimistic" redirect={false} transform={issuerPayload}>
    <CardIssuerForm mode="edit" />
  </Edit>
);
