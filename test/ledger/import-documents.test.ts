import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import { listQuery, type Agent } from '../support/app';
import { createReferences, customerBody, makeCuit, type RefIds } from '../support/master-data';
import { createCustomer, expectLedgerConsistent, ledgerSnapshot, postInvoice } from '../support/ledger';
import type { Role } from '../../server/src/http/permissions';

type Cells = Record<string, string>;
type Row = Record<string, unknown>;

interface Company {
  c: TestCompany;
  agents: Record<Role, Agent>;
  refs: RefIds;
  term60: number;
  /** Customers by role in the tests. */
  ars: { id: number; code: string };
  usd: { id: number; code: string };
  limited: { id: number; code: string };
  branchCode: string;
}

let a: Company;
let stranger: { c: TestCompany; agents: Record<Role, Agent>; code: string };

let seq = 0;
const tag = () => `${Date.now().toString(36).toUpperCase()}${++seq}`;

async function setUp(name: string, codes?: { ars: string; usd: string; limited: string }): Promise<Company> {
  const c = await createTestCompany(name);
  const agents = await agentsFor(c);
  const refs = await createReferences(agents.admin, `I${tag()}`);
  const term60 = (await agents.admin.post('/api/payment-terms', { code: `T60${tag()}`, name: '60 días', days: 60 })).body.id;
  const ars = await createCustomer(agents.supervisor, {
    ...(codes ? { code: codes.ars } : {}),
    paymentTermId: refs.paymentTermId,
  });
  // The dollar account is a foreign customer's, billed with class E (RG 4401).
  const usd = await createCustomer(agents.supervisor, {
    ...(codes ? { code: codes.usd } : {}),
    currency: 'USD',
    ivaCondition: 9,
    taxIdType: 'FOREIGN',
    taxId: `EXT-${codes?.usd ?? 'USD'}`,
  });
  const limited = await createCustomer(agents.supervisor, {
    ...(codes ? { code: codes.limited } : {}),
    creditLimit: '100000',
    status: 'suspended',
  });
  const branch = await agents.clerk.post('/api/branches', {
    customerId: ars.id,
    code: 'DEP',
    name: 'Depósito',
    paymentTermId: term60,
  });
  if (branch.status !== 201) throw new Error(JSON.stringify(branch.body));
  return { c, agents, refs, term60, ars, usd, limited, branchCode: 'DEP' };
}

beforeAll(async () => {
  a = await setUp('Importación de comprobantes');
  const other = await createTestCompany('Otra empresa');
  const otherAgents = await agentsFor(other);
  const theirs = await createCustomer(otherAgents.clerk, customerBody({ taxId: makeCuit('30') }));
  stranger = { c: other, agents: otherAgents, code: theirs.code };
}, 60_000);

let number = 50_000;
/** A valid FAC row of the ARS customer in the `es` dialect, columns named as in the export. */
function cells(overrides: Cells = {}): Cells {
  number += 1;
  return {
    customerCode: a.ars.code,
    type: 'FAC',
    letter: 'A',
    pointOfSale: '7',
    number: String(number),
    issueDate: '15/10/2026',
    total: '1.210,50',
    notes: `Remito ${number}`,
    ...overrides,
  };
}

