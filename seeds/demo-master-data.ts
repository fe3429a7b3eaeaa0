import type { Knex } from 'knex';
import { D } from '../server/src/lib/money';
import { cuitCheckDigit } from '../server/src/lib/cuit';
import { addDays, today as todayInArgentina } from '../server/src/lib/dates';
import {
  generateCustomers,
  mobile,
  personName,
  phone,
  PLACES,
  rng,
  slug,
  STREETS,
  type CustomerRefs,
  type Place,
  type Rng,
} from './generate';

/*
 * The master data of the demo companies: reference tables, ~300 customers with
 * branches and contacts, card issuers with their plans and 60 days of dollar
 * rates. Deterministic (one seed), multi-row inserts, well under a second.
 */

const SEED = 20261127;

type Row = Record<string, unknown>;

export interface ReferenceCatalog {
  paymentTerms: Array<[code: string, name: string, days: number]>;
  salespeople: Array<[code: string, name: string, zone: string]>;
  collectors: Array<[code: string, name: string, zone: string]>;
  priceLists: Array<[code: string, name: string, currency: 'ARS' | 'USD']>;
  carriers: Array<[code: string, name: string, taxIdBody: string, phone: string]>;
  /** Per level 1–4: [code, name]. */
  segments: [Array<[string, string]>, Array<[string, string]>, Array<[string, string]>, Array<[string, string]>];
  emailDomain: string;
}

export const DEMO_CATALOG: ReferenceCatalog = {
  paymentTerms: [
    ['CONTADO', 'Contado', 0],
    ['07D', '7 días', 7],
    ['15D', '15 días', 15],
    ['30D', '30 días fecha factura', 30],
    ['45D', '45 días', 45],
    ['60D', '60 días', 60],
    ['90D', '90 días', 90],
    ['120D', '120 días (obras)', 120],
  ],
  salespeople: [
    ['V01', 'Gustavo Peralta', 'AMBA Norte'],
    ['V02', 'Mariana Sosa', 'AMBA Sur'],
    ['V03', 'Diego Ferreyra', 'Capital Federal'],
    ['V04', 'Lucía Benítez', 'Córdoba y Litoral'],
    ['V05', 'Matías Quiroga', 'Cuyo y Patagonia'],
    ['V06', 'Florencia Aguirre', 'Cuentas clave'],
  ],
  collectors: [
    ['C01', 'Roberto Medina', 'Zona Norte'],
    ['C02', 'Claudia Núñez', 'Microcentro'],
    ['C03', 'Hernán Vega', 'Zona Sur'],
    ['C04', 'Sebastián Ojeda', 'Zona Oeste'],
    ['C05', 'Patricia Luna', 'Interior (cobranza por transferencia)'],
  ],
  priceLists: [
    ['MAY', 'Mayorista', 'ARS'],
    ['MIN', 'Minorista', 'ARS'],
    ['EXP-USD', 'Exportación USD', 'USD'],
  ],
  carriers: [
    ['RUTASUR', 'Transportes Rutas del Sur S.A.', '3071234560', '011 4302-7788'],
    ['CUYANO', 'Expreso Cuyano S.R.L.', '3069876543', '0261 431-2200'],
    ['PAMPEANA', 'Logística Pampeana S.A.', '3070011223', '0341 455-9010'],
    ['FLETESN', 'Fletes Rápidos Zona Norte S.R.L.', '3071555444', '011 4744-1020'],
  ],
  segments: [
    [
      ['CABA', 'Capital Federal'],
      ['AMBA-N', 'AMBA Norte'],
      ['AMBA-S', 'AMBA Sur'],
      ['AMBA-O', 'AMBA Oeste'],
      ['BSAS-INT', 'Interior bonaerense'],
      ['CENTRO', 'Interior: Centro y Litoral'],
      ['CUYO', 'Interior: Cuyo'],
      ['NORTE', 'Interior: NOA y NEA'],
      ['PATAGONIA', 'Interior: Patagonia'],
    ],
    [
      ['FERR', 'Ferretería'],
      ['SUPER', 'Supermercado'],
      ['CONST', 'Construcción'],
      ['FARMA', 'Farmacia'],
      ['ALMAC', 'Almacén y autoservicio'],
      ['AGRO', 'Agropecuario'],
      ['GASTRO', 'Gastronomía'],
      ['AUTOP', 'Autopartes'],
      ['LIMP', 'Limpieza e higiene'],
    ],
    [
      ['MAY', 'Mayorista'],
      ['MIN', 'Minorista'],
      ['DIST', 'Distribuidor'],
      ['CAD', 'Cadena'],
    ],
    [
      ['INDEP', 'Independiente'],
      ['G-NORTE', 'Grupo Norte'],
      ['G-LITORAL', 'Grupo Litoral'],
      ['G-ANDINO', 'Grupo Andino'],
      ['G-PAMPA', 'Grupo Pampa'],
    ],
  ],
  emailDomain: 'delplata.com.ar',
};

