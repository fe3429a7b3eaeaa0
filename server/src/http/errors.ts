import type { ErrorRequestHandler, Request } from 'express';
import { langOf, type Lang, type Translated } from './i18n';
import { log } from '../lib/log';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

export interface ErrorDetail {
  path: string;
  message: string;
}

type Message = Translated | string;

/** An operational error: the client did something the rules do not allow. */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    public readonly text: Message,
    public readonly details: Array<{ path: string; message: Message }> = [],
    public readonly headers: Record<string, string> = {},
  ) {
    super(typeof text === 'string' ? text : text.en);
    this.name = 'AppError';
  }
}

const pick = (m: Message, lang: Lang) => (typeof m === 'string' ? m : m[lang]);

export const badRequest = (code: string, text: Message, details?: AppError['details']) => new AppError(400, code, text, details);
export const forbidden = (text: Message = { es: 'No tiene permiso para esta acción', en: 'You are not allowed to do this' }) =>
  new AppError(403, 'FORBIDDEN', text);
export const notFound = (what: Message = { es: 'No encontrado', en: 'Not found' }) => new AppError(404, 'NOT_FOUND', what);
export const conflict = (code: string, text: Message, details?: AppError['details']) => new AppError(409, code, text, details);
export const unauthorized = () => new AppError(401, 'UNAUTHORIZED', { es: 'Debe iniciar sesión', en: 'You must log in' });

/** Messages for named constraints, so a database refusal reads like the rule it enforces. */
const constraintMessages = new Map<string, { path?: string; status?: number; code?: string; text: Translated }>();

