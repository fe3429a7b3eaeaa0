import { useCallback } from 'react';
import { HttpError, useNotify } from 'react-admin';

/**
 * For a form that calls the API itself: notifies the server's message and returns
 * its per-field errors (keyed by path, `payments.1.paymentDate`) for react-admin's
 * Form to put under each input.
 */
export function useServerErrors(): (error: unknown) => Record<string, unknown> | undefined {
  const notify = useNotify();
  return useCallback(
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      notify(message, { type: 'error' });
      if (error instanceof HttpError) {
        const body = error.body as { errors?: Record<string, unknown> } | undefined;
        if (body?.errors && Object.keys(body.errors).length > 0) return body.errors;
      }
      return undefined;
    },
    [notify],
  );
}
