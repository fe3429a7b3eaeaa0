import { fetchUtils, HttpError } from 'react-admin';
import { CSRF_COOKIE, readCookie } from '../auth/cookies';
import { currentLocale, i18nProvider } from '../i18n/i18nProvider';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The server's error body (SPEC §8). */
export interface ApiErrorBody {
  message?: string;
  code?: string;
  details?: Array<{ path: string; message: string }>;
  errors?: Record<string, unknown>;
}

/**
 * fetch for every call to the API: sends the session cookie, the CSRF token on
 * mutations and the user's language; turns failures into HttpErrors whose
 * message is the server's, ready for react-admin's notification.
 */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? undefined);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  headers.set('Accept-Language', currentLocale());
  const method = (options.method ?? 'GET').toUpperCase();
  if (!SAFE_METHODS.has(method)) {
    const token = readCookie(CSRF_COOKIE);
    if (token) headers.set('X-CSRF-Token', token);
  }
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers, credentials: 'same-origin' });
  } catch (error) {
    throw normaliseError(error);
  }
}

/**
 * The server's field messages start with the field's JSON name ("taxId: dígito
 * verificador inválido, debería ser 7"); under the input itself the name is noise.
 */
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function withoutFieldNames(errors: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [
      field,
      typeof message === 'string' && message.startsWith(`${field}: `) ? capitalise(message.slice(field.length + 2)) : message,
    ]),
  );
}

function normaliseError(error: unknown): unknown {
  if (error instanceof HttpError) {
    const body = (error.body ?? {}) as ApiErrorBody;
    const message = body.message || i18nProvider.translate('ctacte.errors.server', { status: error.status });
    const errors = body.errors && Object.keys(body.errors).length > 0 ? withoutFieldNames(body.errors) : undefined;
    // In a pessimistic form react-admin marks each field from `errors` and notifies
    // `errors.root.serverError`: put the server's own sentence there.
    return new HttpError(
      message,
      error.status,
      errors ? { ...body, errors: { ...errors, root: { serverError: message } } } : body,
    );
  }
  if (error instanceof TypeError) return new HttpError(i18nProvider.translate('ctacte.errors.network'), 0, {});
  return error;
}
