import type { Knex } from 'knex';
import type { Ctx } from '../server/src/http/context';
import { addDays } from '../server/src/lib/dates';
import { postDocument } from '../server/src/modules/ledger/documents.service';
import { postReceipt } from '../server/src/modules/ledger/receipts.service';

/**
 * One bimonetary customer: a peso account (its history from the demo ledger) that also buys in
 * dollars. Its dollar invoices are class A from an RI company to an RI customer (RG 1415), at the
 * BNA rate of their dates from the rate table, posted and paid through the services as billing and
 * the clerk would, so the demo passes every rule of the intake and of receipts.
 */
export async function seedDemoBimonetary(trx: Knex.Transaction, clerk: Ctx, today: string): Promise<{ code: string }> {
  const customer = (await trx('customers')
    .where({ companyId: clerk.companyId, currency: 'ARS', status: 'active', ivaCondition: 1, taxIdType: 'CUIT' })
    .orderBy('id', 'desc')
    .first('id', 'code')) as { id: number; code: string } | undefined;
  if (!customer) throw new Error('The demo has no active RI customer to make bimonetary');
  await trx('customers').where({ id: customer.id }).update({ bimonetary: true });
  // The due date is the customer's payment term's, as for every demo invoice (SPEC §5's default); both
  // are issued inside the statement's default three months, so its dollar page lists them.
  const invoice = (number: number, issued: number, total: string) =>
    postDocument(clerk, {
      customerId: customer.id,
      type: 'FAC',
      letter: 'A',
      pointOfSale: 6,
      number,
      issueDate: addDays(today, issued),
      currency: 'USD',
      total,
      notes: 'Venta en dólares (equipos importados)',
    }) as Promise<{ id: number }>;
  const overdue = await invoice(1, -75, '4850.00');
  await invoice(2, -12, '2300.00');
  await postReceipt(clerk, {
    customerId: customer.id,
    issueDate: addDays(today, -5),
    currency: 'USD',
    notes: 'Pago en dólares billete',
    payments: [{ method: 'cash', amount: '1500.00' }],
    applications: [{ documentId: overdue.id, amount: '1500.00' }],
  });
  return { code: customer.code };
}
