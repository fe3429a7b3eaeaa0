import { Box, Typography } from '@mui/material';
import { BooleanInput, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { ChoiceInput } from '../common/ChoiceInput';
import { DateInput } from '../common/DateInput';
import { MoneyInput } from '../common/MoneyInput';
import { TimeInput } from '../common/TimeInput';
import { ReferenceSelect } from '../common/ReferenceSelect';
import type { Currency } from '../common/money';
import { postalAddress } from '../ledger/PrintShell';
import { CHANNELS, OUTCOMES } from './types';

/** What the call form reads about the customer, its contacts and its branches. */
export interface Contact {
  id: number;
  name: string;
  position: string | null;
  phone: string | null;
  mobile: string | null;
  isCollectionsContact: boolean;
}

export interface Branch {
  id: number;
  code: string;
  name: string;
  street: string | null;
  city: string | null;
  province: string | null;
  postalCode: string | null;
  active: boolean;
}

export interface CallCustomer {
  id: number;
  code: string;
  legalName: string;
  currency: Currency;
  collectorId: number | null;
  street: string | null;
  city: string | null;
  province: string | null;
  postalCode: string | null;
  phone: string | null;
  balance: string;
  overdueBalance: string;
}

const CHANNEL_CHOICES = CHANNELS.map((id) => ({ id, name: `collections.channels.${id}` }));
export const OUTCOME_CHOICES = OUTCOMES.map((id) => ({ id, name: `collections.outcomes.${id}` }));

/** The collections contact first, then by name. */
export const byCollectionsFirst = (a: Contact, b: Contact) =>
  Number(b.isCollectionsContact) - Number(a.isCollectionsContact) || a.name.localeCompare(b.name, 'es');

export const contactText = (c: Contact, collections: string) =>
  [c.name, c.position, c.mobile || c.phone, c.isCollectionsContact ? `(${collections})` : null].filter(Boolean).join(' · ');

export const grid = (columns: string) => ({ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: columns }, columnGap: 2 });

const SectionTitle = ({ label }: { label: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle2" color="text.secondary" sx={{ mt: 1, mb: 0.5 }}>
      {translate(label)}
    </Typography>
  );
};

/** The promise's date and amount, when the outcome is a promise. */
export const PromiseInputs = ({ currency }: { currency: Currency }) => {
  const outcome = useWatch({ name: 'outcome' }) as string | null;
  if (outcome !== 'promise') return null;
  return (
    <Box data-section="promise">
      <SectionTitle label="collections.call.promise" />
      <Box sx={grid('1fr 1fr')}>
        <DateInput source="promiseDate" resource="collection-calls" isRequired />
        <MoneyInput source="promiseAmount" resource="collection-calls" currency={currency} isRequired />
      </Box>
    </Box>
  );
};

/** An agreed collector visit: who, when, and at which branch (or the customer's address). */
export const VisitInputs = ({ customer, branches }: { customer: CallCustomer; branches: Branch[] }) => {
  const translate = useTranslate();
  const agreed = useWatch({ name: 'agreeVisit' }) as boolean;
  const branchId = useWatch({ name: 'visitBranchId' }) as number | null;
  const branch = branches.find((b) => b.id === branchId);
  const address = postalAddress(branch ?? customer);
  return (
    <Box data-section="visit">
      <BooleanInput source="agreeVisit" resource="collection-calls" helperText={false} />
      {agreed && (
        <>
          <Box sx={grid('2fr 1.4fr 1fr 1fr')}>
            <ReferenceSelect source="collectorId" reference="collectors" isRequired />
            <DateInput source="visitDate" resource="collection-calls" isRequired />
            <TimeInput source="visitFrom" resource="collection-calls" />
            <TimeInput source="visitTo" resource="collection-calls" />
          </Box>
          <ChoiceInput
            source="visitBranchId"
            resource="collection-calls"
            choices={branches
              .filter((b) => b.active || b.id === branchId)
              .map((b) => ({ id: b.id, name: `${b.code} — ${b.name}` }))}
            translateChoice={false}
            emptyText="collections.call.customerAddress"
            helperText={address ? translate('collections.call.address', { address }) : 'collections.call.noAddress'}
          />
        </>
      )}
    </Box>
  );
};

/** Who answered and how: the customer's contacts (the collections contact first) and the channel. */
export const ContactInputs = ({ contacts }: { contacts: Contact[] }) => {
  const translate = useTranslate();
  const sorted = [...contacts].sort(byCollectionsFirst);
  const collectionsWord = translate('collections.call.collectionsContact');
  return (
    <Box sx={grid('2fr 1fr')}>
      <ChoiceInput
        source="contactId"
        resource="collection-calls"
        choices={sorted.map((c) => ({ id: c.id, name: contactText(c, collectionsWord) }))}
        translateChoice={false}
        emptyText="collections.call.noContact"
        helperText={sorted.length === 0 ? 'collections.call.noContacts' : false}
      />
      <ChoiceInput source="channel" resource="collection-calls" choices={CHANNEL_CHOICES} isRequired helperText={false} />
    </Box>
  );
};
