import { Typography } from '@mui/material';
import { Pagination, ReferenceManyField, useRecordContext, useTranslate } from 'react-admin';
import { ValuesDataTable } from '../../values/ValuesDataTable';

/** The cheques and notes the customer gave, in any state, soonest payable first. */
export const ValoresTab = () => {
  const translate = useTranslate();
  const record = useRecordContext();
  if (!record) return null;
  return (
    <ReferenceManyField
      reference="values"
      target="customerId"
      sort={{ field: 'paymentDate', order: 'DESC' }}
      perPage={25}
      pagination={<Pagination />}
      empty={<Typography color="text.secondary">{translate('ledger.values.noneForCustomer')}</Typography>}
    >
      <ValuesDataTable withCustomer={false} />
    </ReferenceManyField>
  );
};
