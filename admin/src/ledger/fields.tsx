/** How ledger values show in lists and pages: type and state chips, links to documents. */
import type { ReactNode } from 'react';
import { Chip, Link as MuiLink, Tooltip, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useFieldValue, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { DocumentStatus, DocumentType, PaymentMethod, ValueState } from './types';

type ChipColor = 'default' | 'primary' | 'secondary' | 'success' | 'error' | 'info' | 'warning';

const TYPE_COLORS: Record<DocumentType, ChipColor> = {
  FAC: 'primary',
  ND: 'warning',
  NC: 'success',
  AJP: 'secondary',
  AJN: 'secondary',
  REC: 'info',
};

/** A document type as its short code in a chip ("FAC"), the full name on hover. */
export const DocumentTypeChip = ({ type }: { type: DocumentType | string | null | undefined }) => {
  const translate = useTranslate();
  if (!type) return null;
  return (
    <Tooltip title={translate(`ledger.types.${type}`)}>
      <Chip
        size="small"
        variant="outlined"
        color={TYPE_COLORS[type as DocumentType] ?? 'default'}
        label={translate(`ledger.typeShort.${type}`)}
        sx={{ minWidth: 48, fontWeight: 500 }}
      />
    </Tooltip>
  );
};

export const DocumentTypeField = (props: Partial<FieldProps>) => (
  <DocumentTypeChip type={useFieldValue({ source: 'type', ...props }) as string | null} />
);

const STATUS_COLORS: Record<DocumentStatus, ChipColor> = { posted: 'success', cancelled: 'error', voided: 'default' };

export const DocumentStatusChip = ({ status }: { status: DocumentStatus | string | null | undefined }) => {
  const translate = useTranslate();
  if (!status) return null;
  return (
    <Chip
      size="small"
      variant={status === 'posted' ? 'outlined' : 'filled'}
      color={STATUS_COLORS[status as DocumentStatus] ?? 'default'}
      label={translate(`ledger.statuses.${status}`)}
    />
  );
};

export const DocumentStatusField = (props: Partial<FieldProps>) => (
  <DocumentStatusChip status={useFieldValue({ source: 'status', ...props }) as string | null} />
);

/** Days overdue, coloured by how late: nothing when the document is not due (or settled). */
/** A document's number as a link to its page; clicks inside a clickable row stay on the link. */
export const DocumentLink = ({ id, label, children }: { id: number | null | undefined; label?: string; children: ReactNode }) =>
  id ? (
    <MuiLink
      component={Link}
      to={`/documents/${id}/show`}
      onClick={(e) => e.stopPropagation()}
      aria-label={label}
      sx={{ whiteSpace: 'nowrap' }}
    >
      {children}
    </MuiLink>
  ) : (
    <>{children}</>
  );

/**
 * A document's number linking to its page. `withType` puts the type as a chip
 * in front of the rest of the number ("[FAC] A 00003-00001234"), one column
 * for both; the link's name stays the whole number.
 */
export const DocumentNumberField = ({
  idSource = 'id',
  withType = false,
  ...props
}: Partial<FieldProps> & { idSource?: string; withType?: boolean }) => {
  const record = useRecordContext(props);
  const value = (useFieldValue({ source: 'displayNumber', ...props }) as string | null) ?? '';
  const type = record?.type as string | undefined;
  const shown = withType && type && value.startsWith(`${type} `) ? value.slice(type.length + 1) : value;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }}>
      {withType && <DocumentTypeChip type={type} />}
      <DocumentLink id={record?.[idSource] as number | undefined} label={value}>
        <Typography component="span" variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {shown}
        </Typography>
      </DocumentLink>
    </span>
  );
};

/** "C0012 · Ferretería San Martín S.A." on one line, the code in grey. */
export const CustomerCell = ({
  codeSource = 'customerCode',
  nameSource = 'customerName',
}: {
  codeSource?: string;
  nameSource?: string;
}) => {
  const record = useRecordContext();
  if (!record?.[codeSource]) return null;
  return (
    <Typography
      component="span"
      variant="body2"
      title={`${record[codeSource] as string} ${record[nameSource] as string}`}
      sx={{ display: 'block', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: 200 }}
    >
      <Typography component="span" variant="body2" color="text.secondary" sx={{ mr: 1 }}>
        {record[codeSource] as string}
      </Typography>
      {record[nameSource] as string}
    </Typography>
  );
};

const VALUE_STATE_COLORS: Record<ValueState, ChipColor> = {
  pending_acceptance: 'warning',
  accepted: 'info',
  repudiated: 'error',
  discounted: 'success',
  credited: 'success',
  in_portfolio: 'info',
  deposited: 'success',
  endorsed: 'secondary',
  rejected: 'error',
  cancelled: 'default',
};

export const ValueStateChip = ({ state }: { state: ValueState | string | null | undefined }) => {
  const translate = useTranslate();
  if (!state) return null;
  return (
    <Chip
      size="small"
      variant={state === 'in_portfolio' ? 'outlined' : 'filled'}
      color={VALUE_STATE_COLORS[state as ValueState] ?? 'default'}
      label={translate(`ledger.valueStates.${state}`)}
    />
  );
};

export const ValueStateField = (props: Partial<FieldProps>) => (
  <ValueStateChip state={useFieldValue({ source: 'state', ...props }) as string | null} />
);

export const PaymentMethodField = ({ short, ...props }: Partial<FieldProps> & { short?: boolean }) => {
  const translate = useTranslate();
  const method = useFieldValue({ source: 'method', ...props }) as PaymentMethod | null;
  if (!method) return null;
  const name = translate(`ledger.methods.${method}`);
  return short ? (
    <Tooltip title={name}>
      <span style={{ whiteSpace: 'nowrap' }}>{translate(`ledger.methodsShort.${method}`)}</span>
    </Tooltip>
  ) : (
    <span style={{ whiteSpace: 'nowrap' }}>{name}</span>
  );
};

/** A catalog lookup rendered as plain text (withholding type, currency…). */
export const TranslatedField = ({ prefix, ...props }: Partial<FieldProps> & { prefix: string }) => {
  const translate = useTranslate();
  const value = useFieldValue({ source: 'type', ...props }) as string | null;
  return value ? <span>{translate(`${prefix}.${value}`, { _: value })}</span> : null;
};
