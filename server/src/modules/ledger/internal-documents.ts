import type { Knex } from 'knex';
import type { Ctx } from '../../http/context';
import { takeNumber, type CompanySettings } from './posting';

/** Why an internal debit or credit note was posted here; ledger:verify follows each to its cause. */
export type InternalOrigin = 'rejection' | 'surcharge' | 'interest' | 'fx_diff';

export interface InternalDocumentInput {
  customerId: number;
  type: 'ND' | 'NC';
  issueDate: string;
  currency: string;
  total: string;
  origin: InternalOrigin;
  notes: string;
  reason?: string | null;
  exchangeRate?: string | null;
}

/**
 * The one way an internal note is posted: a rejected value's face value and charges, a card
 * plan's financing surcharge, late-payment interest, an exchange difference.
 * An internal debit or credit note (letter X: not a fiscal document, SPEC §5) posted here
 * and numbered from the gapless counter of its type at the company's default point of sale,
 * due the day it is issued. The caller holds the customer's lock and recomputes its figures.
 */
export async function postInternalDocument(
  trx: Knex.Transaction,
  ctx: Ctx,
  settings: CompanySettings,
  input: InternalDocumentInput,
): Promise<{ id: number; displayNumber: string; type: string; total: string; currency: string }> {
  const pointOfSale = settings.defaultReceiptPointOfSale;
  const number = await takeNumber(trx, ctx.companyId, input.type, pointOfSale);
  const [row] = (await trx('documents')
    .insert({
      companyId: ctx.companyId,
      customerId: input.customerId,
      type: input.type,
      letter: 'X',
      pointOfSale,
      number,
      issueDate: input.issueDate,
      dueDate: input.issueDate,
      currency: input.currency,
      exchangeRate: input.exchangeRate ?? null,
      total: input.total,
      openAmount: input.total,
      status: 'posted',
      notes: input.notes,
      reason: input.reason ?? null,
      origin: input.origin,
      createdBy: ctx.user.id,
    })
    .returning(['id', 'displayNumber', 'type', 'total', 'currency'])) as Array<{
    id: number;
    displayNumber: string;
    type: string;
    total: string;
    currency: string;
  }>;
  return { ...row, id: Number(row.id) };
}
