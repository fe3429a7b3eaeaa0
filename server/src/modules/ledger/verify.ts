import type { Knex } from 'knex';
import { today } from '../../lib/dates';
import { ACCOUNT_CURRENCIES as CURRENCIES } from '../../lib/argentina';

/** `USD` → `Usd`: how a per-currency column reads once camel-cased. */
const camel = (cur: string) => `${cur[0]}${cur.slice(1).toLowerCase()}`;

export interface Discrepancy {
  invariant: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
  companyId: number;
  subject: string;
  detail: string;
}

/**
 * SPEC §5 invariants 1–3 recomputed from the raw rows: open amounts against
 * applications, customer balances both ways, and unique gapless numbering of the
 * series numbered here; and ctacte's own: 4, the customer's other stored figures
 * (overdue, oldest open due date, last sale and last receipt dates), 5, a
 * receipt's total is its live payments (a line replaced after its ECHEQ was repudiated
 * no longer counts) plus its withholdings, and 6, every value is in exactly one live
 * state: the one its transitions lead to, one after the other from where it came in,
 * a rejected one with its debit note, and the value of a replaced line repudiated;
 * 7, a deposit slip's total and count are its values', all in its currency; 8, every settled
 * card coupon's net + fee + IVA on the fee + withholdings equals its settled gross, and each
 * settlement's figures are its coupons'. Invariant 5 counts a card line's surcharge, which the
 * receipt pays through its debit note.
 * 9, no fiscal document (a letter other than X, or a CAE) is cancelled: ARCA's documents are
 * reversed by a credit note (RG 1415), and fiscal numbers are unique per ARCA code (invariant 3).
 * 10, every internal note posted for a cause links to it: an interest ND is the sum of its charges
 * on the same customer's debits, whose charged stretches never overlap, and an exchange-difference
 * ND/NC is its one difference on an application of that customer (and no charge or difference
 * points at a document of another origin). A request to billing is held the same way: a fulfilled one
 * names a document of its customer, type and total linked to its cause (the NC applied to the
 * invoice, the difference on its application, the interest charges); a pending interest request holds
 * charges adding up to its total, a cancelled one none.
 * Read-only; returns what does not add up.
 */
