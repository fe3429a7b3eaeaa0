// What the app and the command line may use of the company.
export { companyRouter } from './company.routes';
export { createCompany, treasuryDefaults } from './company.service';
