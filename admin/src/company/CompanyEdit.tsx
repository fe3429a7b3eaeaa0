import { Edit, NumberInput, SaveButton, SimpleForm, TextInput, Toolbar, email, maxLength, required } from 'react-admin';
import { CuitInput } from '../common/CuitInput';
import { Section } from '../common/Section';
import { DateInput } from '../common/DateInput';
import { ProvinceInput } from '../common/ProvinceInput';
import { integerBetween } from '../common/validators';
import { BankAccountInput, CashBoxInput } from '../treasury/inputs';
import { ChoiceInput } from '../common/ChoiceInput';
import { GROSS_INCOME_CHOICES } from '../common/choices';
import { COMPANY_IVA_CONDITIONS } from '../../../shared/catalog/fiscal';
import { LogoInput } from './LogoInput';

/** The IVA conditions a company issuing fiscal documents may have (RG 1415). */
const COMPANY_IVA_CHOICES = COMPANY_IVA_CONDITIONS.map((id) => ({ id, name: `ctacte.ivaConditions.${id}` }));

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
        <ChoiceInput source="ivaCondition" choices={COMPANY_IVA_CHOICES} isRequired helperText="ctacte.company.ivaHelp" />
        <ChoiceInput source="grossIncomeRegime" choices={GROSS_INCOME_CHOICES} />
        <TextInput source="grossIncomeNumber" validate={maxLength(20)} />
        <DateInput source="activityStartDate" />
        <LogoInput />
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
