import type { Knex } from 'knex';
import type { Ctx } from '../../http/context';
import { badRequest, conflict } from '../../http/errors';
import { statement } from '../../db/statement';

const claim = statement<'companyId' | 'key' | 'hash'>((db, p) =>
  db.raw('INSERT INTO idempotency_keys (company_id, key, request_hash) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING key', [
    p('companyId'),
    p('key'),
    p('hash'),
  ]),
);

/**
 * Claims an Idempotency-Key for this request inside its transaction; when the key was used
 * before, answers the first request's result (same body) or refuses it (another body).
 */
export async function claimIdempotencyKey(trx: Knex.Transaction, ctx: Ctx, key: string, hash: string) {
  const inserted = await claim(trx, { companyId: ctx.companyId, key, hash });
  if (inserted.length) return undefined;
  // The first request with this key has committed (the insert above waited for it).
  const prior = (await trx('idempotency_keys')
    .where({ companyId: ctx.companyId, key })
    .first('requestHash', 'statusCode', 'response')) as {
    requestHash: string;
    statusCode: number | null;
    response: unknown;
  };
  if (prior.requestHash !== hash)
    throw conflict('IDEMPOTENCY_MISMATCH', {
      es: 'La clave Idempotency-Key ya se usó con otro contenido',
      en: 'The Idempotency-Key was already used with a different body',
    });
  return { status: prior.statusCode ?? 201, body: prior.response as Record<string, unknown> };
}

/** What a posting answers: its status and body, and whether it replays an earlier answer. */
export interface PostResult {
  status: number;
  body: Record<string, unknown>;
  replayed: boolean;
}

/** An Idempotency-Key header, when given, has 1 to 200 characters. */
export function checkIdempotencyKey(key: string | undefined): void {
  if (key !== undefined && (key.length < 1 || key.length > 200))
    throw badRequest('BAD_IDEMPOTENCY_KEY', {
      es: 'Idempotency-Key debe tener entre 1 y 200 caracteres',
      en: 'Idempotency-Key must have 1 to 200 characters',
    });
}