/** The second demo company is small: a hardware store in Mendoza. */
const ANDINA_CATALOG: ReferenceCatalog = {
  paymentTerms: [
    ['CONTADO', 'Contado', 0],
    ['30D', '30 días', 30],
    ['60D', '60 días', 60],
  ],
  salespeople: [['V1', 'Ernesto Godoy', 'Gran Mendoza']],
  collectors: [['C1', 'Rosa Carrizo', 'Gran Mendoza']],
  priceLists: [['GRAL', 'Lista general', 'ARS']],
  carriers: [['CUYANO', 'Expreso Cuyano S.R.L.', '3069876543', '0261 431-2200']],
  segments: [[['MZA', 'Gran Mendoza']], [['CONST', 'Construcción']], [['MIN', 'Minorista']], [['INDEP', 'Independiente']]],
  emailDomain: 'ferreteriaandina.com.ar',
};

/** A CUIT from a fixed 10-digit body and its check digit; a body never issued (remainder 1) moves to the next number. */
function fixedCuit(body: string): string {
  for (let n = Number(body); ; n++) {
    const check = cuitCheckDigit(String(n));
    if (check !== null) return `${n}${check}`;
  }
}

async function insert(trx: Knex.Transaction, table: string, rows: Row[], columns: string[] = ['id']): Promise<Row[]> {
  if (rows.length === 0) return [];
  return (await trx(table).insert(rows).returning(columns)) as Row[];
}

/** Reference tables of a catalog; answers what the customer generator needs. */
export async function seedReferences(
  trx: Knex.Transaction,
  companyId: number,
  catalog: ReferenceCatalog = DEMO_CATALOG,
): Promise<CustomerRefs> {
  const r = rng(SEED);
  const person = (code: string, name: string, zone: string) => ({
    companyId,
    code,
    name,
    zone,
    phone: mobile(r, '11'),
    email: `${slug(name.split(' ')[0])}.${slug(name.split(' ').slice(-1)[0])}@${catalog.emailDomain}`,
  });
  const terms = await insert(
    trx,
    'payment_terms',
    catalog.paymentTerms.map(([code, name, days]) => ({ companyId, code, name, days })),
    ['id', 'days'],
  );
  const salespeople = await insert(
    trx,
    'salespeople',
    catalog.salespeople.map(([c, n, z]) => person(c, n, z)),
  );
  const collectors = await insert(
    trx,
    'collectors',
    catalog.collectors.map(([c, n, z]) => person(c, n, z)),
  );
  const lists = await insert(
    trx,
    'price_lists',
    catalog.priceLists.map(([code, name, currency]) => ({ companyId, code, name, currency })),
    ['id', 'currency'],
  );
  const carriers = await insert(
    trx,
    'carriers',
    catalog.carriers.map(([code, name, body, tel]) => ({ companyId, code, name, taxId: fixedCuit(body), phone: tel })),
  );
  const segmentRows = await insert(
    trx,
    'segments',
    catalog.segments.flatMap((level, i) => level.map(([code, name]) => ({ companyId, level: i + 1, code, name }))),
    ['id', 'level', 'code'],
  );
  const segments = [1, 2, 3, 4].map(
    (level) => new Map(segmentRows.filter((s) => s.level === level).map((s) => [s.code as string, s.id as number])),
  ) as CustomerRefs['segments'];
  const banks = (await trx('banks').where({ companyId }).orderBy('code').pluck('code')) as string[];
  return {
    paymentTerms: terms.map((t) => ({ id: t.id as number, days: t.days as number })),
    salespeople: salespeople.map((s) => s.id as number),
    collectors: collectors.map((c) => c.id as number),
    priceLists: {
      ars: lists.filter((l) => l.currency === 'ARS').map((l) => l.id as number),
      usd: lists.filter((l) => l.currency === 'USD').map((l) => l.id as number),
    },
    carriers: carriers.map((c) => c.id as number),
    segments,
    bankCodes: banks.filter((b) => ['007', '011', '014', '015', '017', '029', '034', '072', '191', '285'].includes(b)),
  };
}

