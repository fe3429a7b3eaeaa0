import type { ReactElement } from 'react';
import {
  BooleanField,
  BooleanInput,
  NullableBooleanInput,
  NumberField,
  NumberInput,
  SelectField,
  TextField,
  TextInput,
  useRecordContext,
} from 'react-admin';
import { ChoiceInput } from '../common/ChoiceInput';
import { CuitField } from '../common/CuitField';
import { CuitInput } from '../common/CuitInput';
import { DateField } from '../common/DateField';
import { DateInput } from '../common/DateInput';
import { DecimalInput } from '../common/DecimalInput';
import { FieldText } from '../common/FieldText';
import { formatDecimal, formatDecimalTrimmed, compareDecimal } from '../common/money';
import { decimalWithin, validateCbu, validateCuit, validateDate } from '../common/validators';
import { CbuInput } from '../common/CbuInput';
import { formatCbu } from '../common/cbu';
import { BankInput } from '../ledger/inputs';
import { SEGMENT_LEVELS, useSegmentLevelNames } from '../segment-levels/useSegmentLevels';
import type { ColumnSpec } from './spec';

const CbuText = ({ source }: { source: string }) => {
  const record = useRecordContext();
  return <FieldText text={formatCbu(record?.[source] as string | null | undefined)} />;
};

/** The level as the company named it ("Zona"), from the row's `levelName`. */
const LevelNameField = () => {
  const record = useRecordContext();
  const { label } = useSegmentLevelNames();
  return <FieldText text={(record?.levelName as string | undefined) || label(Number(record?.level))} />;
};

const LevelInput = ({ source, required }: { source: string; required?: boolean }) => {
  const { label } = useSegmentLevelNames();
  const choices = SEGMENT_LEVELS.map((level) => ({ id: level, name: label(level) }));
  return <ChoiceInput source={source} choices={choices} translateChoice={false} isRequired={required} />;
};

const DecimalField = ({ source, decimals }: { source: string; decimals: number }) => {
  const record = useRecordContext();
  return <FieldText text={formatDecimalTrimmed(record?.[source] as string | null, decimals, 2)} align="right" />;
};

/** The list cell of a column. */
export function columnField(column: ColumnSpec): ReactElement {
  const { source } = column;
  switch (column.kind) {
    case 'int':
      return <NumberField source={source} locales="es-AR" />;
    case 'bool':
      return <BooleanField source={source} />;
    case 'choice':
      return <SelectField source={source} choices={column.choices} />;
    case 'cuit':
      return <CuitField source={source} />;
    case 'date':
      return <DateField source={source} />;
    case 'decimal':
      return <DecimalField source={source} decimals={column.decimals} />;
    case 'segmentLevel':
      return <LevelNameField />;
    case 'bank':
      return <TextField source="bankName" />;
    case 'cbu':
      return <CbuText source={source} />;
    default:
      return <TextField source={source} />;
  }
}

/** The form input of a column, for create and edit. */
export function columnInput(column: ColumnSpec): ReactElement {
  const { source, required } = column;
  switch (column.kind) {
    case 'code':
      return (
        <TextInput
          source={source}
          isRequired={required}
          slotProps={{
            htmlInput: {
              maxLength: column.max,
              inputMode: column.digits ? 'numeric' : undefined,
              style: { textTransform: 'uppercase' },
            },
          }}
        />
      );
    case 'text':
      return <TextInput source={source} isRequired={required} slotProps={{ htmlInput: { maxLength: column.max } }} />;
    case 'email':
      return <TextInput source={source} type="email" />;
    case 'int':
      return <NumberInput source={source} min={column.min} max={column.max} step={1} isRequired={required} />;
    case 'bool':
      return <BooleanInput source={source} defaultValue={column.defaultValue} />;
    case 'choice':
      return <ChoiceInput source={source} choices={column.choices} defaultValue={column.defaultValue} isRequired={required} />;
    case 'cuit':
      return <CuitInput source={source} />;
    case 'date':
      return <DateInput source={source} isRequired={required} />;
    case 'decimal':
      return <DecimalInput source={source} decimals={column.decimals} isRequired={required} />;
    case 'segmentLevel':
      return <LevelInput source={source} required={required} />;
    case 'bank':
      return <BankInput source={source} isRequired={required} />;
    case 'cbu':
      return <CbuInput source={source} />;
  }
}