function toCsv(rows: Cells[], dialect: 'es' | 'rfc4180' = 'es'): string {
  const sep = dialect === 'es' ? ';' : ',';
  const header: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!header.includes(k)) header.push(k);
  const esc = (v: string) => (/["\r\n]/.test(v) || v.includes(sep) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [header.join(sep), ...rows.map((r) => header.map((h) => esc(r[h] ?? '')).join(sep))];
  return (dialect === 'es' ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

function postCsv(agent: Agent, body: string | Buffer, query = '') {
  return agent.raw
    .post(`/api/imports/documents${query}`)
    .set('X-CSRF-Token', agent.csrf)
    .set('Content-Type', 'text/csv; charset=utf-8')
    .send(body);
}

async function documentsOf(c: TestCompany, where: Record<string, unknown> = {}): Promise<Row[]> {
  return (await c
    .knex('documents as d')
    .join('customers as cu', 'cu.id', 'd.customerId')
    .where('d.companyId', c.companyId)
    .where(where)
    .orderBy('d.id')
    .select(
      'cu.code as customerCode',
      'd.type',
      'd.letter',
      'd.pointOfSale',
      'd.number',
      'd.issueDate',
      'd.dueDate',
      'd.currency',
      'd.total',
      'd.openAmount',
      'd.status',
      'd.notes',
      'd.reason',
      'd.branchId',
      'd.origin',
    )) as Row[];
}

describe('document import: validation', () => {
  test('when a row has a letter that does not agree with the IVA conditions, then that row names the rule and nothing is written', async () => {
    const before = await documentsOf(a.c);
    const res = await postCsv(
      a.agents.clerk,
      toCsv([cells(), cells({ letter: 'B' }), cells({ customerCode: a.usd.code, letter: 'A', currency: 'USD' })]),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { row: 2, column: 'letter', message: expect.stringMatching(/^Regla de letras \(RG 1415\).*comprobantes A o M, no B/) },
      { row: 3, column: 'letter', message: expect.stringMatching(/Cliente del Exterior comprobantes E, no A/) },
    ]);
    expect(await documentsOf(a.c)).toEqual(before);
  });

  test('when a dry run has every kind of bad row, then it reports each one by row and column and writes nothing', async () => {
    await postInvoice(a.agents.clerk, a.ars.id, '500', { pointOfSale: 7, number: 49_000 });
    const ok = cells();
    const csv = toCsv([
      ok,
      cells({ customerCode: 'NO-EXISTE' }),
      cells({ customerCode: stranger.code }),
      cells({ type: 'XYZ' }),
      cells({ type: 'REC', letter: 'X' }),
      cells({ number: '' }),
      cells({ total: '-5,00' }),
      cells({ issueDate: '31/02/2026' }),
      cells({ number: ok.number }),
      cells({ number: '49000' }),
      cells({ currency: 'USD' }),
      cells({ dueDate: '01/10/2026' }),
      cells({ branchCode: 'NOPE' }),
      cells({ type: 'AJP', letter: 'X', number: '', reason: 'Intereses por mora' }),
      cells({ letter: 'Z' }),
      cells({ customerCode: '' }),
    ]);
    const before = await ledgerSnapshot(a.c.knex, a.c.companyId);
    const res = await postCsv(a.agents.clerk, csv, '?dryRun=true');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'IMPORT_INVALID',
      dryRun: true,
      dialect: 'es',
      total: 16,
      valid: 1,
      invalid: 15,
      created: 1,
    });
    expect(res.body.message).toMatch(/15 de 16 filas tienen errores/);
    const byRow = (row: number) => res.body.errors.filter((e: { row: number }) => e.row === row);
    const expectOne = (row: number, column: string, message: RegExp) =>
      expect(byRow(row)).toEqual([{ row, column, message: expect.stringMatching(message) }]);
    expect(byRow(1)).toEqual([]);
    expectOne(2, 'customerCode', /no existe un cliente con código "NO-EXISTE"/);
    expectOne(3, 'customerCode', new RegExp(`no existe un cliente con código "${stranger.code}"`));
    expectOne(4, 'type', /type/);
    expectOne(5, 'type', /los recibos no se importan/);
    expectOne(6, 'number', /number/);
    expectOne(7, 'total', /total/);
    expectOne(8, 'issueDate', /issueDate/);
    expectOne(9, 'number', /ya aparece en la fila 1/);
    expectOne(10, 'number', /ya está registrado/);
    expectOne(11, 'currency', new RegExp(`cuenta corriente de ${a.ars.code} es en ARS`));
    expectOne(12, 'dueDate', /anterior a la emisión/);
    expectOne(13, 'branchCode', /no tiene una sucursal con código "NOPE"/);
    expectOne(14, 'type', /solo un supervisor o un administrador/);
    expectOne(15, 'letter', /letter/);
    expectOne(16, 'customerCode', /indique el código del cliente/);
    expect(await ledgerSnapshot(a.c.knex, a.c.companyId)).toEqual(before);
  });

  test('when the period is locked, then rows dated on or before the lock date are errors', async () => {
    await a.agents.admin.put('/api/company', { lockDate: '2026-09-30' });
    try {
      const res = await postCsv(a.agents.clerk, toCsv([cells({ issueDate: '30/09/2026' }), cells()]), '?dryRun=true');
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { row: 1, column: 'issueDate', message: expect.stringMatching(/cerrado hasta el 30\/09\/2026/) },
      ]);
    } finally {
      await a.agents.admin.put('/api/company', { lockDate: null });
    }
  });

  test('when the file itself is unusable or the user may not post, then the answer says so before any row', async () => {
    const unknownColumn = await postCsv(a.agents.clerk, toCsv([cells({ colour: 'rojo' })]));
    expect(unknownColumn.status).toBe(400);
    expect(unknownColumn.body).toMatchObject({ code: 'IMPORT_FILE', details: [{ path: 'colour' }] });
    const missing = await postCsv(a.agents.clerk, 'customerCode;type;issueDate\r\nX;FAC;01/10/2026\r\n');
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([{ path: 'total', message: expect.any(String) }]);
    const headerOnly = await postCsv(a.agents.clerk, '\uFEFFcustomerCode;type;issueDate;total\r\n');
    expect(headerOnly.status).toBe(400);
    expect(headerOnly.body).toMatchObject({ code: 'IMPORT_FILE', message: 'El archivo no tiene filas de datos' });
    expect((await postCsv(a.agents.manager, toCsv([cells()]))).status).toBe(403);
  });

  test('when a commit has one bad row among good ones, then nothing at all is written', async () => {
    const before = await ledgerSnapshot(a.c.knex, a.c.companyId);
    const rows = Array.from({ length: 30 }, () => cells());
    rows.push(cells({ customerCode: 'NO-EXISTE' }));
    const res = await postCsv(a.agents.clerk, toCsv(rows));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      dryRun: false,
      total: 31,
      invalid: 1,
      created: 0,
      errors: [{ row: 31, column: 'customerCode' }],
    });
    expect(res.body.message).toMatch(/no se importó nada/);
    expect(await ledgerSnapshot(a.c.knex, a.c.companyId)).toEqual(before);
  });
});

