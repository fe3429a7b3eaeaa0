import { Alert } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { BooleanInput, Labeled, NumberInput, TabbedForm, TextInput, useTranslate } from 'react-admin';
import { ChoiceInput } from '../common/ChoiceInput';
import { AddressInputs } from '../common/AddressInputs';
import { CbuInput } from '../common/CbuInput';
import { DecimalInput } from '../common/DecimalInput';
import { FieldText } from '../common/FieldText';
import { MoneyInput } from '../common/MoneyInput';
import { ReferenceSelect } from '../common/ReferenceSelect';
import { Section } from '../common/Section';
import { TaxInputs } from '../common/TaxInputs';
import { ACCOUNT_CURRENCY_CHOICES } from '../common/choices';
import { formatMoney, type Currency } from '../common/money';
import { RelatedBranches } from '../branches/RelatedBranches';
import { RelatedContacts } from '../contacts/RelatedContacts';
import { SEGMENT_LEVELS, useSegmentLevelNames } from '../segment-levels/useSegmentLevels';
import { StatusField } from './StatusField';
import { STATUS_CHOICES, isCustomerStatus } from './statuses';
import type { CustomerAccess } from './customerAccess';
import { validateCustomer } from './validateCustomer';

const Hint = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ mb: 2, width: '100%' }}>
      {translate(text)}
    </Alert>
  );
};

/**
 * Credit limit and status: inputs for a supervisor, a manager or an admin; for a
 * clerk the values as they stand (the server would refuse a clerk's change).
 */
export const CreditInputs = ({ editable }: { editable: boolean }) => {
  const translate = useTranslate();
  const currency = (useWatch({ name: 'currency' }) as Currency | undefined) ?? 'ARS';
  const creditLimit = useWatch({ name: 'creditLimit' }) as string | null | undefined;
  const status = useWatch({ name: 'status' }) as unknown;
  if (editable)
    return (
      <>
        <MoneyInput source="creditLimit" currency={currency} helperText="ctacte.customers.noLimitHelp" />
        <ChoiceInput source="status" choices={STATUS_CHOICES} isRequired />
      </>
    );
  return (
    <>
      <Labeled source="creditLimit" sx={{ mb: 2 }}>
        <FieldText text={creditLimit ? formatMoney(creditLimit, currency) : translate('ctacte.customers.noLimit')} />
      </Labeled>
      <Labeled source="status" sx={{ mb: 2 }}>
        <StatusField record={{ id: 0, status: isCustomerStatus(status) ? status : 'active' }} />
      </Labeled>
    </>
  );
};

/** The four segment selects, each titled with the level's name ("Zona", "Rubro"…). */
const SegmentInputs = () => {
  const { label } = useSegmentLevelNames();
  return (
    <>
      {SEGMENT_LEVELS.map((level) => (
        <ReferenceSelect key={level} source={`segment${level}Id`} reference="segments" filter={{ level }} label={label(level)} />
      ))}
    </>
  );
};

export const GeneralInputs = () => (
  <>
    <Section title="ctacte.sections.identity">
      <TextInput source="code" isRequired slotProps={{ htmlInput: { maxLength: 20, style: { textTransform: 'uppercase' } } }} />
      <TextInput source="rating" slotProps={{ htmlInput: { maxLength: 5, style: { textTransform: 'uppercase' } } }} />
      <TextInput source="legalName" isRequired slotProps={{ htmlInput: { maxLength: 200 } }} />
      <TextInput source="tradeName" slotProps={{ htmlInput: { maxLength: 200 } }} />
    </Section>
    <Section title="ctacte.sections.address">
      <AddressInputs />
    </Section>
    <TextInput source="notes" multiline minRows={2} slotProps={{ htmlInput: { maxLength: 4000 } }} />
  </>
);

export const TaxTabInputs = () => (
  <Section>
    <TaxInputs />
    <DecimalInput source="vatExemptionPct" decimals={2} unit="%" />
    <BooleanInput source="largeTaxpayer" />
    <TextInput source="receivableAccount" slotProps={{ htmlInput: { maxLength: 30 } }} />
    <CbuInput source="cbu" />
  </Section>
);

export const CommercialInputs = ({ access }: { access: Pick<CustomerAccess, 'credit'> }) => (
  <>
    <Section title="ctacte.sections.account">
      <ReferenceSelect source="paymentTermId" reference="payment-terms" />
      <ChoiceInput source="currency" choices={ACCOUNT_CURRENCY_CHOICES} isRequired />
      <BooleanInput source="bimonetary" helperText="ctacte.customers.bimonetaryHelp" />
      <CreditInputs editable={access.credit} />
    </Section>
    {!access.credit && <Hint text="ctacte.customers.creditReadOnly" />}
    <Section title="ctacte.sections.sales">
      <ReferenceSelect source="salespersonId" reference="salespeople" filter={{ active: true }} />
      <ReferenceSelect source="collectorId" reference="collectors" filter={{ active: true }} />
      <ReferenceSelect source="priceListId" reference="price-lists" />
      <ReferenceSelect source="carrierId" reference="carriers" />
      <NumberInput source="deliveryNoteCopies" min={0} max={9} step={1} />
      <NumberInput source="invoiceCopies" min={0} max={9} step={1} />
    </Section>
    <Section title="ctacte.sections.segments">
      <SegmentInputs />
    </Section>
  </>
);

/**
 * The customer's record in tabs: General, Impositivos, Comerciales, and, once it
 * exists, its contacts and branches edited in place (each row saved through its
 * own resource, the customer's data through the form's Save). A new customer
 * is taken to its Contactos tab after the first save.
 */
export const CustomerForm = ({ mode, access }: { mode: 'create' | 'edit'; access: Pick<CustomerAccess, 'credit'> }) => (
  <TabbedForm warnWhenUnsavedChanges noValidate validate={validateCustomer}>
    <TabbedForm.Tab label="ctacte.tabs.general">
      <GeneralInputs />
    </TabbedForm.Tab>
    <TabbedForm.Tab label="ctacte.tabs.tax" path="tax">
      <TaxTabInputs />
    </TabbedForm.Tab>
    <TabbedForm.Tab label="ctacte.tabs.commercial" path="commercial">
      <CommercialInputs access={access} />
    </TabbedForm.Tab>
    {mode === 'edit' && (
      <TabbedForm.Tab label="ctacte.tabs.contacts" path="contacts">
        <RelatedContacts target="customerId" />
      </TabbedForm.Tab>
    )}
    {mode === 'edit' && (
      <TabbedForm.Tab label="ctacte.tabs.branches" path="branches">
        <RelatedBranches />
      </TabbedForm.Tab>
    )}
  </TabbedForm>
);
