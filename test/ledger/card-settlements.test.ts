import { createTestCompany, agentsFor, uniq, type TestCompany } from '../support/factories';
import { listQuery, type Agent } from '../support/app';
import { makeCuit } from '../support/master-data';
import { balanceOf, createCustomer, doc, expectLedgerConsistent, ledgerSnapshot, postInvoice } from '../support/ledger';
import { verifyLedger } from '../../server/src/modules/ledger/verify';
import type { Role } from '../../server/src/http/permissions';

let company: TestCompany;
let agents: Record<Role, Agent>;
let banks: Record<string, number>;
let visa: { id: number };
let master: { id: number };
let plan3: { id: number };
let plan1: { id: number };
let masterPlan: { id: number };
let coupon = 700000;

beforeAll(async () => {
  company = await createTestCompany('Cupones');
  agents = await agentsFor(company);
  const list = await agents.clerk.get(`/api/banks${listQuery({ range: [0, 99] })}`);
  banks = Object.fromEntries(list.body.map((b: { code: string; id: number }) => [b.code, b.id]));
  const issuer = async (code: string) =>
    (await agents.clerk.post('/api/card-issuers', { code, legalName: `${code} S.A.`, taxId: makeCuit('30') })).body;
  visa = await issuer('VISA');
  master = await issuer('MASTER');
  const plan = async (cardIssuerId: number, body: Record<string, unknown>) => {
    const res = await agents.clerk.post('/api/card-plans', { cardIssuerId, ...body });
    expect(res.status).toBe(201);
    return res.body;
  };
  plan3 = await plan(visa.id, {
    code: '3C',
    name: '3 cuotas',
    installments: 3,
    surchargeCoefficient: '1.118',
    feePct: '3.00',
    settlementDays: 18,
  });
  plan1 = await plan(visa.id, {
    code: '1C',
    name: '1 pago',
    installments: 1,
    surchargeCoefficient: '1',
    feePct: '1.80',
    settlementDays: 2,
  });
  masterPlan = await plan(master.id, { code: '1C', name: '1 pago', installments: 1, surchargeCoefficient: '1', feePct: '1.50' });
});

const paths = (res: { body: { details?: Array<{ path: string }> } }) => (res.body.details ?? []).map((d) => d.path);

/** A receipt of 2026-10-15 paid by the given card lines; its body. */
async function cardReceipt(lines: Array<{ plan: { id: number }; issuer: { id: number }; amount: string }>, extra = {}) {
  const customer = await createCustomer(agents.clerk);
  const res = await agents.clerk.post('/api/receipts', {
    customerId: customer.id,
    issueDate: '2026-10-15',
    payments: lines.map((l) => ({
      method: 'card',
      amount: l.amount,
      cardIssuerId: l.issuer.id,
      cardPlanId: l.plan.id,
      couponNumber: String((coupon += 1)),
      authorization: 'A' + coupon,
      batchNumber: '0042',
    })),
    ...extra,
  });
  expect(res.status).toBe(201);
  return { customer, receipt: res.body };
}

const couponIds = (receipt: { coupons: Array<{ id: number }> }) => receipt.coupons.map((c) => c.id);

