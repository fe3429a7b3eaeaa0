// What the app may use of reports.
export { reportsRouter } from './reports.routes';
