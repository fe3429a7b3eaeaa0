// What other modules and the app may use of collections.
export { callsResource } from './calls.resource';
export { agendaResource, debtorsResource } from './debtors.resource';
export { agendaRouter, callRoutes, sheetsRouter } from './collections.routes';
export { BROKEN_PROMISE_SQL, PROMISE_RECEIVED_SQL } from './promises';
export { emitBrokenPromises } from './promise-events';
