/**
 * The call form's values, checks and body. The checks are the server's
 * (server/src/modules/collections/calls.resource.ts), said before saving, in
 * translation keys: a promise has a date not in the past and a positive amount;
 * a visit has a date not in the past, a collector and a window that ends after
 * it starts. The next contact is a day plus a time of day, sent as one instant.
 */
import { todayIso } from '../common/dates';
import { inputChecks, blank, type FormErrors } from '../common/validateRecord';
import { validateDate, validateMoney } from '../common/validators';
import { validateTime } from '../common/TimeInput';
import { joinInstant, splitInstant } from '../common/times';
import { toCents } from '../common/cents';
import type { Channel, CollectionCall, Outcome } from './types';

export interface CallFormValues {
  contactId: number | null;
  channel: Channel;
  outcome: Outcome | null;
  response: string | null;
  promiseDate: string | null;
  promiseAmount: string | null;
  nextContactDate: string | null;
  nextContactTime: string | null;
  agreeVisit: boolean;
  collectorId: number | null;
  visitDate: string | null;
  visitFrom: string | null;
  visitTo: string | null;
  visitBranchId: number | null;
}

/** When the next contact has a day and no time: first thing in the morning. */
export const DEFAULT_CONTACT_TIME = '09:00';

export function callDefaults(
  call: CollectionCall | undefined,
  defaults: { contactId: number | null; collectorId: number | null },
): CallFormValues {
  if (!call)
    return {
      contactId: defaults.contactId,
      channel: 'phone',
      outcome: null,
      response: null,
      promiseDate: null,
      promiseAmount: null,
      nextContactDate: null,
      nextContactTime: null,
      agreeVisit: false,
      collectorId: defaults.collectorId,
      visitDate: null,
      visitFrom: null,
      visitTo: null,
      visitBranchId: null,
    };
  const next = splitInstant(call.nextContactAt);
  return {
    contactId: call.contactId,
    channel: call.channel,
    outcome: call.outcome,
    response: call.response,
    promiseDate: call.promiseDate,
    promiseAmount: call.promiseAmount,
    nextContactDate: next.date,
    nextContactTime: next.time,
    agreeVisit: !!call.visitDate,
    collectorId: call.collectorId ?? defaults.collectorId,
    visitDate: call.visitDate,
    visitFrom: call.visitFrom,
    visitTo: call.visitTo,
    visitBranchId: call.visitBranchId,
  };
}

/**
 * Errors by field. A date kept from the call being edited is not checked
 * against today again (the server checks only what changes).
 */
export function validateCall(values: CallFormValues, original?: CollectionCall, today: string = todayIso()): FormErrors {
  const errors: FormErrors = inputChecks(values as unknown as Record<string, unknown>, {
    promiseDate: validateDate,
    promiseAmount: validateMoney,
    nextContactDate: validateDate,
    nextContactTime: validateTime,
    visitDate: validateDate,
    visitFrom: validateTime,
    visitTo: validateTime,
  });
  const set = (field: keyof CallFormValues, message: string) => {
    if (!errors[field]) errors[field] = message;
  };
  if (blank(values.channel)) set('channel', 'ra.validation.required');
  if (blank(values.outcome)) set('outcome', 'ra.validation.required');
  if (values.outcome === 'promise') {
    if (blank(values.promiseDate)) set('promiseDate', 'ra.validation.required');
    else if (values.promiseDate! < today && values.promiseDate !== original?.promiseDate)
      set('promiseDate', 'collections.validation.promiseDatePast');
    if (blank(values.promiseAmount)) set('promiseAmount', 'ra.validation.required');
    else if (toCents(values.promiseAmount) <= 0n) set('promiseAmount', 'collections.validation.positive');
  }
  if (!blank(values.nextContactTime) && blank(values.nextContactDate))
    set('nextContactDate', 'collections.validation.timeWithoutDate');
  if (values.agreeVisit) {
    if (blank(values.visitDate)) set('visitDate', 'ra.validation.required');
    else if (values.visitDate! < today && values.visitDate !== original?.visitDate)
      set('visitDate', 'collections.validation.visitDatePast');
    if (blank(values.collectorId)) set('collectorId', 'ra.validation.required');
    if (values.visitFrom && values.visitTo && !errors.visitFrom && values.visitTo <= values.visitFrom)
      set('visitTo', 'collections.validation.windowOrder');
  }
  return errors;
}

/** What POST and PUT send: only the writable fields; a promise only with that outcome, a visit only when agreed. */
export function callBody(values: CallFormValues, customerId: number): Record<string, unknown> {
  const promise = values.outcome === 'promise';
  const visit = values.agreeVisit;
  return {
    customerId,
    contactId: values.contactId || null,
    channel: values.channel,
    outcome: values.outcome,
    response: blank(values.response) ? null : values.response!.trim(),
    promiseDate: promise ? values.promiseDate : null,
    promiseAmount: promise ? values.promiseAmount : null,
    nextContactAt: values.nextContactDate
      ? joinInstant(values.nextContactDate, values.nextContactTime || DEFAULT_CONTACT_TIME)
      : null,
    visitDate: visit ? values.visitDate : null,
    visitFrom: visit ? values.visitFrom || null : null,
    visitTo: visit ? values.visitTo || null : null,
    visitBranchId: visit ? values.visitBranchId || null : null,
    collectorId: visit ? values.collectorId : null,
  };
}

/** The server names the instant; the form shows it as a day and a time. */
export function callServerErrors(errors: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!errors) return undefined;
  const { nextContactAt, ...rest } = errors;
  return nextContactAt ? { ...rest, nextContactDate: nextContactAt } : rest;
}
