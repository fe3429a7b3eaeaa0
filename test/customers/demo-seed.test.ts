import pg from 'pg';
import { createTestCompany, type TestCompany } from '../support/factories';
import { testKnex } from '../support/db';
import { createKnex } from '../../server/src/db/knex';
import { seedDemoMasterData, type MasterDataCounts } from '../../seeds/demo-master-data';
import { seedDemo } from '../../seeds/demo';
import { customerSchema } from '../../server/src/modules/customers/customers.schemas';
import { cuitProblem } from '../../server/src/lib/cuit';
import { cbuProblem } from '../../server/src/lib/cbu';
import { PROVINCE_CODES } from '../../server/src/lib/argentina';
import { D } from '../../server/src/lib/money';

const TODAY = '2026-11-27';
const WRITABLE = Object.keys((customerSchema.describe() as { keys: Record<string, unknown> }).keys);

let company: TestCompany;
let counts: MasterDataCounts | null;

type Row = Record<string, unknown>;

const customersOf = async (companyId: number) =>
  (await company
    .knex('customers')
    .where({ companyId })
    .orderBy('code')
    .select(['id', ...WRITABLE])) as Row[];

beforeAll(async () => {
  company = await createTestCompany('Demo');
  counts = await company.knex.transaction((trx) => seedDemoMasterData(trx, company.companyId, { today: TODAY }));
});

