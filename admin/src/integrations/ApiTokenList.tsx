import { Chip, Stack } from '@mui/material';
import {
  DataTable,
  DeleteWithConfirmButton,
  List,
  NullableBooleanInput,
  SearchInput,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField } from '../common/DateField';
import { ListActions } from '../common/ListActions';
import { RoleField } from '../users/RoleField';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <NullableBooleanInput key="active" source="active" />];

interface TokenRow {
  id: number;
  role: string | null;
  scopes: string[] | null;
  revokedAt: string | null;
  active: boolean;
}

/** A role, or the scopes a narrower token holds. */
const AccessField = () => {
  const translate = useTranslate();
  const record = useRecordContext<TokenRow>();
  if (!record) return null;
  if (record.role) return <RoleField source="role" />;
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
      {(record.scopes ?? []).map((s) => (
        <Chip
          key={s}
          size="small"
          variant="outlined"
          label={translate(`ctacte.integrations.scopes.${s.replace(/[:-]/g, '_')}`)}
        />
      ))}
    </Stack>
  );
};

const StateField = () => {
  const translate = useTranslate();
  const record = useRecordContext<TokenRow>();
  if (!record) return null;
  const state = record.revokedAt ? 'revoked' : record.active ? 'active' : 'expired';
  const color = state === 'active' ? 'success' : 'default';
  return <Chip size="small" color={color} label={translate(`ctacte.integrations.tokenState.${state}`)} />;
};

/** Revoking answers the record (still listed, marked revoked); from then on the token gets 401. */
const RevokeButton = () => {
  const record = useRecordContext<TokenRow>();
  if (!record || record.revokedAt) return null;
  return (
    <DeleteWithConfirmButton
      label="ctacte.integrations.revoke"
      confirmTitle="ctacte.integrations.revokeTitle"
      confirmContent="ctacte.integrations.revokeContent"
      mutationMode="pessimistic"
      redirect={false}
    />
  );
};

export const ApiTokenList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'DESC' }} perPage={25} actions={<ListActions />}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="name" field={TextField} />
      <DataTable.Col source="prefix" render={(r: { prefix: string }) => `${r.prefix}…`} />
      <DataTable.Col source="role" label="resources.api-tokens.fields.access" render={() => <AccessField />} />
      <DataTable.Col source="active" render={() => <StateField />} />
      <DataTable.Col
        source="expiresAt"
        render={() => <DateTimeField source="expiresAt" emptyText="ctacte.integrations.never" />}
      />
      <DataTable.Col
        source="lastUsedAt"
        render={() => <DateTimeField source="lastUsedAt" emptyText="ctacte.integrations.neverUsed" />}
      />
      <DataTable.Col source="createdByName" />
      <DataTable.Col render={() => <RevokeButton />} />
    </DataTable>
  </List>
);
