import { Box, Tooltip, Typography } from '@mui/material';
import { ReferenceField, TextField, useRecordContext, useTranslate } from 'react-admin';
import { FieldText } from '../common/FieldText';
import { TwoLines } from '../common/TwoLines';
import { TaxIdField } from '../common/TaxIdField';
import { formatDate } from '../common/dates';
import { formatMoney, type Currency } from '../common/money';
import { Money } from '../common/Money';

type Tone = 'error' | 'warning' | undefined;

/** An amount of the customer's account, in its currency; red when it is a problem (overdue, over the limit). */
export const AccountAmountField = ({
  source,
  alert,
  align = 'right',
}: {
  source: string;
  alert?: (value: number) => Tone;
  /** Right in a column of amounts, left under a label. */
  align?: 'right' | 'left';
}) => {
  const record = useRecordContext();
  const value = record?.[source] as string | null | undefined;
  const tone = value !== null && value !== undefined ? alert?.(Number(value)) : undefined;
  return (
    <Box component="span" sx={{ display: 'block', color: tone ? `${tone}.main` : undefined }}>
      <FieldText
        text={formatMoney(value, (record?.currency as Currency | undefined) ?? 'ARS')}
        align={align === 'right' ? 'right' : undefined}
      />
    </Box>
  );
};

export const overdueTone = (value: number): Tone => (value > 0 ? 'error' : undefined);

/** The credit limit, or "Sin límite", under its label. */
export const CreditLimitField = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (record?.creditLimit === null || record?.creditLimit === undefined)
    return <FieldText text={translate('ctacte.customers.noLimit')} />;
  return <AccountAmountField source="creditLimit" align="left" />;
};

/** Code over the tax id (CUIT dashed, DNI with points). */
export const CodeField = () => {
  const record = useRecordContext();
  if (!record) return null;
  return <TwoLines first={String(record.code ?? '')} second={<TaxIdField />} />;
};

/** Legal name over trade name; long names wrap. */
export const NameField = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Box sx={{ lineHeight: 1.2, minWidth: 150 }}>
      <Typography variant="body2">{String(record.legalName ?? '')}</Typography>
      {record.tradeName ? (
        <Typography variant="caption" color="text.secondary" component="div">
          {String(record.tradeName)}
        </Typography>
      ) : null}
    </Box>
  );
};

/** The credit limit over what is still available of it. */
export const CreditField = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const currency = (record.currency as Currency | undefined) ?? 'ARS';
  if (record.creditLimit === null || record.creditLimit === undefined)
    return <TwoLines first={translate('ctacte.customers.noLimit')} align="right" />;
  const available = record.availableCredit as string | null;
  return (
    <TwoLines
      align="right"
      first={formatMoney(record.creditLimit as string, currency)}
      second={
        <Box component="span" sx={{ color: available !== null && Number(available) < 0 ? 'error.main' : undefined }}>
          <Money value={available} currency={currency} />
        </Box>
      }
    />
  );
};

/** The last sale over the last receipt. */
export const ActivityField = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <TwoLines
      first={formatDate(record.lastSaleDate as string | null) || '—'}
      second={formatDate(record.lastReceiptDate as string | null) || '—'}
    />
  );
};

/** The salesperson over the collector, by name. */
export const PeopleField = () => (
  <Box sx={{ lineHeight: 1.2 }}>
    <Typography variant="body2" component="div" noWrap>
      <ReferenceField source="salespersonId" reference="salespeople" link={false} emptyText="—">
        <TextField source="name" />
      </ReferenceField>
    </Typography>
    <Typography variant="caption" color="text.secondary" component="div" noWrap>
      <ReferenceField source="collectorId" reference="collectors" link={false} emptyText="—">
        <TextField source="name" variant="caption" />
      </ReferenceField>
    </Typography>
  </Box>
);

/** The VAT condition abbreviated ("Resp. Inscripto"), its full ARCA name on hover. */
export const IvaShortField = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const code = record?.ivaCondition as number | null | undefined;
  if (code === null || code === undefined) return null;
  return (
    <Tooltip title={translate(`ctacte.ivaConditions.${code}`, { _: String(code) })}>
      <Typography variant="body2" component="span" sx={{ display: 'block', minWidth: 64 }}>
        {translate(`ctacte.ivaShort.${code}`, { _: String(code) })}
      </Typography>
    </Tooltip>
  );
};
