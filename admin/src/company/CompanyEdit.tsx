import { Edit, NumberInput, SaveButton, SimpleForm, TextInput, Toolbar, email, maxLength, required } from 'react-admin';
import { CuitInput } from '../common/CuitInput';
import { Section } from '../common/Section';
import { DateInput } from '../common/DateInput';
import { ProvinceInput } from '../common/ProvinceInput';
import { integerBetween } from '../common/validators';
import { BankAccountInput, CashBoxInput } from '../treasury/inputs';

/** The company is never deleted from here: the toolbar only saves. */
const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** The admin edits the company's settings (PUT /api/company). */
export const CompanyEdit = ({ id }: { id: number }) => (
  <Edit resource="company" id={id} mutationMode="pessimistic" redirect={false} title="ctacte.company.title" actions={false}>
    <SimpleForm warnWhenUnsavedChanges sx={{ maxWidth: 900 }} toolbar={<SaveOnlyToolbar />}>
      <Section title="ctacte.company.tax">
        <TextInput source="name" validate={[required(), maxLength(120)]} />
        <CuitInput source="taxId" />
      </Section>
      <Section title="ctacte.company.address">
        <TextInput source="street" validate={maxLength(120)} />
        <TextInput source="city" validate={maxLength(80)} />
        <ProvinceInput source="province" emptyText=" " />
        <TextInput source="postalCode" validate={maxLength(10)} />
        <TextInput source="phone" validate={maxLength(40)} />
        <TextInput source="email" type="email" validate={[email(), maxLength(120)]} />
      </Section>
      <Section title="ctacte.company.ledger">
        <DateInput source="lockDate" helperText="ctacte.company.lockDateHelp" />
        <NumberInput source="defaultReceiptPointOfSale" step={1} validate={[required(), integerBetween(1, 99999)]} />
        <NumberInput
          source="overdueToleranceDays"
          step={1}
          helperText="ctacte.company.toleranceHelp"
          validate={[required(), integerBetween(0, 3650)]}
        />
      </Section>
      <Section title="treasury.defaults.title">
        <CashBoxInput source="defaultCashBoxId" label="treasury.defaults.cashBox" helperText="treasury.defaults.help" />
        <BankAccountInput source="defaultBankAccountId" label="treasury.defaults.bankAccount" helperText={false} />
      </Section>
    </SimpleForm>
  </Edit>
);