/** The official dollar (BNA, seller) on the business days of the last 60 days: a gentle random walk. */
function exchangeRates(r: Rng, companyId: number, today: string): Row[] {
  const rows: Row[] = [];
  let rate = new D('1385.50');
  for (let back = 60; back >= 0; back--) {
    const date = addDays(today, -back);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    // −0.6 % … +0.9 % a day, in basis points, so the walk drifts up as the peso does.
    rate = rate.times(new D(r.int(-60, 90)).div(10_000).plus(1)).toDecimalPlaces(2);
    rows.push({ companyId, currency: 'USD', date, rate: rate.toFixed(2) });
  }
  return rows;
}

interface PlanSpec {
  code: string;
  name: string;
  installments: number;
  coefficient: string;
  feePct: string;
  settlementDays: number;
  /** 'current' (this year), 'expired' (last year) or 'open' (no end). */
  validity?: 'current' | 'expired' | 'open';
  active?: boolean;
}

interface IssuerSpec {
  code: string;
  legalName: string;
  taxIdBody: string;
  street: string;
  city: string;
  province: string;
  postalCode: string;
  phone: string;
  bankCode: string;
  payableAccount: string;
  contact: [name: string, position: string, email: string];
  plans: PlanSpec[];
}

/** The cards an Argentine wholesaler takes, with plans shaped like the market's (coefficients ≥ 1). */
const CARD_ISSUERS: IssuerSpec[] = [
  {
    code: 'VISA',
    legalName: 'Prisma Medios de Pago S.A.',
    taxIdBody: '3059891004',
    street: 'Av. Corrientes 1437',
    city: 'Ciudad Autónoma de Buenos Aires',
    province: 'AR-C',
    postalCode: 'C1042',
    phone: '011 4379-3400',
    bankCode: '007',
    payableAccount: '2.1.1.11',
    contact: ['Mesa de ayuda comercios', 'Atención a comercios', 'comercios@prismamp.com.ar'],
    plans: [
      { code: '1P', name: 'Visa 1 pago', installments: 1, coefficient: '1.000000', feePct: '1.80', settlementDays: 10 },
      { code: '3C', name: 'Visa 3 cuotas', installments: 3, coefficient: '1.118000', feePct: '3.00', settlementDays: 18 },
      { code: '6C', name: 'Visa 6 cuotas', installments: 6, coefficient: '1.245000', feePct: '3.00', settlementDays: 18 },
      { code: '12C', name: 'Visa 12 cuotas', installments: 12, coefficient: '1.530000', feePct: '3.00', settlementDays: 18 },
      {
        code: 'CS3',
        name: 'Cuota Simple 3',
        installments: 3,
        coefficient: '1.059000',
        feePct: '3.00',
        settlementDays: 60,
        validity: 'current',
      },
      {
        code: 'A18',
        name: 'Ahora 18 (programa vencido)',
        installments: 18,
        coefficient: '1.630000',
        feePct: '3.00',
        settlementDays: 60,
        validity: 'expired',
      },
    ],
  },
  {
    code: 'MASTER',
    legalName: 'Fiserv Argentina S.A.',
    taxIdBody: '3070769102',
    street: 'Av. Leandro N. Alem 1110',
    city: 'Ciudad Autónoma de Buenos Aires',
    province: 'AR-C',
    postalCode: 'C1001',
    phone: '011 4348-7000',
    bankCode: '072',
    payableAccount: '2.1.1.12',
    contact: ['Atención comercios Mastercard', 'Soporte a comercios', 'comercios@fiserv.com.ar'],
    plans: [
      { code: '1P', name: 'Mastercard 1 pago', installments: 1, coefficient: '1.000000', feePct: '1.80', settlementDays: 10 },
      { code: '3C', name: 'Mastercard 3 cuotas', installments: 3, coefficient: '1.120000', feePct: '3.00', settlementDays: 18 },
      { code: '6C', name: 'Mastercard 6 cuotas', installments: 6, coefficient: '1.250000', feePct: '3.00', settlementDays: 18 },
      {
        code: '12C',
        name: 'Mastercard 12 cuotas (suspendido)',
        installments: 12,
        coefficient: '1.540000',
        feePct: '3.00',
        settlementDays: 18,
        active: false,
      },
    ],
  },
  {
    code: 'AMEX',
    legalName: 'American Express Argentina S.A.',
    taxIdBody: '3057180203',
    street: 'Arenales 707',
    city: 'Ciudad Autónoma de Buenos Aires',
    province: 'AR-C',
    postalCode: 'C1061',
    phone: '011 4310-3000',
    bankCode: '015',
    payableAccount: '2.1.1.13',
    contact: ['Servicio a establecimientos', 'Atención a establecimientos', 'establecimientos@amex.com.ar'],
    plans: [
      { code: '1P', name: 'Amex 1 pago', installments: 1, coefficient: '1.000000', feePct: '2.50', settlementDays: 15 },
      { code: '3C', name: 'Amex 3 cuotas', installments: 3, coefficient: '1.130000', feePct: '3.50', settlementDays: 20 },
      { code: '6C', name: 'Amex 6 cuotas', installments: 6, coefficient: '1.260000', feePct: '3.50', settlementDays: 20 },
    ],
  },
  {
    code: 'CABAL',
    legalName: 'Cabal Cooperativa de Provisión de Servicios Ltda.',
    taxIdBody: '3065830012',
    street: 'Reconquista 484',
    city: 'Ciudad Autónoma de Buenos Aires',
    province: 'AR-C',
    postalCode: 'C1003',
    phone: '011 4319-2500',
    bankCode: '191',
    payableAccount: '2.1.1.14',
    contact: ['Área comercios adheridos', 'Comercios adheridos', 'comercios@cabal.coop'],
    plans: [
      { code: '1P', name: 'Cabal 1 pago', installments: 1, coefficient: '1.000000', feePct: '1.50', settlementDays: 8 },
      { code: '3C', name: 'Cabal 3 cuotas', installments: 3, coefficient: '1.110000', feePct: '2.80', settlementDays: 18 },
      { code: '6C', name: 'Cabal 6 cuotas', installments: 6, coefficient: '1.235000', feePct: '2.80', settlementDays: 18 },
      {
        code: 'CS6',
        name: 'Cuota Simple 6',
        installments: 6,
        coefficient: '1.120000',
        feePct: '2.80',
        settlementDays: 60,
        validity: 'current',
      },
      { code: '12C', name: 'Cabal 12 cuotas', installments: 12, coefficient: '1.500000', feePct: '2.80', settlementDays: 18 },
    ],
  },
];

