import express, { type RequestHandler } from 'express';
import { AppError } from './errors';
import { assertCleanInput, jsonKeysExceed, MAX_INPUT_KEYS, tooManyKeys } from './validate';

/**
 * Body limits by path: endpoints that answer before a session exists (login)
 * or carry a few fields get a small limit, so an anonymous client cannot make
 * the server parse megabytes; everything else the general one.
 */
const SMALL_BODIES: Array<[RegExp, string]> = [[/^\/auth\//, '4kb']];
const DEFAULT_LIMIT = '2mb';

const parsers = new Map<string, RequestHandler>();
const parserFor = (limit: string) => {
  let parser = parsers.get(limit);
  if (!parser)
    parsers.set(
      limit,
      (parser = express.json({
        limit,
        strict: false,
        // A key flood is refused from the raw bytes: parsing 100,000 keys alone costs a tenth of a second.
        verify: (_req, _res, raw) => {
          if (jsonKeysExceed(raw, MAX_INPUT_KEYS)) throw tooManyKeys();
        },
      })),
    );
  return parser;
};

const notObject = () =>
  new AppError(400, 'VALIDATION', { es: 'El cuerpo debe ser un objeto JSON', en: 'The body must be a JSON object' }, [
    { path: 'body', message: { es: 'debe ser un objeto JSON', en: 'must be a JSON object' } },
  ]);

/** JSON is UTF-8 (RFC 8259 §8.1): any other declared charset is refused before parsing. */
function charsetOf(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m?.[1].toLowerCase();
}

/** Parses JSON bodies: UTF-8 only (415) and a size limit by path (413). */
export function parseBody(): RequestHandler {
  return (req, _res, next) => {
    const charset = charsetOf(req.headers['content-type']);
    if (charset && charset !== 'utf-8' && charset !== 'utf8' && req.is('json'))
      throw new AppError(415, 'UNSUPPORTED', {
        es: `Codificación no soportada (${charset.slice(0, 30)}): use UTF-8`,
        en: `Unsupported encoding (${charset.slice(0, 30)}): use UTF-8`,
      });
    const limit = SMALL_BODIES.find(([re]) => re.test(req.path))?.[1] ?? DEFAULT_LIMIT;
    parserFor(limit)(req, _res, next);
  };
}

/**
 * Checks the parsed input before any route reads it (after the session check, so
 * an anonymous client still gets 401 first): a JSON object whenever a JSON body
 * is sent or a PUT/PATCH needs one (400), and no control characters,
 * prototype-named keys or key floods anywhere in it or in the query parameters
 * (see `assertCleanInput`).
 */
export const checkInput: RequestHandler = (req, _res, next) => {
  for (const [name, value] of Object.entries(req.query as Record<string, unknown>)) assertCleanInput(value, name);
  const json = req.is('json');
  // A JSON body is an object, or an array where a POST takes a batch (applications); a PUT/PATCH an object.
  const editing = req.method === 'PUT' || req.method === 'PATCH';
  if (json && (typeof req.body !== 'object' || req.body === null || (Array.isArray(req.body) && editing))) throw notObject();
  if (editing && !json && !req.is('text/csv')) throw notObject();
  if (json) assertCleanInput(req.body);
  next();
};
