import { RelatedRecords } from '../common/RelatedRecords';
import { BranchInputs, branchColumns, branchPayload, validateBranch } from './branchFields';

/** A customer's branches, edited in place. */
export const RelatedBranches = () => (
  <RelatedRecords
    resource="branches"
    target="customerId"
    sort={{ field: 'code', order: 'ASC' }}
    columns={branchColumns}
    inputs={<BranchInputs />}
    validate={validateBranch}
    transform={branchPayload}
    defaults={{ active: true, country: 'AR' }}
    wide
  />
);