describe('document import: posting', () => {
  test('a valid file posts every document under the rules of POST /api/documents, in one audited import', async () => {
    const invoice = cells({ issueDate: '01/10/2026', total: '10.000,00' });
    const toBranch = cells({ issueDate: '01/10/2026', total: '2.000,00', branchCode: 'dep' });
    const given = cells({ issueDate: '01/10/2026', dueDate: '15/11/2026', total: '300' });
    const credit = cells({ type: 'NC', total: '1.500,00', notes: 'Devolución; "parcial"' });
    const debit = cells({ type: 'ND', total: '250,75' });
    const dollars = cells({ customerCode: a.usd.code, letter: 'E', currency: 'USD', total: '1.234,56' });
    const over = cells({ customerCode: a.limited.code, total: '150.000,00' });
    const auditsBefore = await a.c.knex('auditEvents').where({ companyId: a.c.companyId, action: 'import', entity: 'documents' });
    const dry = await postCsv(a.agents.clerk, toCsv([invoice, toBranch, given, credit, debit, dollars, over]), '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, total: 7, valid: 7, invalid: 0, created: 7 });
    expect(dry.body.warnings.map((w: Row) => [w.row, w.code]).sort()).toEqual([
      [7, 'CUSTOMER_SUSPENDED'],
      [7, 'OVER_CREDIT_LIMIT'],
    ]);
    const res = await postCsv(a.agents.clerk, toCsv([invoice, toBranch, given, credit, debit, dollars, over]));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: false, total: 7, valid: 7, created: 7, errors: [] });
    expect(res.body.warnings).toEqual(dry.body.warnings);
    const posted = await documentsOf(a.c, { 'd.origin': 'import' });
    const of = (cellsOf: Cells) => posted.find((d) => String(d.number) === cellsOf.number)!;
    expect(of(invoice)).toMatchObject({
      type: 'FAC',
      letter: 'A',
      pointOfSale: 7,
      total: '10000.00',
      openAmount: '10000.00',
      dueDate: '2026-10-31',
    });
    expect(of(invoice).branchId).toBeNull();
    expect(of(toBranch)).toMatchObject({ dueDate: '2026-11-30', total: '2000.00' });
    expect(of(toBranch).branchId).not.toBeNull();
    expect(of(given)).toMatchObject({ dueDate: '2026-11-15', total: '300.00' });
    expect(of(credit)).toMatchObject({ type: 'NC', total: '1500.00', notes: 'Devolución; "parcial"', status: 'posted' });
    expect(of(debit)).toMatchObject({ type: 'ND', total: '250.75' });
    expect(of(dollars)).toMatchObject({ currency: 'USD', letter: 'E', total: '1234.56' });
    // Figures recomputed once per customer at the end: the stored balances add up (invariant 2) and moved.
    const limited = (await a.agents.clerk.get(`/api/customers/${a.limited.id}`)).body;
    expect(limited.balance).toBe('150000.00');
    expect((await a.agents.clerk.get(`/api/customers/${a.usd.id}`)).body.balance).toBe('1234.56');
    const audits = await a.c.knex('auditEvents').where({ companyId: a.c.companyId, action: 'import', entity: 'documents' });
    expect(audits.length).toBe(auditsBefore.length + 1);
    expect(audits[audits.length - 1].after).toMatchObject({
      total: 7,
      created: 7,
      byType: { FAC: 5, NC: 1, ND: 1 },
      customers: 3,
    });
    await expectLedgerConsistent(a.c.knex, a.c.companyId);
  });

  test('when an import posts documents, then each document has its own create audit event', async () => {
    const rows = [cells({ total: '1.000,00' }), cells({ type: 'NC', total: '100,00' })];
    expect((await postCsv(a.agents.clerk, toCsv(rows))).status).toBe(200);
    for (const r of rows) {
      const d = (await a.c
        .knex('documents')
        .where({ companyId: a.c.companyId, number: Number(r.number), pointOfSale: 7, type: r.type })
        .first('id', 'total')) as Row;
      const events = await a.c
        .knex('auditEvents')
        .where({ companyId: a.c.companyId, entity: 'documents', entityId: String(d.id), action: 'create' });
      expect(events).toHaveLength(1);
      expect(events[0].after).toMatchObject({ id: d.id, type: r.type ?? 'FAC', total: d.total });
    }
  });

  test('both dialects read the same amounts and dates', async () => {
    const es = cells({ total: '1.234.567,89', issueDate: '02/11/2026', dueDate: '02/12/2026' });
    const rfc = { ...cells(), total: '1234567.89', issueDate: '2026-11-02', dueDate: '2026-12-02' };
    expect((await postCsv(a.agents.clerk, toCsv([es], 'es'))).status).toBe(200);
    const res = await postCsv(a.agents.clerk, toCsv([rfc], 'rfc4180'));
    expect(res.status).toBe(200);
    expect(res.body.dialect).toBe('rfc4180');
    const stored = async (r: Cells) => {
      const [d] = await documentsOf(a.c, { 'd.number': Number(r.number), 'd.pointOfSale': 7 });
      return { total: d.total, issueDate: d.issueDate, dueDate: d.dueDate };
    };
    const expected = { total: '1234567.89', issueDate: '2026-11-02', dueDate: '2026-12-02' };
    expect(await stored(es)).toEqual(expected);
    expect(await stored(rfc)).toEqual(expected);
  });

  test('adjustments: only supervisors; numbers continue their series, given numbers in ascending order whatever the file says', async () => {
    const adj = (n: string, type = 'AJP', total = '100') =>
      cells({ type, letter: 'X', pointOfSale: '9', number: n, total, reason: 'Intereses por mora' });
    const clerk = await postCsv(a.agents.clerk, toCsv([adj('')]), '?dryRun=true');
    expect(clerk.body.errors).toEqual([{ row: 1, column: 'type', message: expect.stringMatching(/solo un supervisor/) }]);
    // A new series may start anywhere; the file lists it backwards; an AJN without a number takes the next one.
    const res = await postCsv(a.agents.supervisor, toCsv([adj('12'), adj('11'), adj('10'), adj('', 'AJN', '40')]));
    expect(res.status).toBe(200);
    const series = await documentsOf(a.c, { 'd.pointOfSale': 9 });
    expect(series.map((d) => [d.type, d.letter, d.number, d.reason])).toEqual([
      ['AJP', 'X', 10, 'Intereses por mora'],
      ['AJP', 'X', 11, 'Intereses por mora'],
      ['AJP', 'X', 12, 'Intereses por mora'],
      ['AJN', 'X', 1, 'Intereses por mora'],
    ]);
    const gap = await postCsv(a.agents.supervisor, toCsv([adj('15'), adj('13'), adj('13')]), '?dryRun=true');
    expect(gap.status).toBe(400);
    expect(gap.body.errors).toEqual([
      { row: 1, column: 'number', message: expect.stringMatching(/el próximo número de AJP del punto de venta 9 es 14, no 15/) },
      {
        row: 3,
        column: 'number',
        message: expect.stringMatching(/el número 13 del punto de venta 9 ya fue usado \(el último es 13\)/),
      },
    ]);
    await expectLedgerConsistent(a.c.knex, a.c.companyId);
  });
});

