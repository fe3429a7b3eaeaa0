import { RelatedRecords } from '../common/RelatedRecords';
import { PlanInputs, planColumns, planPayload, validatePlan } from './planFields';

/** A card issuer's plans, edited in place. */
export const RelatedPlans = () => (
  <RelatedRecords
    resource="card-plans"
    target="cardIssuerId"
    sort={{ field: 'installments', order: 'ASC' }}
    columns={planColumns}
    inputs={<PlanInputs />}
    validate={validatePlan}
    transform={planPayload}
    defaults={{ active: true, feePct: '0', settlementDays: 0 }}
    wide
  />
);
