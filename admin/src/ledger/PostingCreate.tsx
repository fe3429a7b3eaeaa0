import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { Create, SaveButton, SimpleForm, Toolbar, useNotify } from 'react-admin';
import type { DocumentDetail } from './types';

/**
 * The create page of a document posted as it is typed (intake from billing, an
 * adjustment): "Registrar", then the document's own page, which shows whatever
 * the server warned about (a suspended customer, a balance over the limit).
 */
export const PostingCreate = ({ defaultValues, children }: { defaultValues: Record<string, unknown>; children: ReactNode }) => {
  const notify = useNotify();
  const navigate = useNavigate();
  // Kept from the first render: a new object on every render would make the form start over while it is typed in.
  const [initial] = useState(defaultValues);
  return (
    <Create
      mutationOptions={{
        onSuccess: (data: DocumentDetail) => {
          notify('ledger.documents.posted', { type: 'success', messageArgs: { number: data.displayNumber } });
          navigate(`/documents/${data.id}/show`, { state: { warnings: data.warnings ?? [] } });
        },
      }}
    >
      <SimpleForm
        warnWhenUnsavedChanges
        defaultValues={initial}
        toolbar={
          <Toolbar>
            <SaveButton label="ledger.documents.post" />
          </Toolbar>
        }
      >
        {children}
      </SimpleForm>
    </Create>
  );
};
