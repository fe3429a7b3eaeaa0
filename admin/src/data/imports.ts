import { HttpError } from 'react-admin';
import { CSRF_COOKIE, readCookie } from '../auth/cookies';
import { currentLocale, i18nProvider } from '../i18n/i18nProvider';
import { API_URL } from './dataProvider';

export interface ImportRowError {
  row: number;
  column?: string;
  message: string;
}

/** What `POST /api/imports/<what>` answers, with or without errors (SPEC §7). */
export interface ImportReport {
  dryRun: boolean;
  dialect?: 'es' | 'rfc4180';
  encoding?: string;
  total: number;
  valid: number;
  invalid: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportRowError[];
  errorsTruncated?: boolean;
  errorCount?: number;
  /** The server's summary when some rows are wrong. */
  message?: string;
}

export type UploadProgress = { phase: 'uploading'; fraction: number } | { phase: 'processing' };

const isReport = (body: unknown): body is ImportReport =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as ImportReport).total === 'number' &&
  Array.isArray((body as ImportReport).errors);

/**
 * Sends a CSV file as the request body. XMLHttpRequest rather than fetch because
 * it reports the upload's progress. A report comes back both when the file is
 * clean (200) and when rows are wrong (400, nothing written); anything else (a
 * bad header, a file too large, no session) rejects with the server's message.
 */
export function uploadImport(
  what: 'customers',
  file: Blob,
  dryRun: boolean,
  onProgress: (progress: UploadProgress) => void,
): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_URL}/imports/${what}?dryRun=${dryRun ? 'true' : 'false'}`);
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLocale());
    const token = readCookie(CSRF_COOKIE);
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ phase: 'uploading', fraction: event.loaded / event.total });
    };
    xhr.upload.onload = () => onProgress({ phase: 'processing' });
    xhr.onload = () => {
      const body = xhr.response as unknown;
      if ((xhr.status === 200 || xhr.status === 400) && isReport(body)) return resolve(body);
      const message =
        (body as { message?: string } | null)?.message || i18nProvider.translate('ctacte.errors.server', { status: xhr.status });
      reject(new HttpError(message, xhr.status, body));
    };
    xhr.onerror = () => reject(new HttpError(i18nProvider.translate('ctacte.errors.network'), 0, {}));
    xhr.send(file);
  });
}
