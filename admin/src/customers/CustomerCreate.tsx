import { Create, useNotify, useRedirect, type Identifier } from 'react-admin';
import { CustomerForm } from './CustomerForm';
import { customerPayload, useCustomerAccess } from './customerAccess';

/** What a new customer starts with: the server's defaults, shown. */
const NEW_CUSTOMER = {
  status: 'active',
  country: 'AR',
  currency: 'ARS',
  ivaCondition: 1,
  taxIdType: 'CUIT',
  largeTaxpayer: false,
  vatExemptionPct: '0',
  deliveryNoteCopies: 1,
  invoiceCopies: 1,
};

/** After the first save, on to the new customer's Contactos tab, where its contacts and branches are added. */
export const CustomerCreate = () => {
  const access = useCustomerAccess();
  const notify = useNotify();
  const redirect = useRedirect();
  if (access.isPending) return null;
  return (
    <Create
      record={NEW_CUSTOMER}
      transform={customerPayload(access)}
      mutationOptions={{
        onSuccess: (data: { id: Identifier }) => {
          notify('ctacte.customers.created', { type: 'info' });
          redirect(`/customers/${data.id}/contacts`);
        },
      }}
    >
      <CustomerForm mode="create" access={access} />
    </Create>
  );
};
