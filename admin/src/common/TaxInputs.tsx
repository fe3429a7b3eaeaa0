import { useWatch } from 'react-hook-form';
import { TextInput, useTranslate } from 'react-admin';
import { allowedIdentities } from './validateRecord';
import { ChoiceInput } from './ChoiceInput';
import { CuitInput } from './CuitInput';
import { GROSS_INCOME_CHOICES, IVA_CHOICES, TAX_ID_TYPE_CHOICES, type TaxIdType } from './choices';

/** The tax id box follows its type: a CUIT/CUIL is dashed and checked as typed, a DNI is digits, a foreign id free text. */
const TaxIdInput = () => {
  const type = (useWatch({ name: 'taxIdType' }) as TaxIdType | undefined) ?? 'CUIT';
  if (type === 'CUIT' || type === 'CUIL') return <CuitInput source="taxId" isRequired />;
  if (type === 'DNI')
    return (
      <TextInput
        source="taxId"
        parse={(text: string) => text.replace(/\D/g, '').slice(0, 8) || null}
        slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 10 } }}
      />
    );
  return <TextInput source="taxId" slotProps={{ htmlInput: { maxLength: 20 } }} />;
};

/** The tax identity fields of a customer or a card issuer, as the API names them. */
export const TAX_FIELDS = ['ivaCondition', 'taxIdType', 'taxId', 'grossIncomeRegime', 'grossIncomeNumber'] as const;

/**
 * VAT condition (ARCA's names), tax id type and number, gross income regime and
 * number: the tax identity of a customer or a card issuer.
 */
export const TaxInputs = () => {
  const translate = useTranslate();
  const condition = useWatch({ name: 'ivaCondition' }) as number | string | null | undefined;
  // What the condition asks for, from the same table the server validates with (RG 5616).
  const hint =
    condition === null || condition === undefined || condition === ''
      ? undefined
      : translate('ctacte.validation.identityHint', { allowed: allowedIdentities(Number(condition)) });
  return (
    <>
      <ChoiceInput source="ivaCondition" choices={IVA_CHOICES} isRequired />
      <ChoiceInput source="taxIdType" choices={TAX_ID_TYPE_CHOICES} defaultValue="CUIT" isRequired helperText={hint} />
      <TaxIdInput />
      <ChoiceInput source="grossIncomeRegime" choices={GROSS_INCOME_CHOICES} />
      <TextInput source="grossIncomeNumber" slotProps={{ htmlInput: { maxLength: 20 } }} />
    </>
  );
};
