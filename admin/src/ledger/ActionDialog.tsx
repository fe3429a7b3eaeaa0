import { useState, type ReactNode } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { HttpError, useNotify, useTranslate } from 'react-admin';
import { StableForm } from './StableForm';
import { useFormState, type FieldValues } from 'react-hook-form';

export interface ActionDialogProps<T extends FieldValues> {
  open: boolean;
  onClose: () => void;
  /** Catalog key (or text) of the title. */
  title: string;
  titleArgs?: Record<string, unknown>;
  confirmLabel: string;
  confirmColor?: 'primary' | 'error' | 'warning';
  defaultValues: T;
  /** Checks before the call, as translation keys by field. */
  validate?: (values: T) => Record<string, unknown>;
  /** Does the work; a thrown error shows in the dialog, which stays open. */
  onConfirm: (values: T) => Promise<unknown>;
  children: ReactNode;
}

const SubmitButton = ({ label, color }: { label: string; color: 'primary' | 'error' | 'warning' }) => {
  const translate = useTranslate();
  const { isSubmitting } = useFormState();
  return (
    <Button type="submit" variant="contained" color={color} disabled={isSubmitting}>
      {translate(label)}
    </Button>
  );
};

/**
 * A domain action that needs a few answers first (a reason, a date, to whom):
 * a small form in a dialog around one call to the API, as react-admin's demo
 * wraps a mutation in a button.
 */
export function ActionDialog<T extends FieldValues>({
  open,
  onClose,
  title,
  titleArgs,
  confirmLabel,
  confirmColor = 'primary',
  defaultValues,
  validate,
  onConfirm,
  children,
}: ActionDialogProps<T>) {
  const translate = useTranslate();
  const notify = useNotify();
  const [error, setError] = useState<string | undefined>();
  const close = () => {
    setError(undefined);
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="action-dialog-title">
      {open && (
        <StableForm
          defaultValues={defaultValues as Record<string, unknown>}
          validate={validate ? (values: FieldValues) => validate(values as T) : undefined}
          noValidate
          onSubmit={async (values: FieldValues) => {
            setError(undefined);
            try {
              await onConfirm(values as T);
              close();
            } catch (e) {
              const message = e instanceof Error ? e.message : String(e);
              setError(message);
              notify(message, { type: 'error' });
              // The server's per-field messages go under their inputs too.
              const fields =
                e instanceof HttpError ? (e.body as { errors?: Record<string, unknown> } | undefined)?.errors : undefined;
              if (fields) return fields;
            }
          }}
        >
          <DialogTitle id="action-dialog-title">{translate(title, titleArgs)}</DialogTitle>
          <DialogContent>
            {children}
            {error && (
              <Alert severity="error" sx={{ mt: 2 }}>
                {error}
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>{translate('ra.action.cancel')}</Button>
            <SubmitButton label={confirmLabel} color={confirmColor} />
          </DialogActions>
        </StableForm>
      )}
    </Dialog>
  );
}