describe('demo master data', () => {
  test('when the seed runs into a fresh company, then it creates the demo counts', async () => {
    expect(counts).toEqual({
      paymentTerms: 8,
      salespeople: 6,
      collectors: 5,
      priceLists: 3,
      carriers: 4,
      segments: 27,
      exchangeRates: expect.any(Number),
      customers: 300,
      branches: 120,
      contacts: 400,
      cardIssuers: 4,
      cardPlans: 18,
    });
    const count = async (table: string) =>
      Number(
        ((await company.knex(table).where({ companyId: company.companyId }).count({ n: '*' })) as Array<{ n: string }>)[0].n,
      );
    for (const [table, expected] of [
      ['payment_terms', 8],
      ['salespeople', 6],
      ['collectors', 5],
      ['price_lists', 3],
      ['carriers', 4],
      ['segments', 27],
      ['customers', 300],
      ['branches', 120],
      ['contacts', 400],
      ['card_issuers', 4],
      ['card_plans', 18],
    ] as const)
      expect({ table, n: await count(table) }).toEqual({ table, n: expected });
  });

  test('every customer passes the API schema, and every CUIT and CBU its check digits', async () => {
    const customers = await customersOf(company.companyId);
    for (const c of customers) {
      const { id, ...record } = c;
      const { error } = customerSchema.validate(record, { abortEarly: false });
      expect({ id, error: error?.message }).toEqual({ id, error: undefined });
      if (c.taxIdType === 'CUIT' || c.taxIdType === 'CUIL')
        expect({ taxId: c.taxId, problem: cuitProblem(String(c.taxId)) }).toEqual({ taxId: c.taxId, problem: null });
      if (c.cbu) expect({ cbu: c.cbu, problem: cbuProblem(String(c.cbu)) }).toEqual({ cbu: c.cbu, problem: null });
    }
    expect(customers.filter((c) => c.cbu).length).toBeGreaterThan(50);
    const taxIds = async (table: string) =>
      ((await company.knex(table).where({ companyId: company.companyId }).select('taxId')) as Array<{ taxId: string }>).map(
        (r) => r.taxId,
      );
    const otherCuits = [...(await taxIds('carriers')), ...(await taxIds('card_issuers'))];
    expect(otherCuits).toHaveLength(8);
    for (const cuit of otherCuits) expect({ cuit, problem: cuitProblem(cuit) }).toEqual({ cuit, problem: null });
  });

  test('the mix is Argentine: companies 30/33, people 20/27, final consumers by DNI, real provinces, mostly active', async () => {
    const customers = await customersOf(company.companyId);
    const byIva = (code: number) => customers.filter((c) => c.ivaCondition === code);
    expect(byIva(1).length).toBeGreaterThan(150);
    for (const iva of [4, 5, 6]) expect(byIva(iva).length).toBeGreaterThan(5);
    for (const c of customers) {
      const name = String(c.legalName);
      if (c.country === 'AR' && / (S\.A\.|S\.R\.L\.|S\.A\.S\.)$/.test(name))
        expect(String(c.taxId).slice(0, 2)).toMatch(/^3[03]$/);
      if (/^[^,]+, /.test(name) && c.taxIdType !== 'DNI') expect(String(c.taxId).slice(0, 2)).toMatch(/^2[07]$/);
      if (c.ivaCondition === 5) expect(c.taxIdType).toBe('DNI');
      if (c.country === 'AR') expect(PROVINCE_CODES).toContain(c.province);
      if (c.creditLimit !== null) expect(new D(String(c.creditLimit)).gte(0)).toBe(true);
    }
    const statuses = new Map<string, number>();
    for (const c of customers) statuses.set(String(c.status), (statuses.get(String(c.status)) ?? 0) + 1);
    expect(statuses.get('active')!).toBeGreaterThan(200);
    for (const s of ['suspended', 'cash_only', 'prospect']) expect(statuses.get(s)).toBeGreaterThan(0);
    expect(new Set(customers.map((c) => c.rating))).toEqual(new Set(['A', 'B', 'C', null]));
    expect(new Set(customers.map((c) => c.province)).size).toBeGreaterThan(15);
  });

  test('collectors carry zones; segments cover the four levels', async () => {
    const zones = (
      (await company.knex('collectors').where({ companyId: company.companyId }).select('zone')) as Array<{ zone: string }>
    ).map((c) => c.zone);
    expect(zones).toEqual(expect.arrayContaining(['Zona Norte', 'Microcentro']));
    const levels = (await company
      .knex('segments')
      .where({ companyId: company.companyId })
      .groupBy('level')
      .orderBy('level')
      .select('level', company.knex.raw('count(*)::int as n'))) as Array<{ level: number; n: number }>;
    expect(levels.map((l) => l.level)).toEqual([1, 2, 3, 4]);
    for (const l of levels) expect(l.n).toBeGreaterThanOrEqual(3);
  });

  test('most customers have exactly one collections contact; branches and contacts belong to the company customers', async () => {
    const perCustomer = (await company
      .knex('contacts')
      .where({ companyId: company.companyId, isCollectionsContact: true })
      .whereNotNull('customerId')
      .groupBy('customerId')
      .select('customerId', company.knex.raw('count(*)::int as n'))) as Array<{ n: number }>;
    expect(perCustomer.length).toBeGreaterThan(240);
    expect(perCustomer.every((c) => c.n === 1)).toBe(true);
    const strays = await company
      .knex('branches as b')
      .join('customers as c', 'c.id', 'b.customerId')
      .where('b.companyId', company.companyId)
      .whereNot('c.companyId', company.companyId)
      .count({ n: '*' });
    expect(Number((strays[0] as { n: string }).n)).toBe(0);
    const perBranchCustomer = (await company
      .knex('branches')
      .where({ companyId: company.companyId })
      .groupBy('customerId')
      .select(company.knex.raw('count(*)::int as n'))) as Array<{ n: number }>;
    expect(Math.max(...perBranchCustomer.map((b) => b.n))).toBeLessThanOrEqual(4);
  });

  test('four card issuers with 3–6 plans each; coefficients ≥ 1; one plan expired and one inactive', async () => {
    const issuers = (
      (await company.knex('card_issuers').where({ companyId: company.companyId }).orderBy('code').select('code')) as Array<{
        code: string;
      }>
    ).map((i) => i.code);
    expect(issuers).toEqual(['AMEX', 'CABAL', 'MASTER', 'VISA']);
    const plans = (await company.knex('card_plans').where({ companyId: company.companyId }).select('*')) as Row[];
    const perIssuer = new Map<unknown, number>();
    for (const p of plans) perIssuer.set(p.cardIssuerId, (perIssuer.get(p.cardIssuerId) ?? 0) + 1);
    for (const n of perIssuer.values()) expect(n).toBeGreaterThanOrEqual(3);
    for (const n of perIssuer.values()) expect(n).toBeLessThanOrEqual(6);
    for (const p of plans) {
      expect(new D(String(p.surchargeCoefficient)).gte(1)).toBe(true);
      expect(new D(String(p.feePct)).gt(0)).toBe(true);
    }
    expect(plans.map((p) => p.installments)).toEqual(expect.arrayContaining([1, 3, 6, 12]));
    expect(plans.filter((p) => p.validTo !== null && String(p.validTo) < TODAY)).toHaveLength(1);
    expect(plans.filter((p) => p.active === false)).toHaveLength(1);
  });

  test('dollar rates cover the business days of the last 60 days', async () => {
    const rates = (await company
      .knex('exchange_rates')
      .where({ companyId: company.companyId, currency: 'USD' })
      .orderBy('date')
      .select('date', 'rate')) as Array<{ date: string; rate: string }>;
    expect(rates.length).toBe(counts!.exchangeRates);
    expect(rates.length).toBeGreaterThanOrEqual(40);
    expect(rates[rates.length - 1].date).toBe(TODAY);
    expect(rates[0].date >= '2026-09-28').toBe(true);
    for (const r of rates) {
      expect([0, 6]).not.toContain(new Date(`${r.date}T12:00:00Z`).getUTCDay());
      expect(new D(r.rate).gt(1000)).toBe(true);
    }
  });

  test('when it runs again on the same company, then it does nothing', async () => {
    const again = await company.knex.transaction((trx) => seedDemoMasterData(trx, company.companyId, { today: TODAY }));
    expect(again).toBeNull();
    expect((await customersOf(company.companyId)).length).toBe(300);
  });

  test('the same seed gives the same customers in another company', async () => {
    const other = await createTestCompany('Demo bis');
    await other.knex.transaction((trx) => seedDemoMasterData(trx, other.companyId, { today: TODAY }));
    const strip = (rows: Row[]) =>
      rows.map((r) => ({ code: r.code, legalName: r.legalName, taxId: r.taxId, cbu: r.cbu, notes: r.notes }));
    expect(strip(await customersOf(other.companyId))).toEqual(strip(await customersOf(company.companyId)));
  });
});

