// What the app may use of audit (writing an event is `http/audit.ts`, for every module).
export { auditEventsResource } from './audit.resource';
