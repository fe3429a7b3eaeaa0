// What other modules and the app may use of the company's bank accounts and cash boxes.
export { bankAccountsResource, cashBoxesResource, BANK_ACCOUNT_TYPES } from './treasury.resources';
export {
  resolveDestinations,
  destinationRows,
  checkBankAccount,
  type DestinationLine,
  type DestinationRows,
  type Destinations,
} from './destinations';
