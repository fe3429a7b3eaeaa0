import type { Knex } from 'knex';

export interface Discrepancy {
  invariant: 1 | 2 | 3;
  companyId: number;
  subject: string;
  detail: string;
}

/**
 * SPEC §5 invariants 1–3 recomputed from the raw rows: open amounts against
 * applications, customer balances both ways, and unique gapless numbering of the
 * series numbered here. Read-only; returns what does not add up.
 */
export async function verifyLedger(db: Knex | Knex.Transaction, companyId?: number): Promise<Discrepancy[]> {
  const scope = companyId ? 'AND d.company_id = ' + Number(companyId) : '';
  const found: Discrepancy[] = [];

  const openRows = (
    await db.raw(`
      WITH active AS (
        SELECT credit_document_id AS document_id, amount FROM applications WHERE reversed_at IS NULL
        UNION ALL
        SELECT debit_document_id, amount FROM applications WHERE reversed_at IS NULL
      ), applied AS (SELECT document_id, sum(amount) AS amount FROM active GROUP BY document_id)
      SELECT d.company_id, d.id, d.display_number, d.status, d.total, d.open_amount, coalesce(a.amount, 0) AS applied
        FROM documents d LEFT JOIN applied a ON a.document_id = d.id
       WHERE (d.open_amount < 0 OR d.open_amount > d.total OR d.open_amount <> d.total - coalesce(a.amount, 0)
              OR (d.status <> 'posted' AND coalesce(a.amount, 0) <> 0)) ${scope}
       ORDER BY d.id`)
  ).rows as Array<{
    companyId: number;
    id: number;
    displayNumber: string;
    status: string;
    total: string;
    openAmount: string;
    applied: string;
  }>;
  for (const r of openRows)
    found.push({
      invariant: 1,
      companyId: r.companyId,
      subject: `document ${r.id} ${r.displayNumber}`,
      detail: `status ${r.status}, total ${r.total}, open ${r.openAmount}, active applications ${r.applied}`,
    });

  const crossRows = (
    await db.raw(`
      SELECT a.company_id, a.id, a.customer_id, cd.customer_id AS credit_customer, dd.customer_id AS debit_customer, cd.sign AS credit_sign, dd.sign AS debit_sign
        FROM applications a JOIN documents cd ON cd.id = a.credit_document_id JOIN documents dd ON dd.id = a.debit_document_id
       WHERE a.reversed_at IS NULL AND (cd.customer_id <> a.customer_id OR dd.customer_id <> a.customer_id OR cd.sign <> -1 OR dd.sign <> 1)
       ${companyId ? 'AND a.company_id = ' + Number(companyId) : ''}`)
  ).rows as Array<{ companyId: number; id: number }>;
  for (const r of crossRows)
    found.push({
      invariant: 1,
      companyId: r.companyId,
      subject: `application ${r.id}`,
      detail: 'joins documents of different customers or of the wrong sides',
    });

  const balanceRows = (
    await db.raw(`
      SELECT c.company_id, c.id, c.code, c.balance,
             coalesce(s.by_totals, 0) AS by_totals, coalesce(s.by_open, 0) AS by_open
        FROM customers c
        LEFT JOIN (
          SELECT d.customer_id, sum(d.sign * d.total) AS by_totals, sum(d.sign * d.open_amount) AS by_open
            FROM documents d WHERE d.status = 'posted' ${scope} GROUP BY d.customer_id
        ) s ON s.customer_id = c.id
       WHERE (c.balance <> coalesce(s.by_totals, 0) OR coalesce(s.by_totals, 0) <> coalesce(s.by_open, 0))
       ${companyId ? 'AND c.company_id = ' + Number(companyId) : ''}`)
  ).rows as Array<{ companyId: number; id: number; code: string; balance: string; byTotals: string; byOpen: string }>;
  for (const r of balanceRows)
    found.push({
      invariant: 2,
      companyId: r.companyId,
      subject: `customer ${r.id} ${r.code}`,
      detail: `stored balance ${r.balance}, Σ debit − Σ credit totals ${r.byTotals}, Σ debit − Σ credit open ${r.byOpen}`,
    });

  const duplicateRows = (
    await db.raw(`
      SELECT company_id, type, letter, point_of_sale, number, count(*) AS n FROM documents d WHERE true ${scope}
       GROUP BY company_id, type, letter, point_of_sale, number HAVING count(*) > 1`)
  ).rows as Array<{ companyId: number; type: string; letter: string; pointOfSale: number; number: number; n: number }>;
  for (const r of duplicateRows)
    found.push({
      invariant: 3,
      companyId: r.companyId,
      subject: `${r.type} ${r.letter} ${r.pointOfSale}-${r.number}`,
      detail: `${r.n} documents share it`,
    });

  // Series numbered here: receipts, adjustments and the debit notes of rejected values (letter X).
  const gapRows = (
    await db.raw(`
      SELECT s.company_id, s.type, s.point_of_sale, s.n, s.first, s.last, c.last_number
        FROM (
          SELECT company_id, type, point_of_sale, count(*) AS n, min(number) AS first, max(number) AS last
            FROM documents d WHERE letter = 'X' ${scope}
           GROUP BY company_id, type, point_of_sale
        ) s
        LEFT JOIN document_counters c ON c.company_id = s.company_id AND c.type = s.type AND c.point_of_sale = s.point_of_sale
       WHERE s.n <> s.last - s.first + 1 OR c.last_number IS DISTINCT FROM s.last`)
  ).rows as Array<{
    companyId: number;
    type: string;
    pointOfSale: number;
    n: number;
    first: number;
    last: number;
    lastNumber: number | null;
  }>;
  for (const r of gapRows)
    found.push({
      invariant: 3,
      companyId: r.companyId,
      subject: `${r.type} X point of sale ${r.pointOfSale}`,
      detail: `${r.n} documents numbered ${r.first}..${r.last}, counter at ${r.lastNumber ?? 'none'}`,
    });
  return found;
}