async function seedCardIssuers(
  trx: Knex.Transaction,
  companyId: number,
  today: string,
): Promise<{ issuers: number; plans: number }> {
  const year = Number(today.slice(0, 4));
  const banks = new Map(
    ((await trx('banks').where({ companyId }).select('id', 'code')) as Array<{ id: number; code: string }>).map((b) => [
      b.code,
      b.id,
    ]),
  );
  const issuers = await insert(
    trx,
    'card_issuers',
    CARD_ISSUERS.map((c) => ({
      companyId,
      code: c.code,
      legalName: c.legalName,
      street: c.street,
      city: c.city,
      province: c.province,
      postalCode: c.postalCode,
      country: 'AR',
      phone: c.phone,
      ivaCondition: 1,
      taxIdType: 'CUIT',
      taxId: fixedCuit(c.taxIdBody),
      grossIncomeRegime: 'multilateral',
      grossIncomeNumber: `901-${c.taxIdBody.slice(4, 10)}-${c.taxIdBody[3]}`,
      payableAccount: c.payableAccount,
      bankId: banks.get(c.bankCode) ?? null,
      active: true,
    })),
    ['id', 'code'],
  );
  const idOf = new Map(issuers.map((i) => [i.code as string, i.id as number]));
  const plans = CARD_ISSUERS.flatMap((c) =>
    c.plans.map((p) => {
      const validity = p.validity ?? 'open';
      return {
        companyId,
        cardIssuerId: idOf.get(c.code),
        code: p.code,
        name: p.name,
        installments: p.installments,
        surchargeCoefficient: p.coefficient,
        feePct: p.feePct,
        settlementDays: p.settlementDays,
        validFrom: validity === 'expired' ? `${year - 1}-01-01` : `${year}-01-01`,
        validTo: validity === 'expired' ? `${year - 1}-12-31` : validity === 'current' ? `${year}-12-31` : null,
        active: p.active ?? true,
      };
    }),
  );
  await insert(trx, 'card_plans', plans);
  await insert(
    trx,
    'contacts',
    CARD_ISSUERS.map((c) => ({
      companyId,
      cardIssuerId: idOf.get(c.code),
      name: c.contact[0],
      position: c.contact[1],
      phone: c.phone,
      email: c.contact[2],
      isCollectionsContact: true,
    })),
  );
  return { issuers: issuers.length, plans: plans.length };
}