describe('card coupons and the surcharge debit note', () => {
  test('when a receipt is paid by card in 3 installments, then the surcharge is billed by a debit note the receipt pays and the coupon expects its settlement', async () => {
    const customer = await createCustomer(agents.clerk);
    const invoice = await postInvoice(agents.clerk, customer.id, '150000.00');
    const res = await agents.clerk.post('/api/receipts', {
      customerId: customer.id,
      issueDate: '2026-10-15',
      payments: [
        {
          method: 'card',
          amount: '100000.00',
          cardIssuerId: visa.id,
          cardPlanId: plan3.id,
          couponNumber: '123456',
          authorization: 'X1',
          batchNumber: '0007',
        },
        { method: 'card', amount: '50000.00', cardIssuerId: visa.id, cardPlanId: plan1.id, couponNumber: '123457' },
      ],
      applications: [{ documentId: invoice.id, amount: '150000.00' }],
    });
    expect(res.status).toBe(201);
    // 100,000 × 1.118 = 111,800: the buyer pays 11,800 of surcharge; the receipt counts it and pays its note.
    expect(res.body).toMatchObject({ total: '161800.00', applied: '161800.00', onAccount: '0.00' });
    const [c3, c1] = res.body.coupons;
    // 11,800 with IVA 21 % inside: 11,800 / 1.21 = 9,752.07 net, 2,047.93 IVA.
    // Fee 3 % of 111,800 = 3,354.00; its IVA 21 % = 704.34; net 111,800 − 3,354 − 704.34 = 107,741.66; 18 days.
    expect(c3).toMatchObject({
      cardIssuerId: visa.id,
      installments: 3,
      couponNumber: '123456',
      batchNumber: '0007',
      authorization: 'X1',
      amount: '100000.00',
      surcharge: '11800.00',
      surchargeNet: '9752.07',
      surchargeIva: '2047.93',
      gross: '111800.00',
      expectedFee: '3354.00',
      expectedFeeIva: '704.34',
      expectedNet: '107741.66',
      expectedDate: '2026-11-02',
      state: 'pending',
    });
    // No surcharge on a plan of coefficient 1: no note. Fee 1.80 % of 50,000 = 900; IVA 189; net 48,911.
    expect(c1).toMatchObject({
      surcharge: '0.00',
      surchargeDocumentId: null,
      expectedFee: '900.00',
      expectedFeeIva: '189.00',
      expectedNet: '48911.00',
      expectedDate: '2026-10-17',
    });
    const note = await doc(agents.clerk, c3.surchargeDocumentId);
    expect(note).toMatchObject({ type: 'ND', total: '11800.00', openAmount: '0.00', status: 'posted', issueDate: '2026-10-15' });
    expect(String(note.notes)).toContain('IVA 21 %');
    expect((await doc(agents.clerk, invoice.id)).openAmount).toBe('0.00');
    // 150,000 invoice + 11,800 note − 161,800 receipt.
    expect(await balanceOf(agents.clerk, customer.id)).toBe('0.00');
    await expectLedgerConsistent(company.knex, company.companyId);

    // Cancelling the receipt voids its coupons and the note it paid; the invoice is owed again.
    const cancelled = await agents.supervisor.post(`/api/documents/${res.body.id}/cancel`, {
      reason: 'Cupón mal cargado',
      date: '2026-10-16',
    });
    expect(cancelled.status).toBe(200);
    expect((await doc(agents.clerk, c3.surchargeDocumentId)).status).toBe('cancelled');
    const coupons = await agents.clerk.get(`/api/card-coupons${listQuery({ filter: { receiptId: res.body.id } })}`);
    expect(coupons.body.map((c: { state: string }) => c.state)).toEqual(['cancelled', 'cancelled']);
    expect(await balanceOf(agents.clerk, customer.id)).toBe('150000.00');
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('when the company bills no IVA on surcharges, then the note is all net', async () => {
    const company2 = await agents.admin.get('/api/company');
    const put = await agents.admin.put('/api/company', { ...company2.body, cardSurchargeIvaRate: 0 });
    expect(put.status).toBe(200);
    try {
      const { receipt } = await cardReceipt([{ plan: plan3, issuer: visa, amount: '1000.00' }]);
      expect(receipt.coupons[0]).toMatchObject({ surcharge: '118.00', surchargeNet: '118.00', surchargeIva: '0.00' });
    } finally {
      await agents.admin.put('/api/company', { ...company2.body, cardSurchargeIvaRate: 21 });
    }
  });
});

describe('card batches and settlements', () => {
  test('when a batch is settled with fee, IVA and a withholding, then each coupon lists expected against settled and the ledger adds up', async () => {
    const { receipt } = await cardReceipt([
      { plan: plan3, issuer: visa, amount: '100000.00' },
      { plan: plan1, issuer: visa, amount: '50000.00' },
    ]);
    const ids = couponIds(receipt);
    const batch = await agents.clerk.post('/api/card-batches', { couponIds: ids, date: '2026-10-15', number: '0042' });
    expect(batch.status).toBe(201);
    expect(batch.body).toMatchObject({ total: '161800.00', couponCount: 2, cardIssuerId: visa.id });
    expect(batch.body.coupons.map((c: { state: string }) => c.state)).toEqual(['presented', 'presented']);

    const account = (await agents.clerk.get('/api/company')).body.defaultBankAccountId;
    const res = await agents.clerk.post('/api/card-settlements', {
      cardIssuerId: visa.id,
      bankAccountId: account,
      number: 'LIQ-0001',
      date: '2026-11-03',
      coupons: [
        // IIBB withheld 1.5 % of 111,800 = 1,677.00: net 111,800 − 3,354 − 704.34 − 1,677 = 106,064.66
        { couponId: ids[0], gross: '111800.00', fee: '3354.00', feeIva: '704.34', withholdings: '1677.00', net: '106064.66' },
        // The issuer charged 1.9 % (950) and its IVA 199.50, withheld 750: net 48,100.50
        { couponId: ids[1], gross: '50000.00', fee: '950.00', feeIva: '199.50', withholdings: '750.00' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      gross: '161800.00',
      fee: '4304.00',
      feeIva: '903.84',
      withholdings: '2427.00',
      net: '154165.16',
      couponCount: 2,
      origin: 'manual',
      // 154,165.16 − (107,741.66 + 48,911.00)
      expectedNet: '156652.66',
      netDifference: '-2487.50',
    });
    const [a, b] = res.body.coupons;
    expect(a).toMatchObject({
      state: 'settled',
      settledNet: '106064.66',
      feeDifference: '0.00',
      netDifference: '-1677.00',
      daysLate: 1,
    });
    // (950 + 199.50) − (900 + 189) = 60.50; 48,100.50 − 48,911 = −810.50; paid 17 days after 2026-10-17.
    expect(b).toMatchObject({
      state: 'settled',
      settledNet: '48100.50',
      feeDifference: '60.50',
      netDifference: '-810.50',
      daysLate: 17,
    });
    const listed = await agents.clerk.get(`/api/card-coupons${listQuery({ filter: { settlementId: res.body.id } })}`);
    expect(listed.body).toHaveLength(2);
    await expectLedgerConsistent(company.knex, company.companyId);

    // A settled coupon's receipt cannot be cancelled any more.
    const cancel = await agents.supervisor.post(`/api/documents/${receipt.id}/cancel`, {
      reason: 'Cupón liquidado',
      date: '2026-11-04',
    });
    expect(cancel.status).toBe(409);
    expect(cancel.body.code).toBe('CARD_COUPONS_PRESENTED');
  });

  test('when a settlement is refused, then it answers 4xx naming the field and writes nothing', async () => {
    const { receipt } = await cardReceipt([
      { plan: plan1, issuer: visa, amount: '1000.00' },
      { plan: plan1, issuer: visa, amount: '2000.00' },
    ]);
    const [one, two] = couponIds(receipt);
    const other = couponIds((await cardReceipt([{ plan: masterPlan, issuer: master, amount: '500.00' }])).receipt);
    const usd = await agents.admin.post('/api/bank-accounts', {
      code: uniq('USD').slice(0, 20),
      name: 'Dólares',
      bankId: banks['011'],
      currency: 'USD',
    });
    const ok = { couponId: one, gross: '1000.00', fee: '18.00', feeIva: '3.78' };
    const base = { cardIssuerId: visa.id, number: 'LIQ-BAD', date: '2026-10-20' };
    const cases: Array<[string, Record<string, unknown>, number, string[]]> = [
      ['no coupons', { ...base, coupons: [] }, 400, ['coupons']],
      ['a net that does not add up', { ...base, coupons: [{ ...ok, net: '979.00' }] }, 400, ['coupons.0.net']],
      ['deductions above the gross', { ...base, coupons: [{ ...ok, withholdings: '990.00' }] }, 400, ['coupons.0.gross']],
      ['a negative fee', { ...base, coupons: [{ ...ok, fee: '-1.00' }] }, 400, ['coupons.0.fee']],
      ['a coupon that does not exist', { ...base, coupons: [{ ...ok, couponId: 999999 }] }, 400, ['coupons']],
      ["another issuer's coupon", { ...base, coupons: [ok, { ...ok, couponId: other[0] }] }, 400, ['coupons']],
      ['a date before the coupon', { ...base, date: '2026-10-14', coupons: [ok] }, 400, ['date']],
      ['a dollar account for peso coupons', { ...base, bankAccountId: usd.body.id, coupons: [ok] }, 400, ['bankAccountId']],
      ['an issuer that does not exist', { ...base, cardIssuerId: 999999, coupons: [ok] }, 400, ['cardIssuerId']],
      ['the same coupon twice', { ...base, coupons: [ok, ok] }, 400, ['coupons.1']],
    ];
    const before = await ledgerSnapshot(company.knex, company.companyId);
    for (const [what, body, status, where] of cases) {
      const res = await agents.clerk.post('/api/card-settlements', body);
      expect([what, res.status, res.body.code !== undefined]).toEqual([what, status, true]);
      expect([what, paths(res)]).toEqual([what, where]);
    }
    const es = await agents.clerk.post('/api/card-settlements', { ...base, coupons: [{ ...ok, net: '1.00' }] });
    expect(es.body.message).toMatch(/neto/);

    // Settled once: a second settlement of the coupon is a conflict, and the number is the issuer's once.
    expect((await agents.clerk.post('/api/card-settlements', { ...base, number: 'LIQ-OK', coupons: [ok] })).status).toBe(201);
    const settled = await ledgerSnapshot(company.knex, company.companyId);
    const again = await agents.clerk.post('/api/card-settlements', { ...base, number: 'LIQ-OK2', coupons: [ok] });
    expect([again.status, again.body.code]).toEqual([409, 'COUPON_STATE']);
    const dup = await agents.clerk.post('/api/card-settlements', {
      ...base,
      number: 'LIQ-OK',
      coupons: [{ ...ok, couponId: two, gross: '2000.00' }],
    });
    expect([dup.status, dup.body.code]).toEqual([409, 'DUPLICATE_SETTLEMENT']);
    // A batch of settled or mixed-issuer coupons is refused too.
    const mixed = await agents.clerk.post('/api/card-batches', { couponIds: [two, other[0]] });
    expect([mixed.status, paths(mixed)]).toEqual([400, ['couponIds']]);
    const late = await agents.clerk.post('/api/card-batches', { couponIds: [one] });
    expect(late.status).toBe(409);
    const readOnly = await agents.manager.post('/api/card-settlements', {
      ...base,
      number: 'LIQ-V',
      coupons: [{ ...ok, couponId: two }],
    });
    expect(readOnly.status).toBe(403);
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(settled);
    expect(settled).not.toEqual(before);
  });

  test('when two settlements race for the same coupons, then exactly one wins and the coupons are settled once', async () => {
    const { receipt } = await cardReceipt([
      { plan: plan1, issuer: visa, amount: '300.00' },
      { plan: plan1, issuer: visa, amount: '400.00' },
    ]);
    const ids = couponIds(receipt);
    const body = (number: string, order: number[]) => ({
      cardIssuerId: visa.id,
      number,
      date: '2026-10-20',
      coupons: order.map((i) => ({ couponId: ids[i], gross: i === 0 ? '300.00' : '400.00', fee: '5.00', feeIva: '1.05' })),
    });
    const results = await Promise.all([
      agents.clerk.post('/api/card-settlements', body('RACE-A', [0, 1])),
      agents.clerk.post('/api/card-settlements', body('RACE-B', [1, 0])),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const rows = await company.knex('card_coupons').whereIn('id', ids).select('state', 'settlementId');
    const winner = results.find((r) => r.status === 201)!.body.id;
    expect(rows.map((r: { state: string; settlementId: number }) => `${r.state}/${r.settlementId}`)).toEqual([
      `settled/${winner}`,
      `settled/${winner}`,
    ]);
    const settlements = await company
      .knex('card_settlements')
      .whereIn('number', ['RACE-A', 'RACE-B'])
      .count<{ n: string }[]>('* as n');
    expect(Number(settlements[0].n)).toBe(1);
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test("when the issuer's file is imported with its own column names, then its rows settle their coupons; a bad row writes nothing", async () => {
    const layout = {
      couponNumber: 'Nro. Cupón',
      gross: 'Importe Bruto',
      fee: 'Arancel',
      feeIva: 'IVA Arancel',
      withholdings: 'Ret. IIBB',
    };
    const put = await agents.clerk.put(`/api/card-issuers/${visa.id}`, { settlementLayout: layout });
    expect(put.status).toBe(200);
    const { receipt } = await cardReceipt([
      { plan: plan1, issuer: visa, amount: '1000.00' },
      { plan: plan1, issuer: visa, amount: '2500.50' },
    ]);
    const [x, y] = receipt.coupons as Array<{ couponNumber: string }>;
    const file = (second: string) =>
      `Terminal;Nro. Cupón;Importe Bruto;Arancel;IVA Arancel;Ret. IIBB\nT1;${x.couponNumber};1.000,00;18,00;3,78;15,00\nT1;${second}\n`;
    const head = { cardIssuerId: visa.id, number: 'IMP-1', date: '2026-10-20' };

    const bad = await agents.clerk.post('/api/card-settlements/import', { ...head, csv: file('999999;2.500,50;45,01;9,45;0') });
    expect([bad.status, bad.body.code]).toEqual([400, 'IMPORT_INVALID']);
    expect(paths(bad)).toEqual(['rows.2.couponNumber']);
    const before = await ledgerSnapshot(company.knex, company.companyId);

    const good = file(`${y.couponNumber};2.500,50;45,01;9,45;0`);
    const dry = await agents.clerk.post('/api/card-settlements/import', { ...head, csv: good, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ total: 2, valid: 2, created: 2, dryRun: true });
    expect(await ledgerSnapshot(company.knex, company.companyId)).toEqual(before);

    const res = await agents.clerk.post('/api/card-settlements/import', { ...head, csv: good });
    expect(res.status).toBe(201);
    // 1,000 − 18 − 3.78 − 15 = 963.22; 2,500.50 − 45.01 − 9.45 = 2,446.04
    expect(res.body).toMatchObject({ origin: 'import', gross: '3500.50', net: '3409.26', withholdings: '15.00' });
    await expectLedgerConsistent(company.knex, company.companyId);
  });

  test('when a settled coupon is tampered with, then ledger:verify names it', async () => {
    const { receipt } = await cardReceipt([{ plan: plan1, issuer: visa, amount: '100.00' }]);
    const [id] = couponIds(receipt);
    const res = await agents.clerk.post('/api/card-settlements', {
      cardIssuerId: visa.id,
      number: 'TAMPER',
      date: '2026-10-20',
      coupons: [{ couponId: id, gross: '100.00', fee: '1.80', feeIva: '0.38', withholdings: '1.00' }],
    });
    expect(res.status).toBe(201);
    const check = async (tamper: (trx: import('knex').Knex.Transaction) => Promise<unknown>) => {
      let found: Awaited<ReturnType<typeof verifyLedger>> = [];
      await company.knex
        .transaction(async (trx) => {
          await tamper(trx);
          found = await verifyLedger(trx, company.companyId);
          throw new Error('rollback');
        })
        .catch((e: Error) => {
          if (e.message !== 'rollback') throw e;
        });
      return found.filter((f) => f.invariant === 8).map((f) => f.subject);
    };
    expect(await check(async () => undefined)).toEqual([]);
    expect(await check((trx) => trx('card_coupons').where({ id }).update({ settledFee: '2.80' }))).toEqual([
      `card coupon ${id} #${coupon}`,
      `card settlement ${res.body.id} TAMPER`,
    ]);
    expect(
      await check((trx) => trx('card_coupons').where({ id }).update({ settledWithholdings: '0.00', settledNet: '98.82' })),
    ).toEqual([`card coupon ${id} #${coupon}`, `card settlement ${res.body.id} TAMPER`]);
  });
});

describe('coupons pending settlement by issuer', () => {
  test('when coupons of two issuers wait, then the report sums them per issuer and its CSV has the Spanish headers', async () => {
    const fresh = await createTestCompany('Cupones pendientes');
    const a = await agentsFor(fresh);
    const issuer = (
      await a.clerk.post('/api/card-issuers', { code: 'NARANJA', legalName: 'Tarjeta Naranja S.A.', taxId: makeCuit('30') })
    ).body;
    const plan = (
      await a.clerk.post('/api/card-plans', {
        cardIssuerId: issuer.id,
        code: '1C',
        name: '1 pago',
        installments: 1,
        surchargeCoefficient: '1',
        feePct: '2.00',
        settlementDays: 10,
      })
    ).body;
    const customer = await createCustomer(a.clerk);
    const post = await a.clerk.post('/api/receipts', {
      customerId: customer.id,
      issueDate: '2026-10-01',
      payments: ['1000.00', '500.00'].map((amount, i) => ({
        method: 'card',
        amount,
        cardIssuerId: issuer.id,
        cardPlanId: plan.id,
        couponNumber: `N${i}`,
      })),
    });
    expect(post.status).toBe(201);
    const res = await a.clerk.get('/api/reports/card-coupons-pending?asOf=2026-10-20');
    expect(res.status).toBe(200);
    // Fee 2 % and its IVA 21 %: 1,000 → 20 + 4.20; 500 → 10 + 2.10; expected 2026-10-11, before 2026-10-20.
    expect(res.body.rows).toEqual([
      {
        cardIssuerId: issuer.id,
        cardIssuerCode: 'NARANJA',
        cardIssuerName: 'Tarjeta Naranja S.A.',
        currency: 'ARS',
        couponCount: 2,
        presentedCount: 0,
        gross: '1500.00',
        expectedNet: '1463.70',
        oldestDate: '2026-10-01',
        overdueCount: 2,
        overdueNet: '1463.70',
      },
    ]);
    const csv = await a.clerk.get('/api/reports/card-coupons-pending.csv?asOf=2026-10-20');
    expect(csv.status).toBe(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'Tarjeta;Razón social;Moneda;Cupones;Presentados;Bruto;Neto esperado;Cupón más antiguo;Cupones demorados;Neto demorado',
    );
    expect(lines[1]).toBe('NARANJA;Tarjeta Naranja S.A.;ARS;2;0;1500,00;1463,70;01/10/2026;2;1463,70');
  });
});
