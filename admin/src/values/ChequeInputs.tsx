import { required, TextInput } from 'react-admin';
import { CuitInput } from '../common/CuitInput';
import { DateInput } from '../common/DateInput';
import { BankInput } from '../ledger/inputs';
import { todayIso } from '../common/dates';
import type { LedgerValue } from '../ledger/types';

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

/** A new cheque's fields, empty, dated today: the form starts from them, not from the value it replaces. */
export const newCheque = (): ChequeValues => ({
  bankId: null,
  number: '',
  issueDate: todayIso(),
  paymentDate: todayIso(),
  drawerTaxId: '',
  drawerName: '',
});

/** A dialog that acts on one value of the portfolio (replace its line, exchange it). */
export interface ValueDialogProps {
  value: LedgerValue;
  /** "Cheque de terceros 1234", for titles and notices. */
  label: string;
  onClose: () => void;
  onDone: () => Promise<void>;
}