describe('seedDemo', () => {
  test('in a fresh database it creates the two companies with their data, once', async () => {
    await testKnex();
    const name = `ctacte_seed_${process.env.JEST_WORKER_ID ?? '1'}_${process.env.CTACTE_TEST_RUN}`;
    const adminUrl = process.env.CTACTE_TEST_ADMIN_URL!;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.CTACTE_TEST_TEMPLATE}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const knex = createKnex(url.toString(), { max: 2 });
    try {
      expect(await seedDemo(knex)).toEqual({ created: true });
      const companies = (await knex('companies').orderBy('id').select('id', 'name')) as Array<{ id: number; name: string }>;
      expect(companies.map((c) => c.name)).toEqual(['Distribuidora del Plata S.A.', 'Ferretería Andina S.R.L.']);
      const perCompany = (await knex('customers')
        .groupBy('companyId')
        .orderBy('companyId')
        .select('companyId', knex.raw('count(*)::int as n'))) as Array<{
        companyId: number;
        n: number;
      }>;
      expect(perCompany).toEqual([
        { companyId: companies[0].id, n: 300 },
        { companyId: companies[1].id, n: 8 },
      ]);
      expect(await seedDemo(knex)).toEqual({ created: false });
      expect(Number(((await knex('customers').count({ n: '*' })) as Array<{ n: string }>)[0].n)).toBe(308);
    } finally {
      await knex.destroy();
      // FORCE: a pooler in front (npm run test:pgbouncer) may still hold server connections to it.
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