export async function verifyLedger(db: Knex | Knex.Transaction, companyId?: number): Promise<Discrepancy[]> {
  const scope = companyId ? 'AND d.company_id = ' + Number(companyId) : '';
  const found: Discrepancy[] = [];

  const openRows = (
    await db.raw(`
      WITH active AS (
        SELECT company_id, credit_document_id AS document_id, amount FROM applications WHERE reversed_at IS NULL
        UNION ALL
        SELECT company_id, debit_document_id, amount FROM applications WHERE reversed_at IS NULL
      ), applied AS (SELECT company_id, document_id, sum(amount) AS amount FROM active GROUP BY company_id, document_id)
      SELECT d.company_id, d.id, d.display_number, d.status, d.total, d.open_amount, coalesce(a.amount, 0) AS applied
        FROM documents d LEFT JOIN applied a ON a.company_id = d.company_id AND a.document_id = d.id
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
        FROM applications a
        JOIN documents cd ON cd.company_id = a.company_id AND cd.id = a.credit_document_id
        JOIN documents dd ON dd.company_id = a.company_id AND dd.id = a.debit_document_id
       WHERE a.reversed_at IS NULL AND (cd.customer_id <> a.customer_id OR dd.customer_id <> a.customer_id OR cd.sign <> -1 OR dd.sign <> 1
                                        OR cd.currency <> dd.currency)
       ${companyId ? 'AND a.company_id = ' + Number(companyId) : ''}`)
  ).rows as Array<{ companyId: number; id: number }>;
  for (const r of crossRows)
    found.push({
      invariant: 1,
      companyId: r.companyId,
      subject: `application ${r.id}`,
      detail: 'joins documents of different customers or currencies, or of the wrong sides',
    });

  // Each ledger (ARS, USD) on its own: the stored figure of each currency, the account's `balance`, and no
  // document outside the account's currency unless the customer is bimonetary.
  const perCurrency = (f: (cur: string, p: string) => string) => CURRENCIES.map((cur) => f(cur, cur.toLowerCase())).join(', ');
  const balanceRows = (
    await db.raw(`
      SELECT c.company_id, c.id, c.code, c.currency, c.bimonetary, c.balance, ${perCurrency((_, p) => `c.balance_${p}`)},
             ${perCurrency((_, p) => `coalesce(s.${p}_totals, 0) AS ${p}_totals, coalesce(s.${p}_open, 0) AS ${p}_open`)},
             coalesce(s.other_currency, 0) AS other_currency
        FROM customers c
        LEFT JOIN (
          SELECT d.company_id, d.customer_id,
                 ${perCurrency(
                   (cur, p) => `sum(d.sign * d.total) FILTER (WHERE d.currency = '${cur}') AS ${p}_totals,
                 sum(d.sign * d.open_amount) FILTER (WHERE d.currency = '${cur}') AS ${p}_open`,
                 )},
                 count(*) FILTER (WHERE d.currency <> k.currency) AS other_currency
            FROM documents d JOIN customers k ON k.company_id = d.company_id AND k.id = d.customer_id
           WHERE d.status = 'posted' ${scope} GROUP BY d.company_id, d.customer_id
        ) s ON s.company_id = c.company_id AND s.customer_id = c.id
       WHERE (${CURRENCIES.map((cur) => {
         const p = cur.toLowerCase();
         return `(c.currency = '${cur}' AND c.balance <> coalesce(s.${p}_totals, 0))
              OR c.balance_${p} <> coalesce(s.${p}_totals, 0) OR coalesce(s.${p}_totals, 0) <> coalesce(s.${p}_open, 0)`;
       }).join('\n              OR ')}
              OR (NOT c.bimonetary AND coalesce(s.other_currency, 0) > 0))
       ${companyId ? 'AND c.company_id = ' + Number(companyId) : ''}`)
  ).rows as Array<Record<string, string | number | boolean>>;
  for (const r of balanceRows)
    found.push({
      invariant: 2,
      companyId: r.companyId as number,
      subject: `customer ${r.id} ${r.code}`,
      detail:
        `stored balance ${r.balance} (${r.currency})` +
        CURRENCIES.map((cur) => {
          const p = cur.toLowerCase();
          return `; ${cur}: stored ${r[`balance${camel(cur)}`]}, Σ debit − Σ credit totals ${r[`${p}Totals`]}, Σ debit − Σ credit open ${r[`${p}Open`]}`;
        }).join('') +
        (!r.bimonetary && Number(r.otherCurrency)
          ? `; ${r.otherCurrency} documents outside ${r.currency} and not bimonetary`
          : ''),
    });

  const duplicateRows = (
    await db.raw(`
      SELECT company_id, min(type) AS type, min(letter) AS letter, arca_code, point_of_sale, number, count(*) AS n
        FROM documents d WHERE true ${scope}
       GROUP BY company_id, coalesce(arca_code::text, type || ' ' || letter), arca_code, point_of_sale, number HAVING count(*) > 1`)
  ).rows as Array<{
    companyId: number;
    type: string;
    letter: string;
    arcaCode: number | null;
    pointOfSale: number;
    number: number;
    n: number;
  }>;
  for (const r of duplicateRows)
    found.push({
      invariant: 3,
      companyId: r.companyId,
      subject: `${r.arcaCode ? `ARCA ${r.arcaCode}` : `${r.type} ${r.letter}`} ${r.pointOfSale}-${r.number}`,
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
  // Written here on purpose apart from customers/figures.ts: a check, not a second user of the formula.
  // Overdue moves with the calendar, so it is checked where the company's figures are today's.
  const figureRows = (
    await db.raw(
      `SELECT c.company_id, c.id, c.code, c.currency, c.overdue_balance, c.oldest_open_due_date, c.last_sale_date, c.last_receipt_date,
              ${perCurrency((_, p) => `c.overdue_balance_${p}`)}, co.figures_as_of = :today AS current, x.*
         FROM customers c
         JOIN companies co ON co.id = c.company_id
         CROSS JOIN LATERAL (
           SELECT ${perCurrency(
             (
               cur,
               p,
             ) => `greatest(0, coalesce(sum(d.open_amount) FILTER (WHERE d.currency = '${cur}' AND d.sign = 1 AND d.due_date < :today), 0)
                            - coalesce(sum(d.open_amount) FILTER (WHERE d.currency = '${cur}' AND d.sign = -1), 0)) AS want_overdue_${p}`,
           )},
                  min(d.due_date) FILTER (WHERE d.currency = c.currency AND d.sign = 1 AND d.open_amount > 0) AS want_oldest,
                  max(d.issue_date) FILTER (WHERE d.type = 'FAC') AS want_sale,
                  max(d.issue_date) FILTER (WHERE d.type = 'REC') AS want_receipt
             FROM documents d WHERE d.company_id = c.company_id AND d.customer_id = c.id AND d.status = 'posted'
         ) x
        WHERE (c.oldest_open_due_date IS DISTINCT FROM x.want_oldest
               OR c.last_sale_date IS DISTINCT FROM x.want_sale
               OR c.last_receipt_date IS DISTINCT FROM x.want_receipt
               OR (co.figures_as_of = :today AND (${CURRENCIES.map((cur) => {
                 const p = cur.toLowerCase();
                 return `(c.currency = '${cur}' AND c.overdue_balance <> x.want_overdue_${p}) OR c.overdue_balance_${p} <> x.want_overdue_${p}`;
               }).join(' OR ')})))
        ${companyId ? 'AND c.company_id = ' + Number(companyId) : ''}
        ORDER BY c.id`,
      { today: today() },
    )
  ).rows as Array<Record<string, string | number | boolean | null>>;
  for (const r of figureRows) {
    const pairs: Array<[string, unknown, unknown]> = [
      ['oldest open due date', r.oldestOpenDueDate, r.wantOldest],
      ['last sale', r.lastSaleDate, r.wantSale],
      ['last receipt', r.lastReceiptDate, r.wantReceipt],
    ];
    if (r.current) {
      pairs.push(['overdue', r.overdueBalance, r[`wantOverdue${camel(String(r.currency))}`]]);
      for (const cur of CURRENCIES)
        pairs.push([`overdue ${cur}`, r[`overdueBalance${camel(cur)}`], r[`wantOverdue${camel(cur)}`]]);
    }
    found.push({
      invariant: 4,
      companyId: r.companyId as number,
      subject: `customer ${r.id} ${r.code}`,
      detail: pairs
        .filter(([, stored, want]) => String(stored) !== String(want))
        .map(([what, stored, want]) => `${what} stored ${stored ?? 'none'}, from the documents ${want ?? 'none'}`)
        .join('; '),
    });
  }

  const receiptRows = (
    await db.raw(`
      SELECT d.company_id, d.id, d.display_number, d.total, coalesce(p.amount, 0) + coalesce(s.amount, 0) AS payments,
             coalesce(w.amount, 0) AS withholdings
        FROM documents d
        LEFT JOIN (SELECT company_id, document_id, sum(account_amount) AS amount FROM receipt_payments WHERE replaced_by_line IS NULL
                    GROUP BY company_id, document_id) p ON p.company_id = d.company_id AND p.document_id = d.id
        LEFT JOIN (SELECT company_id, document_id, sum(amount) AS amount FROM receipt_withholdings
                    GROUP BY company_id, document_id) w ON w.company_id = d.company_id AND w.document_id = d.id
        LEFT JOIN (SELECT cc.company_id, cc.receipt_id, sum(nd.total) AS amount
                     FROM card_coupons cc JOIN documents nd ON nd.company_id = cc.company_id AND nd.id = cc.surcharge_document_id
                    GROUP BY cc.company_id, cc.receipt_id) s ON s.company_id = d.company_id AND s.receipt_id = d.id
       WHERE d.type = 'REC' AND d.status <> 'voided'
         AND d.total <> coalesce(p.amount, 0) + coalesce(s.amount, 0) + coalesce(w.amount, 0) ${scope}
       ORDER BY d.id`)
  ).rows as Array<{
    companyId: number;
    id: number;
    displayNumber: string;
    total: string;
    payments: string;
    withholdings: string;
  }>;
  for (const r of receiptRows)
    found.push({
      invariant: 5,
      companyId: r.companyId,
      subject: `receipt ${r.id} ${r.displayNumber}`,
      detail: `total ${r.total}, payments ${r.payments} + withholdings ${r.withholdings}`,
    });

  const vscope = companyId ? 'AND v.company_id = ' + Number(companyId) : '';
  const valueRows = (
    await db.raw(`
      WITH moves AS (
        SELECT t.company_id, t.value_id, t.from_state, t.to_state,
               lag(t.to_state) OVER (PARTITION BY t.company_id, t.value_id ORDER BY t.id) AS previous,
               row_number() OVER (PARTITION BY t.company_id, t.value_id ORDER BY t.id DESC) AS from_last
          FROM value_transitions t
      ), chain AS (
        SELECT company_id, value_id,
               bool_or(previous IS NOT NULL AND from_state <> previous) AS broken,
               bool_or(previous IS NULL AND from_state NOT IN ('in_portfolio', 'pending_acceptance')) AS bad_start,
               max(to_state) FILTER (WHERE from_last = 1) AS last_state
          FROM moves GROUP BY company_id, value_id
      )
      SELECT v.company_id, v.id, v.number, v.state, c.broken, c.bad_start, c.last_state,
             v.rejection_document_id, p.replaced_by_line
        FROM "values" v
        JOIN receipt_payments p ON p.company_id = v.company_id AND p.id = v.payment_id
        LEFT JOIN chain c ON c.company_id = v.company_id AND c.value_id = v.id
       WHERE (coalesce(c.last_state, CASE WHEN v.kind = 'echeq' AND v.state IN ('pending_acceptance', 'in_portfolio') THEN v.state
                                          WHEN v.state = 'in_portfolio' THEN v.state END) IS DISTINCT FROM v.state
              OR c.broken OR c.bad_start
              OR (v.state = 'rejected') <> (v.rejection_document_id IS NOT NULL)
              OR (p.replaced_by_line IS NOT NULL AND v.state <> 'repudiated')) ${vscope}
       ORDER BY v.id`)
  ).rows as Array<{
    companyId: number;
    id: number;
    number: string;
    state: string;
    broken: boolean | null;
    badStart: boolean | null;
    lastState: string | null;
    rejectionDocumentId: number | null;
    replacedByLine: number | null;
  }>;
  for (const r of valueRows)
    found.push({
      invariant: 6,
      companyId: r.companyId,
      subject: `value ${r.id} #${r.number}`,
      detail: [
        `state ${r.state}, its transitions lead to ${r.lastState ?? '(none)'}`,
        r.broken ? 'a transition does not start where the previous one ended' : null,
        r.badStart ? 'its first transition does not start where a value comes in' : null,
        r.state === 'rejected' && !r.rejectionDocumentId ? 'rejected without its debit note' : null,
        r.state !== 'rejected' && r.rejectionDocumentId ? `a debit note for rejection while ${r.state}` : null,
        r.replacedByLine ? `its line was replaced by line ${r.replacedByLine}` : null,
      ]
        .filter(Boolean)
        .join('; '),
    });

  const sscope = companyId ? 'AND s.company_id = ' + Number(companyId) : '';
  const slipRows = (
    await db.raw(`
      SELECT s.company_id, s.id, s.total, s.value_count, s.currency,
             coalesce(sum(v.amount), 0) AS values_total, count(v.id) AS values_count,
             count(v.id) FILTER (WHERE v.currency <> s.currency) AS other_currency
        FROM deposit_slips s
        LEFT JOIN "values" v ON v.company_id = s.company_id AND v.deposit_slip_id = s.id
       WHERE true ${sscope}
       GROUP BY s.company_id, s.id
      HAVING s.total <> coalesce(sum(v.amount), 0) OR s.value_count <> count(v.id)
          OR count(v.id) FILTER (WHERE v.currency <> s.currency) > 0
       ORDER BY s.id`)
  ).rows as Array<{
    companyId: number;
    id: number;
    total: string;
    valueCount: number;
    currency: string;
    valuesTotal: string;
    valuesCount: string;
    otherCurrency: string;
  }>;
  for (const r of slipRows)
    found.push({
      invariant: 7,
      companyId: r.companyId,
      subject: `deposit slip ${r.id}`,
      detail:
        `total ${r.total} for ${r.valueCount} values, its values add up to ${r.valuesTotal} in ${r.valuesCount}` +
        (Number(r.otherCurrency) ? `; ${r.otherCurrency} not in ${r.currency}` : ''),
    });

  const cscope = companyId ? 'AND cc.company_id = ' + Number(companyId) : '';
  const couponRows = (
    await db.raw(`
      SELECT cc.company_id, cc.id, cc.coupon_number, cc.settled_gross, cc.settled_net, cc.settled_fee, cc.settled_fee_iva,
             cc.settled_withholdings
        FROM card_coupons cc
       WHERE cc.state = 'settled'
         AND cc.settled_net + cc.settled_fee + cc.settled_fee_iva + cc.settled_withholdings IS DISTINCT FROM cc.settled_gross ${cscope}
       ORDER BY cc.id`)
  ).rows as Array<Record<string, string> & { companyId: number; id: number }>;
  for (const r of couponRows)
    found.push({
      invariant: 8,
      companyId: r.companyId,
      subject: `card coupon ${r.id} #${r.couponNumber}`,
      detail: `settled net ${r.settledNet} + fee ${r.settledFee} + IVA ${r.settledFeeIva} + withholdings ${r.settledWithholdings} is not its gross ${r.settledGross}`,
    });
  const settlementRows = (
    await db.raw(`
      SELECT s.company_id, s.id, s.number, s.gross, s.net, s.coupon_count, coalesce(sum(cc.settled_gross), 0) AS coupons_gross,
             coalesce(sum(cc.settled_net), 0) AS coupons_net, count(cc.id) AS coupons
        FROM card_settlements s
        LEFT JOIN card_coupons cc ON cc.company_id = s.company_id AND cc.settlement_id = s.id
       WHERE true ${sscope}
       GROUP BY s.company_id, s.id
      HAVING s.gross <> coalesce(sum(cc.settled_gross), 0) OR s.net <> coalesce(sum(cc.settled_net), 0)
          OR s.fee <> coalesce(sum(cc.settled_fee), 0) OR s.fee_iva <> coalesce(sum(cc.settled_fee_iva), 0)
          OR s.withholdings <> coalesce(sum(cc.settled_withholdings), 0) OR s.coupon_count <> count(cc.id)
       ORDER BY s.id`)
  ).rows as Array<Record<string, string> & { companyId: number; id: number }>;
  for (const r of settlementRows)
    found.push({
      invariant: 8,
      companyId: r.companyId,
      subject: `card settlement ${r.id} ${r.number}`,
      detail: `gross ${r.gross} and net ${r.net} for ${r.couponCount} coupons; its coupons add up to gross ${r.couponsGross}, net ${r.couponsNet} in ${r.coupons}`,
    });
  const fiscalRows = (
    await db.raw(`
      SELECT d.company_id, d.id, d.display_number, d.cancel_date FROM documents d
       WHERE d.status = 'cancelled' AND (d.letter <> 'X' OR d.cae IS NOT NULL) ${scope}
       ORDER BY d.id`)
  ).rows as Array<{ companyId: number; id: number; displayNumber: string; cancelDate: string }>;
  for (const r of fiscalRows)
    found.push({
      invariant: 9,
      companyId: r.companyId,
      subject: `document ${r.id} ${r.displayNumber}`,
      detail: `a fiscal document cancelled on ${r.cancelDate}: it should have been reversed by a credit note`,
    });
  const iscope = companyId ? 'AND d.company_id = ' + Number(companyId) : '';
  const causeRows = (
    await db.raw(`
      SELECT d.company_id, d.id, d.display_number, d.origin, d.total, 'charges' AS what,
             coalesce(sum(ic.amount), 0)::text AS linked, count(ic.id) FILTER (WHERE ic.customer_id <> d.customer_id OR dd.customer_id <> d.customer_id) AS foreign_rows
        FROM documents d
        LEFT JOIN interest_charges ic ON ic.company_id = d.company_id AND ic.document_id = d.id
        LEFT JOIN documents dd ON dd.company_id = ic.company_id AND dd.id = ic.debit_document_id
       WHERE d.origin = 'interest' ${iscope}
       GROUP BY d.company_id, d.id
      HAVING d.total <> coalesce(sum(ic.amount), 0) OR count(ic.id) = 0
          OR count(ic.id) FILTER (WHERE ic.customer_id <> d.customer_id OR dd.customer_id <> d.customer_id) > 0
      UNION ALL
      SELECT d.company_id, d.id, d.display_number, d.origin, d.total, 'difference',
             coalesce(sum(x.amount), 0)::text, count(x.id) FILTER (WHERE x.customer_id <> d.customer_id OR a.customer_id <> d.customer_id)
        FROM documents d
        LEFT JOIN exchange_differences x ON x.company_id = d.company_id AND x.document_id = d.id
        LEFT JOIN applications a ON a.company_id = x.company_id AND a.id = x.application_id
       WHERE d.origin = 'fx_diff' ${iscope}
       GROUP BY d.company_id, d.id
      HAVING count(x.id) <> 1 OR d.total <> coalesce(sum(x.amount), 0)
          OR count(x.id) FILTER (WHERE x.customer_id <> d.customer_id OR a.customer_id <> d.customer_id) > 0
      UNION ALL
      SELECT d.company_id, d.id, d.display_number, d.origin, d.total, 'stray', ic.id::text, 0
        FROM interest_charges ic JOIN documents d ON d.company_id = ic.company_id AND d.id = ic.document_id
       WHERE d.origin <> 'interest' ${iscope}
      UNION ALL
      SELECT d.company_id, d.id, d.display_number, d.origin, d.total, 'stray', x.id::text, 0
        FROM exchange_differences x JOIN documents d ON d.company_id = x.company_id AND d.id = x.document_id
       WHERE d.origin <> 'fx_diff' ${iscope}
      UNION ALL
      SELECT d.company_id, d.id, d.display_number, 'charged', 0, 'overlap', a.id || '/' || b.id, 0
        FROM interest_charges a
        JOIN interest_charges b ON b.company_id = a.company_id AND b.debit_document_id = a.debit_document_id AND b.id > a.id
                               AND daterange(a.from_date, a.to_date) && daterange(b.from_date, b.to_date)
        JOIN documents d ON d.company_id = a.company_id AND d.id = a.debit_document_id
       WHERE true ${iscope}
       ORDER BY 2`)
  ).rows as Array<{
    companyId: number;
    id: number;
    displayNumber: string;
    origin: string;
    total: string;
    what: string;
    linked: string;
    foreignRows: string;
  }>;
  for (const r of causeRows)
    found.push({
      invariant: 10,
      companyId: r.companyId,
      subject: `document ${r.id} ${r.displayNumber}`,
      detail:
        r.what === 'stray'
          ? `a ${r.origin} document is named as the note of a charge or difference (${r.linked})`
          : r.what === 'overlap'
            ? `interest charges ${r.linked} charge the same days twice`
            : `${r.origin} total ${r.total}, its ${r.what} add up to ${r.linked}` +
              (Number(r.foreignRows) ? `; ${r.foreignRows} of another customer` : ''),
    });
  const rscope = companyId ? 'AND br.company_id = ' + Number(companyId) : '';
  const requestRows = (
    await db.raw(`
      SELECT br.company_id, br.id, br.cause, br.state, br.total::text AS total, br.document_id,
             (SELECT coalesce(sum(ic.amount), 0.00)::numeric(15,2)::text FROM interest_charges ic
               WHERE ic.company_id = br.company_id AND ic.billing_request_id = br.id AND ic.document_id IS NULL) AS held
        FROM billing_requests br
        LEFT JOIN documents d ON d.company_id = br.company_id AND d.id = br.document_id
       WHERE true ${rscope}
         AND CASE br.state
               WHEN 'fulfilled' THEN d.customer_id IS DISTINCT FROM br.customer_id OR d.type <> br.type OR d.total <> br.total
                 OR NOT CASE br.cause
                   WHEN 'credit_note' THEN EXISTS (SELECT 1 FROM applications a WHERE a.company_id = br.company_id
                        AND a.credit_document_id = d.id AND a.debit_document_id = br.cause_document_id)
                   WHEN 'exchange_difference' THEN EXISTS (SELECT 1 FROM exchange_differences x WHERE x.company_id = br.company_id
                        AND x.application_id = br.application_id AND x.document_id = d.id)
                   ELSE d.origin = 'interest' AND EXISTS (SELECT 1 FROM interest_charges ic WHERE ic.company_id = br.company_id
                        AND ic.billing_request_id = br.id AND ic.document_id = d.id)
                 END
               WHEN 'pending' THEN br.cause = 'interest' AND br.total <> (SELECT coalesce(sum(ic.amount), 0) FROM interest_charges ic
                        WHERE ic.company_id = br.company_id AND ic.billing_request_id = br.id AND ic.document_id IS NULL)
               ELSE EXISTS (SELECT 1 FROM interest_charges ic WHERE ic.company_id = br.company_id
                        AND ic.billing_request_id = br.id AND ic.document_id IS NULL)
             END
       ORDER BY br.id`)
  ).rows as Array<{
    companyId: number;
    id: number;
    cause: string;
    state: string;
    total: string;
    documentId: number | null;
    held: string;
  }>;
  for (const r of requestRows)
    found.push({
      invariant: 10,
      companyId: r.companyId,
      subject: `billing request ${r.id} (${r.cause})`,
      detail:
        r.state === 'fulfilled'
          ? `fulfilled by document ${r.documentId}, which is not the ${r.cause} of ${r.total} linked to its cause`
          : `${r.state} with ${r.held} of interest charges held for a total of ${r.total}`,
    });
  return found;
}