export function registerConstraint(
  name: string,
  entry: { path?: string; status?: number; code?: string; text: Translated },
): void {
  constraintMessages.set(name, entry);
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

interface PgError extends Error {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
  table?: string;
}

export function isPgError(err: unknown): err is PgError {
  return err instanceof Error && typeof (err as PgError).code === 'string' && /^[0-9A-Z]{5}$/.test((err as PgError).code!);
}

/** Key (company_id, lower((code)::text))=(1, abc) → ['code'] */
function keyColumns(detail: string | undefined): string[] {
  const m = /Key \((.+?)\)=/.exec(detail ?? '');
  if (!m) return [];
  return m[1]
    .split(',')
    .map((c) =>
      c
        .trim()
        .replace(/^lower\(\(?|\)?(::\w+)?\)$/g, '')
        .replace(/[()]/g, '')
        .replace(/::\w+/g, ''),
    )
    .filter((c) => c && c !== 'company_id')
    .map(camel);
}

/** Maps a database error to the API's error, or undefined when it is a real fault. */
export function fromPgError(err: PgError, op?: 'update' | 'delete'): AppError | undefined {
  const named = err.constraint ? constraintMessages.get(err.constraint) : undefined;
  const details = (path: string | undefined, text: Translated) => (path ? [{ path, message: text }] : []);
  switch (err.code) {
    case '23505': {
      if (named) return new AppError(named.status ?? 409, named.code ?? 'DUPLICATE', named.text, details(named.path, named.text));
      const cols = keyColumns(err.detail);
      const text = {
        es: `Ya existe un registro con el mismo valor de ${cols.join(', ') || 'clave'}`,
        en: `A record with the same ${cols.join(', ') || 'key'} already exists`,
      };
      return new AppError(409, 'DUPLICATE', text, details(cols[cols.length - 1], text));
    }
    case '23503': {
      if (named) return new AppError(named.status ?? 400, named.code ?? 'REFERENCE', named.text, details(named.path, named.text));
      if (/still referenced/.test(err.detail ?? '')) {
        const table = /from table "(\w+)"/.exec(err.detail ?? '')?.[1] ?? '';
        return new AppError(
          409,
          'IN_USE',
          op === 'update'
            ? {
                es: `No se puede modificar: el registro está en uso (${table})`,
                en: `Cannot change: the record is in use (${table})`,
              }
            : {
                es: `No se puede eliminar: el registro está en uso (${table})`,
                en: `Cannot delete: the record is in use (${table})`,
              },
        );
      }
      const cols = keyColumns(err.detail);
      const field = cols[0];
      const text = {
        es: `${field ?? 'referencia'}: el registro referido no existe`,
        en: `${field ?? 'reference'}: the referenced record does not exist`,
      };
      return new AppError(400, 'REFERENCE_NOT_FOUND', text, details(field, text));
    }
    case '23514': {
      if (named) return new AppError(named.status ?? 400, named.code ?? 'CHECK', named.text, details(named.path, named.text));
      return new AppError(400, 'CHECK_FAILED', {
        es: `Valor no permitido (${err.constraint ?? 'restricción'})`,
        en: `Value not allowed (${err.constraint ?? 'constraint'})`,
      });
    }
    case '23502': {
      const path = err.column ? camel(err.column) : undefined;
      const text = { es: `${path ?? 'campo'} es obligatorio`, en: `${path ?? 'field'} is required` };
      return new AppError(400, 'REQUIRED', text, details(path, text));
    }
    // NUL in text (22021) or an untranslatable character (22P05): input the validators
    // refuse first; this is the backstop for any path that reaches SQL without them.
    case '22021':
    case '22P05':
      return new AppError(400, 'INVALID_TEXT', {
        es: 'Un texto contiene un carácter no permitido',
        en: 'A text contains a character that is not allowed',
      });
    case '22001':
      return new AppError(400, 'TOO_LONG', { es: 'Un texto excede el largo permitido', en: 'A text is too long' });
    case '22003':
      return new AppError(400, 'OUT_OF_RANGE', { es: 'Un número está fuera de rango', en: 'A number is out of range' });
    case '22P02':
    case '22007':
    case '22008':
      return new AppError(400, 'INVALID_VALUE', {
        es: 'Un valor tiene un formato no válido',
        en: 'A value has an invalid format',
      });
    case '40001':
    case '40P01':
    case '55P03':
      return new AppError(409, 'CONCURRENT_UPDATE', {
        es: 'Otro usuario modificó los mismos datos al mismo tiempo; reintente',
        en: 'Someone else changed the same data at the same time; try again',
      });
    default:
      return undefined;
  }
}

export function toResponse(err: AppError, lang: Lang) {
  const details = err.details.map((d) => ({ path: d.path, message: pick(d.message, lang) }));
  const errors: Record<string, string> = {};
  for (const d of details) if (d.path && !(d.path in errors)) errors[d.path] = d.message;
  return { message: pick(err.text, lang), code: err.code, details, errors };
}

/** Seconds a client is told to wait while the database is unreachable. */
export const DB_RETRY_AFTER_SECONDS = 5;

const UNREACHABLE_CODES = new Set([
  // Node socket errors
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // PostgreSQL: connection exceptions, shutdown and start-up
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const UNREACHABLE_MESSAGES =
  /Connection terminated|is not queryable|Timeout acquiring a connection|terminating connection|Connection ended unexpectedly|ECONNRESET|ECONNREFUSED|the database system is (starting up|shutting down|in recovery mode)|timeout exceeded when trying to connect/i;

/** Whether an error means "the database cannot be reached now", as opposed to a fault in a query. */
export function isDbUnavailable(err: unknown): boolean {
  // Duck-typed: socket errors may come from another realm, where `instanceof Error` fails.
  if (typeof err !== 'object' || err === null) return false;
  const { code, errors, message } = err as { code?: unknown; errors?: unknown; message?: unknown };
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
  if (Array.isArray(errors) && errors.some(isDbUnavailable)) return true;
  return typeof message === 'string' && UNREACHABLE_MESSAGES.test(message);
}

export const dbUnavailable = () =>
  new AppError(
    503,
    'DB_UNAVAILABLE',
    {
      es: 'La base de datos no está disponible en este momento; reintente en unos segundos',
      en: 'The database is not available right now; try again in a few seconds',
    },
    [],
    { 'Retry-After': String(DB_RETRY_AFTER_SECONDS) },
  );

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

export const errorHandler: ErrorRequestHandler = (err: unknown, req: Request, res, _next) => {
  void _next;
  const lang = langOf(req);
  let appError: AppError | undefined;
  if (err instanceof AppError) appError = err;
  else if (isDbUnavailable(err)) {
    appError = dbUnavailable();
    (req.app.locals.onDbUnavailable as (() => void) | undefined)?.();
  } else if (isPgError(err))
    appError = fromPgError(
      err,
      req.method === 'DELETE' ? 'delete' : req.method === 'PUT' || req.method === 'PATCH' ? 'update' : undefined,
    );
  else if (err instanceof Error && (err as BodyParserError).type) {
    const type = (err as BodyParserError).type;
    if (type === 'entity.parse.failed')
      appError = new AppError(400, 'BAD_JSON', { es: 'El cuerpo no es JSON válido', en: 'The body is not valid JSON' });
    else if (type === 'entity.too.large')
      appError = new AppError(413, 'TOO_LARGE', {
        es: 'El cuerpo de la solicitud es demasiado grande',
        en: 'The request body is too large',
      });
    else if (type === 'encoding.unsupported' || type === 'charset.unsupported')
      appError = new AppError(415, 'UNSUPPORTED', { es: 'Codificación no soportada', en: 'Unsupported encoding' });
    else if ((err as BodyParserError).status && (err as BodyParserError).status! < 500)
      appError = new AppError((err as BodyParserError).status!, 'BAD_REQUEST', { es: 'Solicitud inválida', en: 'Bad request' });
  }
  if (!appError) {
    log.error('unhandled error', {
      method: req.method,
      path: req.originalUrl,
      error: err instanceof Error ? err.message : String(err),
      stack: err instanceof Error ? err.stack : undefined,
    });
    appError = new AppError(500, 'INTERNAL', { es: 'Error interno del servidor', en: 'Internal server error' });
  }
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const [k, v] of Object.entries(appError.headers)) res.setHeader(k, v);
  res.status(appError.status).json(toResponse(appError, lang));
};

/**
 * What Node's HTTP parser refuses before Express sees it (a URL or headers past the
 * size limit: 431; a malformed request line: 400) answers the SPEC's error JSON too,
 * in Spanish (no Accept-Language has been read yet), instead of an empty body.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node's own handler: nothing is written on a socket whose answer has begun (or that is gone).
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify({
      message: tooLarge ? 'La dirección o los encabezados del pedido son demasiado largos' : 'El pedido HTTP está mal formado',
      code: tooLarge ? 'HEADERS_TOO_LARGE' : 'BAD_REQUEST',
      details: [],
      errors: {},
    });
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
