import { useWatch } from 'react-hook-form';
import { required, TextInput } from 'react-admin';
import { ChoiceInput } from '../../common/ChoiceInput';
import { DateInput } from '../../common/DateInput';
import { MoneyInput } from '../../common/MoneyInput';
import { ProvinceInput } from '../../common/ProvinceInput';
import { WITHHOLDING_TYPE_CHOICES } from '../../ledger/choices';
import type { WithholdingLine } from './model';
import { LineBox, SKIPPED_BY_TAB } from './LineBox';

/** One withholding certificate: tax, jurisdiction (required for Ingresos Brutos), number, date, base and amount. */
export const WithholdingLineRow = ({ index, label, onRemove }: { index: number; label: string; onRemove: () => void }) => {
  const line = useWatch({ name: `withholdings.${index}` }) as WithholdingLine | undefined;
  if (!line) return null;
  const at = (field: string) => `withholdings.${index}.${field}`;
  return (
    <LineBox label={label} onRemove={onRemove} data={{ 'withholding-line': index }}>
      <ChoiceInput
        source={at('type')}
        label="ledger.receipt.fields.withholdingType"
        choices={WITHHOLDING_TYPE_CHOICES}
        validate={required()}
        helperText={false}
        slotProps={SKIPPED_BY_TAB}
      />
      <ProvinceInput
        source={at('jurisdiction')}
        label="ledger.receipt.fields.jurisdiction"
        helperText={false}
        emptyText={line.type === 'IIBB' ? undefined : 'ledger.receipt.noJurisdiction'}
      />
      <TextInput source={at('certificateNumber')} label="ledger.receipt.fields.certificateNumber" helperText={false} />
      <DateInput source={at('date')} label="ledger.receipt.fields.date" helperText={false} />
      <MoneyInput source={at('baseAmount')} label="ledger.receipt.fields.baseAmount" helperText={false} />
      <MoneyInput source={at('amount')} label="ledger.receipt.fields.withheldAmount" helperText={false} />
    </LineBox>
  );
};
