import type { ComponentType } from 'react';
import { BooleanField, Labeled, NumberField, useRecordContext } from 'react-admin';
import { Shown, ShownChoice, ShownReference } from '../common/Shown';
import { TaxIdField } from '../common/TaxIdField';
import { DateField, DateTimeField } from '../common/DateField';
import { FieldText } from '../common/FieldText';
import { ProvinceField } from '../common/ProvinceField';
import { Section } from '../common/Section';
import { formatCbu } from '../common/cbu';
import { formatDecimal } from '../common/money';
import { ACCOUNT_CURRENCY_CHOICES, GROSS_INCOME_CHOICES, IVA_CHOICES, TAX_ID_TYPE_CHOICES } from '../common/choices';
import { RelatedBranches } from '../branches/RelatedBranches';
import { RelatedContacts } from '../contacts/RelatedContacts';
import { SEGMENT_LEVELS, useSegmentLevelNames } from '../segment-levels/useSegmentLevels';
import { CreditLimitField } from './customerFields';
import { CuentaCorrienteTab } from '../ledger/customer-tabs/CuentaCorrienteTab';
import { PendientesTab } from '../ledger/customer-tabs/PendientesTab';
import { ValoresTab } from '../ledger/customer-tabs/ValoresTab';
import { CustomerCollectionsTab } from '../collections/CustomerCollectionsTab';

const Cbu = () => {
  const record = useRecordContext();
  return (
    <Labeled source="cbu" sx={{ mb: 1.5 }}>
      <FieldText text={formatCbu(record?.cbu as string | null)} emptyText="—" />
    </Labeled>
  );
};

const Percent = ({ source }: { source: string }) => {
  const record = useRecordContext();
  return (
    <Labeled source={source} sx={{ mb: 1.5 }}>
      <FieldText text={`${formatDecimal((record?.[source] as string | null) ?? '0', 2)} %`} />
    </Labeled>
  );
};

const GeneralTab = () => (
  <>
    <Section title="ctacte.sections.identity" columns={3}>
      <Shown source="code" />
      <Shown source="legalName" />
      <Shown source="tradeName" />
      <Shown source="rating" />
      <Shown source="createdAt" field={DateTimeField} />
      <Shown source="updatedAt" field={DateTimeField} />
    </Section>
    <Section title="ctacte.sections.address" columns={3}>
      <Shown source="street" />
      <Shown source="city" />
      <Shown source="province" field={ProvinceField} />
      <Shown source="postalCode" />
      <Shown source="country" />
      <Shown source="phone" />
      <Shown source="email" />
    </Section>
    <Shown source="notes" />
  </>
);

const TaxTab = () => (
  <Section columns={3}>
    <ShownChoice source="ivaCondition" choices={IVA_CHOICES} />
    <ShownChoice source="taxIdType" choices={TAX_ID_TYPE_CHOICES} />
    <Shown source="taxId" field={TaxIdField} />
    <ShownChoice source="grossIncomeRegime" choices={GROSS_INCOME_CHOICES} />
    <Shown source="grossIncomeNumber" />
    <Shown source="largeTaxpayer" field={BooleanField} />
    <Percent source="vatExemptionPct" />
    <Shown source="receivableAccount" />
    <Cbu />
  </Section>
);

const CommercialTab = () => {
  const { label } = useSegmentLevelNames();
  return (
    <>
      <Section title="ctacte.sections.account" columns={3}>
        <ShownReference source="paymentTermId" reference="payment-terms" />
        <ShownChoice source="currency" choices={ACCOUNT_CURRENCY_CHOICES} />
        <Shown source="creditLimit" field={CreditLimitField} />
        <Shown source="lastSaleDate" field={DateField} />
        <Shown source="lastReceiptDate" field={DateField} />
      </Section>
      <Section title="ctacte.sections.sales" columns={3}>
        <ShownReference source="salespersonId" reference="salespeople" />
        <ShownReference source="collectorId" reference="collectors" />
        <ShownReference source="priceListId" reference="price-lists" />
        <ShownReference source="carrierId" reference="carriers" />
        <Shown source="deliveryNoteCopies" field={NumberField} />
        <Shown source="invoiceCopies" field={NumberField} />
      </Section>
      <Section title="ctacte.sections.segments" columns={3}>
        {SEGMENT_LEVELS.map((level) => (
          <ShownReference key={level} source={`segment${level}Id`} reference="segments" label={label(level)} />
        ))}
      </Section>
    </>
  );
};

const ContactsTab = () => <RelatedContacts target="customerId" />;
const BranchesTab = () => <RelatedBranches />;

export interface CustomerShowTab {
  /** The tab's address under the customer's page (`/customers/:id/show/<path>`). */
  path: string;
  /** Translation key of its title. */
  label: string;
  content: ComponentType;
}

/**
 * The customer page's tabs, in order. The ledger adds its own here, one line
 * each: Cuenta corriente, Pendientes, Valores, Gestión de cobranza.
 */
export const CUSTOMER_SHOW_TABS: CustomerShowTab[] = [
  { path: '', label: 'ctacte.tabs.general', content: GeneralTab },
  { path: 'tax', label: 'ctacte.tabs.tax', content: TaxTab },
  { path: 'commercial', label: 'ctacte.tabs.commercial', content: CommercialTab },
  { path: 'contacts', label: 'ctacte.tabs.contacts', content: ContactsTab },
  { path: 'branches', label: 'ctacte.tabs.branches', content: BranchesTab },
  { path: 'account', label: 'ledger.tabs.account', content: CuentaCorrienteTab },
  { path: 'open-items', label: 'ledger.tabs.openItems', content: PendientesTab },
  { path: 'values', label: 'ledger.tabs.values', content: ValoresTab },
  { path: 'collections', label: 'collections.tab.title', content: CustomerCollectionsTab },
];
