import { required, TextInput } from 'react-admin';
import { CuitInput } from '../common/CuitInput';
import { DateInput } from '../common/DateInput';
import { BankInput } from '../ledger/inputs';

/** The fields that identify a paper cheque received from a third party: bank, number, dates, drawer. */
export const ChequeInputs = () => (
  <>
    <BankInput source="bankId" validate={required()} />
    <TextInput source="number" label="resources.values.fields.number" validate={required()} />
    <DateInput source="issueDate" label="resources.values.fields.issueDate" validate={required()} />
    <DateInput source="paymentDate" label="resources.values.fields.paymentDate" validate={required()} />
    <CuitInput source="drawerTaxId" label="resources.values.fields.drawerTaxId" validate={required()} />
    <TextInput source="drawerName" label="resources.values.fields.drawerName" validate={required()} />
  </>
);

export interface ChequeValues {
  bankId: number | null;
  number: string;
  issueDate: string;
  paymentDate: string;
  drawerTaxId: string;
  drawerName: string;
}

/** A third-party cheque payment line from those fields. */
export const chequePayment = (v: ChequeValues, amount: string) => ({
  method: 'third_party_cheque',
  amount,
  bankId: v.bankId,
  number: v.number,
  issueDate: v.issueDate,
  paymentDate: v.paymentDate,
  drawerTaxId: v.drawerTaxId,
  drawerName: v.drawerName,
});
