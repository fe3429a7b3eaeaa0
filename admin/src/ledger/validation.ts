import type { Validator } from 'react-admin';
import { isAmount, toCents } from '../common/cents';

/** An amount above zero (MoneyInput already refuses text that is not an amount). */
export const positiveAmount: Validator = (value: unknown) =>
  value === null || value === undefined || value === '' || !isAmount(value) || toCents(value) > 0n
    ? undefined
    : 'ledger.validation.positive';

/** A due date is on or after the document's date. */
export const validateDueDate = (due: string | null, values: { issueDate?: string }) =>
  due && values.issueDate && due < values.issueDate ? 'ledger.validation.dueBeforeIssue' : undefined;