describe('document import: volume', () => {
  test('when 20,000 rows are checked and then posted, then every one is written and the ledger holds', async () => {
    const customers = [a.ars.code, a.limited.code];
    const rows = Array.from({ length: 20_000 }, (_, i) =>
      cells({
        customerCode: customers[i % 2],
        pointOfSale: '20',
        number: String(i + 1),
        issueDate: `${String(1 + (i % 28)).padStart(2, '0')}/09/2026`,
        total: `${1000 + (i % 997)},${String(i % 100).padStart(2, '0')}`,
      }),
    );
    const body = toCsv(rows);
    const dry = await postCsv(a.agents.clerk, body, '?dryRun=true');
    expect(dry.status).toBe(200);
    const res = await postCsv(a.agents.clerk, body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 20_000, created: 20_000, errors: [] });
    expect(await a.c.knex('documents').where({ companyId: a.c.companyId, pointOfSale: 20 }).count({ n: '*' })).toEqual([
      { n: 20_000 },
    ]);
    await expectLedgerConsistent(a.c.knex, a.c.companyId);
  }, 300_000);
});

describe('document import: round trip', () => {
  test('an export imported into an empty company with the same customer codes gives the same documents', async () => {
    const codes = { ars: `RT-A${tag()}`, usd: `RT-U${tag()}`, limited: `RT-L${tag()}` };
    const source = await setUp('Origen', codes);
    const target = await setUp('Destino', codes);
    const post = async (body: Row, agent = source.agents.clerk) => {
      const res = await agent.post('/api/documents', body);
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    };
    for (let i = 0; i < 40; i++)
      await post({
        customerId: i % 3 === 0 ? source.limited.id : source.ars.id,
        type: i % 7 === 3 ? 'NC' : i % 11 === 5 ? 'ND' : 'FAC',
        letter: i % 2 ? 'A' : 'M',
        pointOfSale: 3 + (i % 2),
        number: 1000 + i,
        issueDate: `2026-0${1 + (i % 9)}-${String(10 + (i % 18)).padStart(2, '0')}`,
        total: `${1000 + i * 137}.${String(i % 100).padStart(2, '0')}`,
        notes: i === 10 ? '=Ajuste de precio' : i % 5 === 0 ? `Nota ${i}; con "comillas"\ny otra línea` : null,
      });
    await post({
      customerId: source.usd.id,
      type: 'FAC',
      letter: 'E',
      pointOfSale: 5,
      number: 77,
      issueDate: '2026-10-01',
      total: '3500.10',
    });
    await post(
      { customerId: source.ars.id, type: 'AJP', issueDate: '2026-10-02', total: '99.99', reason: 'Intereses por mora' },
      source.agents.supervisor,
    );
    await post(
      { customerId: source.ars.id, type: 'AJN', issueDate: '2026-10-03', total: '10.01', reason: 'Redondeo' },
      source.agents.supervisor,
    );
    const exportCsv = async (dialect: 'es' | 'rfc4180') => {
      const res = await source.agents.clerk.raw
        .get(
          `/api/documents/export.csv${listQuery({ sort: ['issueDate', 'DESC'] })}${dialect === 'rfc4180' ? '&dialect=rfc4180' : ''}`,
        )
        .buffer(true);
      expect(res.status).toBe(200);
      return Buffer.from(res.text);
    };
    const files = { es: await exportCsv('es'), rfc4180: await exportCsv('rfc4180') };
    for (const dialect of ['es', 'rfc4180'] as const) {
      const dry = await postCsv(target.agents.supervisor, files[dialect], '?dryRun=true');
      expect({ dialect, status: dry.status, created: dry.body.created, errors: dry.body.errors }).toEqual({
        dialect,
        status: 200,
        created: 43,
        errors: [],
      });
    }
    const res = await postCsv(target.agents.supervisor, files.es);
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(43);
    // The same documents again, in the other dialect: every row is now taken.
    const again = await postCsv(target.agents.supervisor, files.rfc4180);
    expect(again.status).toBe(400);
    expect(again.body.invalid).toBe(43);
    const strip = (rows: Row[]) =>
      rows
        .map(({ branchId: _b, origin: _o, ...rest }) => rest)
        .sort((x, y) =>
          `${x.type}${x.letter}${x.pointOfSale}${x.number}`.localeCompare(`${y.type}${y.letter}${y.pointOfSale}${y.number}`),
        );
    expect(strip(await documentsOf(target.c))).toEqual(strip(await documentsOf(source.c)));
    for (const which of ['ars', 'usd', 'limited'] as const) {
      const balance = async (co: Company) => (await co.agents.clerk.get(`/api/customers/${co[which].id}`)).body.balance;
      expect(await balance(target)).toBe(await balance(source));
    }
    await expectLedgerConsistent(target.c.knex, target.c.companyId);
    await expectLedgerConsistent(source.c.knex, source.c.companyId);
  }, 60_000);
});
