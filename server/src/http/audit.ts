import type { Knex } from 'knex';
import type { Ctx } from './context';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit event inside the caller's transaction, so it commits with the change. */
export async function audit(
  trx: Knex | Knex.Transaction,
  ctx: Pick<Ctx, 'companyId' | 'user' | 'ip'>,
  entry: AuditEntry,
): Promise<void> {
  await trx('audit_events').insert(auditRow(ctx, entry));
}

/** The row of an audit event, for postings that write it in a statement of their own. */
export function auditRow(ctx: Pick<Ctx, 'companyId' | 'user' | 'ip'>, entry: AuditEntry): Record<string, unknown> {
  return {
    companyId: ctx.companyId,
    userId: ctx.user?.id ?? null,
    username: ctx.user?.username ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    ip: ctx.ip || null,
  };
}
