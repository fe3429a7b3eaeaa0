import { Alert } from '@mui/material';
import { Edit, Labeled, SimpleForm, TextField, useTranslate } from 'react-admin';
import { TaxIdField } from '../common/TaxIdField';
import { Section } from '../common/Section';
import { CreditInputs, CustomerForm } from './CustomerForm';
import { AccountAmountField, overdueTone } from './customerFields';
import { customerPayload, useCustomerAccess } from './customerAccess';

/**
 * A manager changes a customer's credit limit and status and nothing else (SPEC
 * §3): the form shows who the customer is and where the account stands, and
 * only those two inputs.
 */
const CreditOnlyForm = () => {
  const translate = useTranslate();
  return (
    <SimpleForm warnWhenUnsavedChanges noValidate sx={{ maxWidth: 900 }}>
      <Alert severity="info" sx={{ mb: 2, width: '100%' }}>
        {translate('ctacte.customers.creditOnly')}
      </Alert>
      <Section columns={3}>
        <Labeled sx={{ mb: 1.5 }} source="code">
          <TextField source="code" />
        </Labeled>
        <Labeled sx={{ mb: 1.5 }} source="legalName">
          <TextField source="legalName" />
        </Labeled>
        <Labeled sx={{ mb: 1.5 }} source="taxId">
          <TaxIdField source="taxId" />
        </Labeled>
        <Labeled sx={{ mb: 1.5 }} source="balance">
          <AccountAmountField source="balance" align="left" />
        </Labeled>
        <Labeled sx={{ mb: 1.5 }} source="overdueBalance">
          <AccountAmountField source="overdueBalance" alert={overdueTone} align="left" />
        </Labeled>
      </Section>
      <Section>
        <CreditInputs editable />
      </Section>
    </SimpleForm>
  );
};

/** Pessimistic: the server checks CUIT, codes and who may change what before anything shows as saved. */
export const CustomerEdit = () => {
  const access = useCustomerAccess();
  if (access.isPending) return null;
  const creditOnly = !access.data && access.credit;
  return (
    <Edit mutationMode="pessimistic" redirect="show" transform={customerPayload(access)}>
      {creditOnly ? <CreditOnlyForm /> : <CustomerForm mode="edit" access={access} />}
    </Edit>
  );
};
