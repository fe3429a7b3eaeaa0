import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { Box, Dialog, DialogContent, DialogTitle, IconButton, Stack, Tooltip } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import {
  Button,
  CreateBase,
  DataTable,
  DeleteButton,
  EditBase,
  Pagination,
  ReferenceManyField,
  ResourceContextProvider,
  SaveButton,
  SimpleForm,
  Toolbar,
  useCanAccess,
  useGetRecordRepresentation,
  useNotify,
  useRecordContext,
  useTranslate,
  type Identifier,
  type SortPayload,
  type ValidateForm,
} from 'react-admin';

type Data = Record<string, unknown>;

export interface RelatedRecordsProps {
  /** The child resource, saved through its own endpoints (`contacts`, `branches`, `card-plans`). */
  resource: string;
  /** The child's field that points at the record on screen (`customerId`). */
  target: string;
  sort: SortPayload;
  /** The DataTable columns. */
  columns: ReactNode;
  /** The inputs of the add and edit dialogs. */
  inputs: ReactNode;
  validate?: ValidateForm;
  /** What a save sends (the writable fields only). */
  transform?: (data: Data) => Data;
  /** Starting values of a new row besides the parent's id. */
  defaults?: Data;
  /** Wider dialogs for long forms. */
  wide?: boolean;
}

type Dialogue = { mode: 'create' } | { mode: 'edit'; id: Identifier } | undefined;

// The dialog is a portal, but React sends its events up the component tree: a
// submit in the dialog's form must not reach the parent's form around it.
const stop = (event: SyntheticEvent) => event.stopPropagation();

const DialogToolbar = ({ onCancel }: { onCancel: () => void }) => (
  <Toolbar sx={{ gap: 1 }}>
    <SaveButton />
    <Button label="ra.action.cancel" onClick={onCancel} />
  </Toolbar>
);

/** "Sucursal: Depósito Norte" as the edit dialog's title. */
const EditTitle = ({ resource }: { resource: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const represent = useGetRecordRepresentation(resource);
  return (
    <>
      {translate('ra.page.edit', {
        name: translate(`resources.${resource}.name`, { smart_count: 1 }),
        recordRepresentation: record ? represent(record) : '',
      })}
    </>
  );
};

/** Edit and delete on each row, for those who may write. */
const RowButtons = ({ onEdit }: { onEdit: (id: Identifier) => void }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} sx={{ justifyContent: 'flex-end' }} onClick={stop}>
      <Tooltip title={translate('ra.action.edit')}>
        <IconButton size="small" aria-label={translate('ra.action.edit')} onClick={() => onEdit(record.id)}>
          <EditIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <DeleteButton mutationMode="pessimistic" redirect={false} />
    </Stack>
  );
};

/**
 * The rows of another resource that belong to the record on screen (a customer's
 * contacts and branches, an issuer's plans), edited where they are shown: a table
 * with "Agregar", an edit dialog per row and delete, each saved at once through
 * the row's own resource. Read-only for roles that may not write it.
 */
export const RelatedRecords = ({
  resource,
  target,
  sort,
  columns,
  inputs,
  validate,
  transform,
  defaults,
  wide,
}: RelatedRecordsProps) => {
  const parent = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const [dialogue, setDialogue] = useState<Dialogue>();
  const { canAccess: mayWrite } = useCanAccess({ resource, action: 'edit' });
  if (!parent) return null;
  const close = () => setDialogue(undefined);
  // Our onSuccess replaces react-admin's, which would notify and redirect.
  const saved = (message: string) => () => {
    notify(message, { type: 'info', messageArgs: { smart_count: 1 } });
    close();
  };
  const form = (
    <SimpleForm
      warnWhenUnsavedChanges
      noValidate
      validate={validate}
      defaultValues={dialogue?.mode === 'create' ? { ...defaults, [target]: parent.id } : undefined}
      toolbar={<DialogToolbar onCancel={close} />}
      sx={{ pt: 0 }}
    >
      {inputs}
    </SimpleForm>
  );
  return (
    <Box sx={{ width: '100%' }}>
      {mayWrite && (
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', mb: 1 }}>
          <Button label="ra.action.add" onClick={() => setDialogue({ mode: 'create' })} variant="outlined">
            <AddIcon />
          </Button>
        </Box>
      )}
      {/* A wide table scrolls sideways inside the tab rather than pushing the page wider. */}
      <Box sx={{ overflowX: 'auto' }}>
        <ReferenceManyField reference={resource} target={target} sort={sort} perPage={25} pagination={<Pagination />}>
          <DataTable
            bulkActionButtons={false}
            rowClick={(id) => {
              if (mayWrite) setDialogue({ mode: 'edit', id });
              return false;
            }}
            empty={
              <Box sx={{ p: 2, color: 'text.secondary' }}>
                {translate('ctacte.related.empty', {
                  name: translate(`resources.${resource}.forcedCaseName`, { smart_count: 2 }),
                })}
              </Box>
            }
          >
            {columns}
            {mayWrite && (
              <DataTable.Col label={false} disableSort align="right">
                <RowButtons onEdit={(id) => setDialogue({ mode: 'edit', id })} />
              </DataTable.Col>
            )}
          </DataTable>
        </ReferenceManyField>
      </Box>
      <Dialog open={!!dialogue} onClose={close} fullWidth maxWidth={wide ? 'md' : 'sm'} onSubmit={stop}>
        <ResourceContextProvider value={resource}>
          {dialogue?.mode === 'create' && (
            <CreateBase
              resource={resource}
              redirect={false}
              transform={transform}
              mutationOptions={{ onSuccess: saved('ra.notification.created') }}
            >
              <DialogTitle>{translate(`resources.${resource}.page.create`)}</DialogTitle>
              <DialogContent sx={{ p: 0 }}>{form}</DialogContent>
            </CreateBase>
          )}
          {dialogue?.mode === 'edit' && (
            <EditBase
              resource={resource}
              id={dialogue.id}
              mutationMode="pessimistic"
              redirect={false}
              transform={transform}
              mutationOptions={{ onSuccess: saved('ra.notification.updated') }}
            >
              <DialogTitle>
                <EditTitle resource={resource} />
              </DialogTitle>
              <DialogContent sx={{ p: 0 }}>{form}</DialogContent>
            </EditBase>
          )}
        </ResourceContextProvider>
      </Dialog>
    </Box>
  );
};
