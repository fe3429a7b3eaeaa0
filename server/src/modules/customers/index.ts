// What other modules and the app may use of customers.
export { customersResource, searchCustomers } from './customers.resource';
export { customerRoutes } from './customers.routes';
export { branchesResource } from './branches.resource';
export { contactsResource } from './contacts.resource';
export { importCustomers } from './customers.import';
export { addressSchema, taxSchema } from './customers.schemas';
export {
  figuresCurrent,
  LEDGER_CURRENCIES,
  openFiguresSql,
  overdueSql,
  recomputeCustomer,
  recomputeCustomerSql,
  refreshCompanyFigures,
} from './figures';
