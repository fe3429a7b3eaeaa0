import { Create, Edit, SimpleForm } from 'react-admin';
import { ReferenceSelect } from '../common/ReferenceSelect';
import { PlanInputs, planPayload, validatePlan } from './planFields';

const CardPlanForm = () => (
  <SimpleForm warnWhenUnsavedChanges noValidate validate={validatePlan} sx={{ maxWidth: 900 }}>
    <PlanInputs issuerPicker={<ReferenceSelect source="cardIssuerId" reference="card-issuers" isRequired />} />
  </SimpleForm>
);

export const CardPlanCreate = () => (
  <Create redirect="list" transform={planPayload}>
    <CardPlanForm />
  </Create>
);

export const CardPlanEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={planPayload}>
    <CardPlanForm />
  </Edit>
);