const POSITIONS = ['Compras', 'Administración', 'Gerente general', 'Encargado de depósito', 'Socio gerente', 'Contador'] as const;
const COLLECTION_POSITIONS = ['Tesorería', 'Cuentas a pagar', 'Pagos a proveedores', 'Administración'] as const;
const BRANCH_NAMES = ['Casa central', 'Sucursal Centro', 'Depósito', 'Local Norte', 'Local Sur', 'Sucursal Ruta 8', 'Showroom'];

interface CustomerSummary {
  id: number;
  code: string;
  legalName: string;
  email: string | null;
  province: string | null;
  status: string;
}

function placesOf(province: string | null): Place[] {
  const same = PLACES.map(([p]) => p).filter((p) => p.province === province);
  return same.length ? same : [PLACES[0][0]];
}

/** Branches for the larger customers until `target`, some with their own collector or copies. */
function branchesFor(r: Rng, companyId: number, customers: CustomerSummary[], refs: CustomerRefs, target: number): Row[] {
  const rows: Row[] = [];
  const candidates = customers.filter((c) => /S\.A\.|S\.R\.L\.|S\.A\.S\./.test(c.legalName) && c.province);
  for (let i = 0; rows.length < target && i < candidates.length * 4; i++) {
    const c = candidates[i % candidates.length];
    if (!r.chance(0.35)) continue;
    const already = rows.filter((b) => b.customerId === c.id).length;
    if (already >= 4) continue;
    const where = r.pick(placesOf(c.province));
    const domain = c.email?.split('@')[1] ?? 'example.com.ar';
    rows.push({
      companyId,
      customerId: c.id,
      code: `SUC${String(already + 1).padStart(2, '0')}`,
      name: BRANCH_NAMES[(already + r.int(0, 2)) % BRANCH_NAMES.length],
      street: `${r.pick(STREETS)} ${r.int(10, 4800)}`,
      city: where.city,
      province: where.province,
      postalCode: where.postalCode,
      country: 'AR',
      phone: phone(r, where.area),
      email: `sucursal${already + 1}@${domain}`,
      salespersonId: r.chance(0.2) ? r.pick(refs.salespeople) : null,
      collectorId: r.chance(0.3) ? r.pick(refs.collectors) : null,
      priceListId: null,
      carrierId: r.chance(0.25) ? r.pick(refs.carriers) : null,
      paymentTermId: null,
      deliveryNoteCopies: r.chance(0.2) ? 3 : null,
      invoiceCopies: null,
      active: r.chance(0.93),
    });
  }
  return rows;
}

/** Contacts: a collections contact for most customers, then buyers and managers until `target`. */
function contactsFor(r: Rng, companyId: number, customers: CustomerSummary[], target: number): Row[] {
  const rows: Row[] = [];
  const contact = (c: CustomerSummary, collections: boolean): Row => {
    const p = personName(r);
    const domain = c.email?.split('@')[1] ?? 'gmail.com';
    const personal = /gmail|hotmail|yahoo|outlook/.test(domain);
    return {
      companyId,
      customerId: c.id,
      name: `${p.first} ${p.last}`,
      position: collections ? r.pick(COLLECTION_POSITIONS) : r.pick(POSITIONS),
      phone: r.chance(0.7) ? phone(r, '11') : null,
      mobile: mobile(r, '11'),
      email: personal ? c.email : `${slug(p.first.split(' ')[0])}.${slug(p.last)}@${domain}`,
      isCollectionsContact: collections,
      notes: collections && r.chance(0.2) ? 'Atiende consultas de pagos de 10 a 13 hs.' : null,
    };
  };
  for (const c of customers) if (rows.length < target && c.status !== 'prospect' && r.chance(0.92)) rows.push(contact(c, true));
  while (rows.length < target) rows.push(contact(r.pick(customers), false));
  return rows;
}

