import { Pagination, ReferenceManyField, useRecordContext } from 'react-admin';
import { ValuesDataTable } from '../../values/ValuesDataTable';

/** The cheques and notes the customer gave, in any state, soonest payable first. */
export const ValoresTab = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <ReferenceManyField
      reference="values"
      target="customerId"
      sort={{ field: 'paymentDate', order: 'DESC' }}
      perPage={25}
      pagination={<Pagination />}
    >
      <ValuesDataTable withCustomer={false} />
    </ReferenceManyField>
  );
};
