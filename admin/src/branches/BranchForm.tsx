import { Create, Edit, SimpleForm } from 'react-admin';
import { BranchInputs, branchPayload, validateBranch } from './branchFields';

const BranchForm = () => (
  <SimpleForm warnWhenUnsavedChanges noValidate validate={validateBranch} sx={{ maxWidth: 900 }}>
    <BranchInputs customerPicker />
  </SimpleForm>
);

export const BranchCreate = () => (
  <Create redirect="list" transform={branchPayload}>
    <BranchForm />
  </Create>
);

export const BranchEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={branchPayload}>
    <BranchForm />
  </Edit>
);