export interface MasterDataCounts {
  paymentTerms: number;
  salespeople: number;
  collectors: number;
  priceLists: number;
  carriers: number;
  segments: number;
  exchangeRates: number;
  customers: number;
  branches: number;
  contacts: number;
  cardIssuers: number;
  cardPlans: number;
}

async function seedCustomers(
  trx: Knex.Transaction,
  companyId: number,
  r: Rng,
  refs: CustomerRefs,
  count: number,
  opts: { codePrefix: string; places?: Place[] },
): Promise<CustomerSummary[]> {
  let rows = generateCustomers(r, count, refs, { codePrefix: opts.codePrefix, codeDigits: 4 });
  if (opts.places) {
    const places = opts.places;
    rows = rows.map((row) => {
      if (row.country !== 'AR') return row;
      const p = r.pick(places);
      return { ...row, city: p.city, province: p.province, postalCode: p.postalCode };
    });
  }
  const inserted = await insert(
    trx,
    'customers',
    rows.map((row) => ({ ...row, companyId })),
    ['id', 'code', 'legalName', 'email', 'province', 'status'],
  );
  return inserted as unknown as CustomerSummary[];
}

/**
 * The first demo company's master data. Runs once per company: when the company
 * already has customers it does nothing and answers null.
 */
export async function seedDemoMasterData(
  trx: Knex.Transaction,
  companyId: number,
  opts: { today?: string } = {},
): Promise<MasterDataCounts | null> {
  if (await trx('customers').where({ companyId }).first('id')) return null;
  const today = opts.today ?? todayInArgentina();
  const r = rng(SEED);
  const refs = await seedReferences(trx, companyId, DEMO_CATALOG);
  const rates = exchangeRates(r, companyId, today);
  await insert(trx, 'exchange_rates', rates);
  const customers = await seedCustomers(trx, companyId, r, refs, 300, { codePrefix: 'CLI' });
  const branches = branchesFor(r, companyId, customers, refs, 120);
  await insert(trx, 'branches', branches);
  const cards = await seedCardIssuers(trx, companyId, today);
  const contacts = contactsFor(r, companyId, customers, 400 - cards.issuers);
  await insert(trx, 'contacts', contacts);
  return {
    paymentTerms: refs.paymentTerms.length,
    salespeople: refs.salespeople.length,
    collectors: refs.collectors.length,
    priceLists: refs.priceLists.ars.length + refs.priceLists.usd.length,
    carriers: refs.carriers.length,
    segments: refs.segments.reduce((n, m) => n + m.size, 0),
    exchangeRates: rates.length,
    customers: customers.length,
    branches: branches.length,
    contacts: contacts.length + cards.issuers,
    cardIssuers: cards.issuers,
    cardPlans: cards.plans,
  };
}

/** The second company's handful of customers, all in Cuyo, with references of its own. */
export async function seedDemoSecondCompany(trx: Knex.Transaction, companyId: number): Promise<{ customers: number } | null> {
  if (await trx('customers').where({ companyId }).first('id')) return null;
  const r = rng(SEED + 1);
  const refs = await seedReferences(trx, companyId, ANDINA_CATALOG);
  const cuyo = PLACES.map(([p]) => p).filter((p) => ['AR-M', 'AR-J', 'AR-D'].includes(p.province));
  const customers = await seedCustomers(trx, companyId, r, { ...refs, priceLists: { ars: refs.priceLists.ars, usd: [] } }, 8, {
    codePrefix: 'A',
    places: cuyo,
  });
  await insert(trx, 'contacts', contactsFor(r, companyId, customers, 8));
  return { customers: customers.length };
}
