import { useCallback } from 'react';
import { useTranslate } from 'react-admin';
import { formatMoney, type Currency } from '../../common/money';
import type { Problem } from './model';

/**
 * A problem as a sentence: its arguments that are catalog keys (the field, the
 * line, the tax) are translated first, and amounts are written as money.
 */
export function useProblemText(currency: Currency): (problem: Problem) => string {
  const translate = useTranslate();
  return useCallback(
    ({ key, args = {} }: Problem) => {
      const a: Record<string, unknown> = { ...args };
      const tax = typeof a.tax === 'string' ? translate(a.tax) : undefined;
      if (typeof a.line === 'string') a.line = translate(a.line, { n: a.n, tax });
      if (typeof a.field === 'string') a.field = translate(a.field);
      if (typeof a.amount === 'string') a.amount = formatMoney(a.amount, currency);
      return translate(key, a);
    },
    [translate, currency],
  );
}