/** The list filters a column offers (none, one, or a from/to pair). */
export function columnFilters(column: ColumnSpec): ReactElement[] {
  const { source, filter } = column;
  if (!filter) return [];
  if (filter === 'range' && column.kind === 'date')
    return [
      <DateInput key={`${source}_gte`} source={`${source}_gte`} />,
      <DateInput key={`${source}_lte`} source={`${source}_lte`} />,
    ];
  switch (column.kind) {
    case 'bool':
      return [<NullableBooleanInput key={source} source={source} />];
    case 'choice':
      return [<ChoiceInput key={source} source={source} choices={column.choices} />];
    default:
      return [<TextInput key={source} source={source} />];
  }
}

const CODE_RE = /^[A-Za-z0-9._-]+$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Message = string | { message: string; args: Record<string, unknown> };

/** What the server would refuse in one column, as a translation key; undefined when it passes. */
function columnError(column: ColumnSpec, raw: unknown): Message | undefined {
  const empty = raw === null || raw === undefined || String(raw).trim() === '';
  if (empty) return column.required ? 'ra.validation.required' : undefined;
  const text = String(raw).trim();
  // The form's validate replaces the inputs' own checks (react-hook-form resolver): run them here.
  const own = {
    cuit: validateCuit,
    cbu: validateCbu,
    date: validateDate,
    decimal: column.kind === 'decimal' ? decimalWithin(column.decimals) : undefined,
  }[column.kind as string];
  const ownError = own ? (own(raw, {}, {}) as Message | undefined) : undefined;
  if (ownError) return ownError;
  switch (column.kind) {
    case 'code':
      if (column.digits && !new RegExp(`^\\d{${column.digits}}$`).test(text))
        return { message: 'ctacte.validation.digits', args: { digits: column.digits } };
      if (!CODE_RE.test(text)) return 'ctacte.validation.code';
      return text.length > column.max ? { message: 'ra.validation.maxLength', args: { max: column.max } } : undefined;
    case 'text':
      return text.length > column.max ? { message: 'ra.validation.maxLength', args: { max: column.max } } : undefined;
    case 'email':
      return EMAIL_RE.test(text) ? undefined : 'ra.validation.email';
    case 'int': {
      const n = Number(raw);
      return Number.isInteger(n) && n >= column.min && n <= column.max
        ? undefined
        : { message: 'ctacte.validation.integerRange', args: { min: column.min, max: column.max } };
    }
    case 'decimal':
      if (!/^\d+(\.\d+)?$/.test(text)) return undefined; // the input's own check names the format
      return compareDecimal(text, column.min) < 0 || compareDecimal(text, column.max) > 0
        ? {
            message: 'ctacte.validation.decimalRange',
            args: { min: formatDecimal(column.min, column.decimals), max: formatDecimal(column.max, 0) },
          }
        : undefined;
    default:
      return undefined;
  }
}

/** One validation for create and edit, built from the columns. */
export const validateColumns = (columns: ColumnSpec[]) => (values: Record<string, unknown>) => {
  const errors: Record<string, Message> = {};
  for (const column of columns) {
    const error = columnError(column, values[column.source]);
    if (error) errors[column.source] = error;
  }
  return errors;
};

/** What a save sends: the table's own columns, never the read-only ones the list shows (levelName, dates). */
export const onlyColumns = (columns: ColumnSpec[]) => (data: Record<string, unknown>) =>
  Object.fromEntries(columns.filter((c) => c.source in data).map((c) => [c.source, data[c.source]]));
