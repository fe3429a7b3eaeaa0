import { transcode } from 'node:buffer';
import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import type { Agent } from '../support/app';
import type { Role } from '../../server/src/http/permissions';
import { generateCustomers, makeCuit, rng, type CustomerRefs } from '../../seeds/generate';
import { seedReferences } from '../../seeds/demo-master-data';
import { formatCuit } from '../../server/src/lib/cuit';
import { fromCsvCell, sameFieldValue } from '../../server/src/http/csv-import';

type Cells = Record<string, string>;
type Row = Record<string, unknown>;

let company: TestCompany;
let agents: Record<Role, Agent>;

const random = rng(7);
const usedCuits = new Set<string>();
const cuit = (prefix = '30') => makeCuit(random, prefix, usedCuits);
let n = 0;

/** A valid row in the `es` dialect; columns named as in the export. */
function cells(overrides: Cells = {}): Cells {
  n += 1;
  return {
    code: `IMP-${n}`,
    legalName: `Importada ${n} S.A.`,
    ivaCondition: '1',
    taxIdType: 'CUIT',
    taxId: cuit(),
    province: 'AR-B',
    city: 'La Plata',
    paymentTermCode: '30D',
    salespersonCode: 'V01',
    segment1Code: 'AMBA-N',
    segment2Code: 'FERR',
    largeTaxpayer: 'No',
    vatExemptionPct: '0,00',
    notes: `Fila ${n}`,
    ...overrides,
  };
}

function toCsv(rows: Cells[], dialect: 'es' | 'rfc4180' = 'es', opts: { bom?: boolean } = {}): string {
  const sep = dialect === 'es' ? ';' : ',';
  const header: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!header.includes(k)) header.push(k);
  const esc = (v: string) => (/["\r\n]/.test(v) || v.includes(sep) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [header.join(sep), ...rows.map((r) => header.map((h) => esc(r[h] ?? '')).join(sep))];
  return (dialect === 'es' && opts.bom !== false ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

function postCsv(agent: Agent, body: string | Buffer, query = '', headers: Record<string, string> = {}) {
  let req = agent.raw
    .post(`/api/imports/customers${query}`)
    .set('X-CSRF-Token', agent.csrf)
    .set('Content-Type', 'text/csv; charset=utf-8');
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  return req.send(body);
}

async function exportCsv(agent: Agent, query = ''): Promise<Buffer> {
  const res = await agent.raw.get(`/api/customers/export.csv${query}`).responseType('blob');
  expect(res.status).toBe(200);
  return res.body as Buffer;
}

async function customersOf(c: TestCompany): Promise<Row[]> {
  return (await c.knex('customers').where({ companyId: c.companyId }).orderBy('code').select('*')) as Row[];
}

async function byCode(code: string, c: TestCompany = company): Promise<Row | undefined> {
  return (await c.knex('customers').where({ companyId: c.companyId, code }).first('*')) as Row | undefined;
}

async function countCustomers(c: TestCompany = company): Promise<number> {
  return Number(((await c.knex('customers').where({ companyId: c.companyId }).count({ n: '*' })) as Array<{ n: string }>)[0].n);
}

async function referencesFor(c: TestCompany): Promise<CustomerRefs> {
  return c.knex.transaction((trx) => seedReferences(trx, c.companyId));
}

beforeAll(async () => {
  company = await createTestCompany('Importación');
  agents = await agentsFor(company);
  await referencesFor(company);
});

describe('customer import: validation', () => {
  test('when a dry run has bad rows, then it reports every one of them by row and column and writes nothing', async () => {
    const ok = cells();
    const good = cuit();
    const csv = toCsv([
      ok,
      cells({ taxId: `${good.slice(0, 10)}${(Number(good[10]) + 1) % 10}` }),
      cells({ paymentTermCode: 'NOPE' }),
      cells({ province: 'AR-ZZ' }),
      cells({ code: ok.code }),
      cells({ creditLimit: '-5,00' }),
      cells({ vatExemptionPct: '150,00' }),
    ]);
    const before = await countCustomers();
    const res = await postCsv(agents.supervisor, csv, '?dryRun=true');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'IMPORT_INVALID',
      dryRun: true,
      dialect: 'es',
      total: 7,
      valid: 1,
      invalid: 6,
      created: 1,
    });
    expect(res.body.message).toMatch(/6 de 7 filas tienen errores/);
    const byRow = (row: number) => res.body.errors.filter((e: { row: number }) => e.row === row);
    expect(byRow(1)).toEqual([]);
    expect(byRow(2)).toEqual([{ row: 2, column: 'taxId', message: expect.stringMatching(/dígito verificador/) }]);
    expect(byRow(3)).toEqual([{ row: 3, column: 'paymentTermCode', message: expect.stringContaining('"NOPE"') }]);
    expect(byRow(4)).toEqual([{ row: 4, column: 'province', message: expect.stringContaining('province') }]);
    expect(byRow(5)).toEqual([{ row: 5, column: 'code', message: expect.stringMatching(/ya aparece en la fila 1/) }]);
    expect(byRow(6)).toEqual([{ row: 6, column: 'creditLimit', message: expect.stringMatching(/mayor o igual a 0/) }]);
    expect(byRow(7)).toEqual([{ row: 7, column: 'vatExemptionPct', message: expect.stringMatching(/menor o igual a 100/) }]);
    expect(await countCustomers()).toBe(before);
  });

  test('when a dry run is clean, then 200 with what it would do, and nothing is written', async () => {
    const rows = [cells(), cells()];
    const res = await postCsv(agents.clerk, toCsv(rows), '?dryRun=true');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      dryRun: true,
      dialect: 'es',
      encoding: 'utf-8',
      total: 2,
      valid: 2,
      invalid: 0,
      created: 2,
      updated: 0,
      unchanged: 0,
      errors: [],
    });
    expect(await byCode(rows[0].code)).toBeUndefined();
  });

  test('when a commit has one bad row among good ones, then 400 and nothing at all is written', async () => {
    const rows = [cells(), cells({ ivaCondition: '2' }), cells()];
    const before = await countCustomers();
    const audits = await company.knex('audit_events').where({ companyId: company.companyId, action: 'import' }).count({ n: '*' });
    const res = await postCsv(agents.clerk, toCsv(rows));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ dryRun: false, total: 3, valid: 2, invalid: 1, created: 0, updated: 0 });
    expect(res.body.message).toMatch(/no se importó nada/);
    expect(res.body.errors).toEqual([{ row: 2, column: 'ivaCondition', message: expect.stringContaining('ivaCondition') }]);
    expect(await countCustomers()).toBe(before);
    expect(
      await company.knex('audit_events').where({ companyId: company.companyId, action: 'import' }).count({ n: '*' }),
    ).toEqual(audits);
  });

  test('when the bad row comes after batches already sent to the database, then those are rolled back too', async () => {
    const lines = Array.from({ length: 5200 }, (_, i) => `LOTE-${i};Consumidor ${i};5;DNI`);
    lines.push('LOTE-X;Consumidor final;2;DNI');
    const before = await countCustomers();
    const res = await postCsv(agents.clerk, `code;legalName;ivaCondition;taxIdType\n${lines.join('\n')}\n`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      total: 5201,
      valid: 5200,
      invalid: 1,
      created: 0,
      errors: [{ row: 5201, column: 'ivaCondition' }],
    });
    expect(await countCustomers()).toBe(before);
  });

  test('messages come in English when the user asks for it', async () => {
    const res = await postCsv(agents.clerk, toCsv([cells({ paymentTermCode: 'NOPE', creditLimit: 'mucho' })]), '?dryRun=true', {
      'Accept-Language': 'en',
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('1 of 1 rows have errors; fix them before importing');
    expect(res.body.errors).toEqual([
      { row: 1, column: 'paymentTermCode', message: 'paymentTermCode: there is no payment term with code "NOPE"' },
      { row: 1, column: 'creditLimit', message: 'creditLimit must be an amount with at most 2 decimals' },
    ]);
  });

  test('a CUIT repeated in the file or already held by another customer is a row error', async () => {
    const existing = cells();
    expect((await postCsv(agents.clerk, toCsv([existing]))).status).toBe(200);
    const twin = cuit();
    const res = await postCsv(
      agents.clerk,
      toCsv([cells({ taxId: formatCuit(existing.taxId) }), cells({ taxId: twin }), cells({ taxId: formatCuit(twin) })]),
      '?dryRun=true',
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { row: 1, column: 'taxId', message: `taxId: el CUIT ${formatCuit(existing.taxId)} ya es del cliente ${existing.code}` },
      { row: 3, column: 'taxId', message: `taxId: el CUIT ${formatCuit(twin)} ya aparece en la fila 2` },
    ]);
  });
});

describe('customer import: the file', () => {
  test('unknown or missing required columns are a file-level 400 naming them', async () => {
    const unknown = await postCsv(agents.clerk, 'code;legalName;ivaCondition;colorFavorito\nX1;Uno;1;azul\n');
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('IMPORT_FILE');
    expect(unknown.body.message).toMatch(/columnas desconocidas: colorFavorito/);
    expect(unknown.body.details).toEqual([{ path: 'colorFavorito', message: 'columna desconocida' }]);
    const missing = await postCsv(agents.clerk, 'code;tradeName\nX1;Uno\n');
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { path: string }) => d.path)).toEqual(['legalName', 'ivaCondition']);
    const empty = await postCsv(agents.clerk, '');
    expect(empty.status).toBe(400);
    expect(empty.body.message).toBe('El archivo está vacío');
    const headerOnly = await postCsv(agents.clerk, 'code;legalName;ivaCondition\n');
    expect(headerOnly.status).toBe(400);
    expect(headerOnly.body.message).toBe('El archivo no tiene filas de datos');
    const broken = await postCsv(agents.clerk, 'code;legalName;ivaCondition\nX1;"Sin cerrar;1\n');
    expect(broken.status).toBe(400);
    expect(broken.body.message).toMatch(/comilla/);
  });

  test('the derived columns of the export are accepted and ignored', async () => {
    const row = cells({ balance: '999,99', overdueBalance: '5,00', availableCredit: '1,00', lastSaleDate: '01/01/2026' });
    const res = await postCsv(agents.clerk, toCsv([row]));
    expect(res.status).toBe(200);
    expect(await byCode(row.code)).toMatchObject({ balance: '0.00', overdueBalance: '0.00', lastSaleDate: null });
  });

  test('a row with more cells than the header is a row error; trailing empty rows are skipped', async () => {
    const res = await postCsv(agents.clerk, 'code;legalName;ivaCondition\nX1;Uno;5;extra\n;;\n', '?dryRun=true');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ total: 1, invalid: 1 });
    expect(res.body.errors[0]).toEqual({ row: 1, message: 'La fila tiene 4 celdas y el encabezado 3 columnas' });
  });

  test('a file with more than 1,000 errors lists the first 1,000 in file order and counts them all', async () => {
    const lines = Array.from({ length: 1100 }, (_, i) => `BAD-${i};Condición inexistente;2;DNI`);
    const res = await postCsv(agents.clerk, `code;legalName;ivaCondition;taxIdType\n${lines.join('\n')}\n`, '?dryRun=true');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ total: 1100, invalid: 1100, errorsTruncated: true, errorCount: 1100 });
    expect(res.body.errors).toHaveLength(1000);
    expect(res.body.errors[0]).toEqual({
      row: 1,
      column: 'ivaCondition',
      message: expect.stringContaining('ivaCondition debe ser uno de'),
    });
    expect(res.body.errors[999].row).toBe(1000);
  });

  test('a body that is not CSV is a 415; bad query parameters a 400; a manager may not import', async () => {
    const json = await agents.clerk.post('/api/imports/customers', { code: 'X' });
    expect(json.status).toBe(415);
    expect((await postCsv(agents.clerk, toCsv([cells()]), '?dryRun=yes')).status).toBe(400);
    expect((await postCsv(agents.clerk, toCsv([cells()]), '?dialect=excel')).status).toBe(400);
    expect((await postCsv(agents.manager, toCsv([cells()]))).status).toBe(403);
  });
});

describe('customer import: dialects', () => {
  test('the es dialect (BOM, semicolons, decimal commas, Sí/No, dd/mm/yyyy) and rfc4180 give the same customer', async () => {
    const es = cells({ creditLimit: '1.250.000,50', vatExemptionPct: '10,5', largeTaxpayer: 'Sí', deliveryNoteCopies: '2' });
    const rfc = cells({ creditLimit: '1250000.50', vatExemptionPct: '10.5', largeTaxpayer: 'true', deliveryNoteCopies: '2' });
    const resEs = await postCsv(agents.supervisor, toCsv([es], 'es'));
    const resRfc = await postCsv(agents.supervisor, toCsv([rfc], 'rfc4180'));
    expect(resEs.body).toMatchObject({ dialect: 'es', created: 1 });
    expect(resRfc.body).toMatchObject({ dialect: 'rfc4180', created: 1 });
    for (const code of [es.code, rfc.code])
      expect(await byCode(code)).toMatchObject({
        creditLimit: '1250000.50',
        vatExemptionPct: '10.50',
        largeTaxpayer: true,
        deliveryNoteCopies: 2,
      });
  });

  test('semicolons without a BOM mean es; ?dialect= forces one; a Windows-1252 file from Excel keeps its accents', async () => {
    const plain = cells({ legalName: 'Ñandú Hermanos S.R.L.', creditLimit: '' });
    const res = await postCsv(agents.clerk, toCsv([plain], 'es', { bom: false }));
    expect(res.body).toMatchObject({ dialect: 'es', encoding: 'utf-8', created: 1 });

    const forced = cells({ notes: 'una, dos', vatExemptionPct: '0' });
    const forcedRes = await postCsv(agents.clerk, toCsv([forced], 'rfc4180'), '?dialect=rfc4180');
    expect(forcedRes.body).toMatchObject({ dialect: 'rfc4180', created: 1 });
    expect(await byCode(forced.code)).toMatchObject({ notes: 'una, dos' });

    const latin = cells({ legalName: 'Peñalba y Cía. S.A.', notes: 'Atención: señora Núñez' });
    const text = toCsv([latin], 'es', { bom: false });
    const bytes = transcode(Buffer.from(text, 'utf8'), 'utf8', 'latin1');
    const latinRes = await postCsv(agents.clerk, bytes, '', { 'Content-Type': 'text/csv' });
    expect(latinRes.body).toMatchObject({ encoding: 'windows-1252', created: 1 });
    expect(await byCode(latin.code)).toMatchObject({ legalName: 'Peñalba y Cía. S.A.', notes: 'Atención: señora Núñez' });
  });

  test('cells that the export neutralised with an apostrophe come back as they were', async () => {
    const row = cells({ tradeName: "'=Ofertas", phone: "'+54 11 5555-1234", notes: "'-guion inicial" });
    expect((await postCsv(agents.clerk, toCsv([row]))).status).toBe(200);
    expect(await byCode(row.code)).toMatchObject({ tradeName: '=Ofertas', phone: '+54 11 5555-1234', notes: '-guion inicial' });
  });
});

describe('cells back to values', () => {
  test('each type converts from both dialects; what does not convert is left for the schema to name', () => {
    expect(fromCsvCell('1.234.567,50', 'money', 'es')).toBe('1234567.50');
    expect(fromCsvCell('1234,5', 'money', 'es')).toBe('1234.5');
    expect(fromCsvCell('-5,00', 'money', 'es')).toBe('-5.00');
    expect(fromCsvCell('1234.50', 'money', 'rfc4180')).toBe('1234.50');
    expect(fromCsvCell('1,234.50', 'money', 'es')).toBe('1,234.50');
    expect(fromCsvCell('7/3/2026', 'date', 'es')).toBe('2026-03-07');
    expect(fromCsvCell('2026-03-07', 'date', 'es')).toBe('2026-03-07');
    expect(fromCsvCell('07/03/2026', 'date', 'rfc4180')).toBe('07/03/2026');
    expect(fromCsvCell('27/11/2026 10:30:00', 'timestamp', 'es')).toBe('2026-11-27T13:30:00.000Z');
    expect(fromCsvCell('2026-11-27T13:30:00Z', 'timestamp', 'rfc4180')).toBe('2026-11-27T13:30:00Z');
    expect([fromCsvCell('Sí', 'bool', 'es'), fromCsvCell('NO', 'bool', 'es'), fromCsvCell('true', 'bool', 'rfc4180')]).toEqual([
      true,
      false,
      true,
    ]);
    expect(fromCsvCell('quizás', 'bool', 'es')).toBe('quizás');
    expect(fromCsvCell("'=SUM(A1)", 'text', 'es')).toBe('=SUM(A1)');
    expect(fromCsvCell("'normal", 'text', 'es')).toBe("'normal");
    expect(fromCsvCell('', 'text', 'es')).toBeUndefined();
  });

  test('a change is told by type', () => {
    expect(sameFieldValue('money', '150000.0', '150000.00')).toBe(true);
    expect(sameFieldValue('text', '01234', '1234')).toBe(false);
    expect(sameFieldValue('int', '2', 2)).toBe(true);
    expect(sameFieldValue('text', undefined, null)).toBe(true);
    expect(sameFieldValue('money', 'mucho', '1.00')).toBe(false);
  });
});

describe('customer import: existing customers', () => {
  test('a row whose code exists updates that customer; the columns the file lacks are kept', async () => {
    const full = cells({ tradeName: 'Fantasía', street: 'Mitre 123' });
    expect((await postCsv(agents.clerk, toCsv([full]))).status).toBe(200);
    const before = await byCode(full.code);
    const partial = toCsv([{ code: full.code.toLowerCase(), legalName: 'Nuevo Nombre S.A.', ivaCondition: '1', notes: '' }]);
    const res = await postCsv(agents.clerk, partial);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const after = await byCode(full.code);
    expect(after).toMatchObject({
      id: before!.id,
      legalName: 'Nuevo Nombre S.A.',
      notes: null,
      tradeName: 'Fantasía',
      street: 'Mitre 123',
    });
    expect(after!.taxId).toBe(before!.taxId);
    expect(after!.paymentTermId).toBe(before!.paymentTermId);
    const again = await postCsv(agents.clerk, partial);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

  test('a change is told by the field type: "01234" is a new postal code, "150000,0" the same limit', async () => {
    const row = cells({ postalCode: '1234', creditLimit: '150000,00' });
    expect((await postCsv(agents.supervisor, toCsv([row]))).status).toBe(200);
    const same = await postCsv(agents.clerk, toCsv([{ ...row, creditLimit: '150000,0' }]));
    expect(same.body).toMatchObject({ updated: 0, unchanged: 1 });
    const changed = await postCsv(agents.clerk, toCsv([{ ...row, postalCode: '01234' }]));
    expect(changed.body).toMatchObject({ updated: 1, unchanged: 0 });
    expect(await byCode(row.code)).toMatchObject({ postalCode: '01234', creditLimit: '150000.00' });
  });

  test('when a clerk changes a credit limit or a status through an import, then the row is refused and nothing is written', async () => {
    const row = cells({ creditLimit: '100000,00' });
    expect((await postCsv(agents.supervisor, toCsv([row]))).status).toBe(200);
    const raised = await postCsv(agents.clerk, toCsv([{ ...row, creditLimit: '900000,00' }, cells()]));
    expect(raised.status).toBe(400);
    expect(raised.body.errors).toEqual([
      {
        row: 1,
        column: 'creditLimit',
        message: 'creditLimit: solo un supervisor, un gerente o un administrador puede cambiarlo',
      },
    ]);
    const created = await postCsv(agents.clerk, toCsv([cells({ creditLimit: '5000,00', status: 'suspended' })]), '?dryRun=true');
    expect(created.body.errors.map((e: { column: string }) => e.column)).toEqual(['creditLimit', 'status']);
    expect(await byCode(row.code)).toMatchObject({ creditLimit: '100000.00' });
    // The same limit, as an export carries it, is no change at all.
    const same = await postCsv(agents.clerk, toCsv([{ ...row, notes: 'otra nota' }]));
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ updated: 1 });
    const bySupervisor = await postCsv(agents.supervisor, toCsv([{ ...row, creditLimit: '900000,00', status: 'suspended' }]));
    expect(bySupervisor.status).toBe(200);
    expect(await byCode(row.code)).toMatchObject({ creditLimit: '900000.00', status: 'suspended' });
  });

  test("another company's reference codes and customers are out of reach", async () => {
    const other = await createTestCompany('Otra empresa');
    const otherAdmin = (await agentsFor(other)).admin;
    await other.knex('payment_terms').insert({ companyId: other.companyId, code: 'OTRA30', name: 'Otra', days: 30 });
    const shared = cells({ paymentTermCode: '', segment1Code: '', segment2Code: '', salespersonCode: '' });
    expect((await postCsv(otherAdmin, toCsv([{ ...shared, legalName: 'De la otra S.A.' }]))).status).toBe(200);

    const res = await postCsv(agents.clerk, toCsv([cells({ paymentTermCode: 'OTRA30' })]), '?dryRun=true');
    expect(res.body.errors).toEqual([{ row: 1, column: 'paymentTermCode', message: expect.stringContaining('"OTRA30"') }]);
    // Same code and CUIT as the other company's customer: a new customer here, the other untouched.
    const mine = await postCsv(agents.clerk, toCsv([shared]));
    expect(mine.body).toMatchObject({ created: 1, updated: 0 });
    expect(await byCode(shared.code, other)).toMatchObject({ legalName: 'De la otra S.A.' });
  });

  test('a commit leaves one audit event with the counts', async () => {
    const rows = [cells(), cells()];
    const res = await postCsv(agents.clerk, toCsv(rows));
    expect(res.status).toBe(200);
    const events = (await company
      .knex('audit_events')
      .where({ companyId: company.companyId, action: 'import', entity: 'customers' })
      .orderBy('id', 'desc')
      .limit(1)
      .select('*')) as Row[];
    expect(events[0]).toMatchObject({
      username: company.users.clerk,
      entityId: null,
      after: { total: 2, created: 2, updated: 0, unchanged: 0, dialect: 'es', encoding: 'utf-8' },
    });
  });

  test('when a cell holds a NUL byte, then that row is reported by column and nothing is written', async () => {
    const bad = cells({ legalName: 'Nul\u0000S.A.' });
    const res = await postCsv(agents.clerk, toCsv([cells(), bad]));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'IMPORT_INVALID', invalid: 1, created: 0 });
    expect(res.body.errors).toEqual([{ row: 2, column: 'legalName', message: expect.stringContaining('carácter de control') }]);
    expect(await byCode(bad.code)).toBeUndefined();
  });

  test('when an import creates one customer and changes the trade name of another, then each gets its own audit event with before and after', async () => {
    const existing = cells({ tradeName: 'Nombre viejo' });
    expect((await postCsv(agents.clerk, toCsv([existing]))).status).toBe(200);
    const stored = (await byCode(existing.code))!;
    const fresh = cells();
    const res = await postCsv(agents.clerk, toCsv([{ ...existing, tradeName: 'Nombre nuevo' }, fresh]));
    expect(res.body).toMatchObject({ created: 1, updated: 1, invalid: 0 });
    const created = (await byCode(fresh.code))!;
    const events = (await company
      .knex('audit_events')
      .where({ companyId: company.companyId, entity: 'customers' })
      .whereIn('entityId', [String(stored.id), String(created.id)])
      .whereIn('action', ['create', 'update'])
      .orderBy('id')
      .select('*')) as Row[];
    const update = events.filter((e) => e.entityId === String(stored.id) && e.action === 'update');
    expect(update).toHaveLength(1);
    expect(update[0]).toMatchObject({
      username: company.users.clerk,
      before: expect.objectContaining({ code: existing.code, tradeName: 'Nombre viejo' }),
      after: expect.objectContaining({ code: existing.code, tradeName: 'Nombre nuevo' }),
    });
    const create = events.filter((e) => e.entityId === String(created.id) && e.action === 'create');
    expect(create).toHaveLength(1);
    expect(create[0]).toMatchObject({
      before: null,
      after: expect.objectContaining({ code: fresh.code, legalName: fresh.legalName }),
    });
    // The summary event of the same import is still there, in the same transaction.
    const summary = await company
      .knex('audit_events')
      .where({ companyId: company.companyId, action: 'import', entity: 'customers' })
      .orderBy('id', 'desc')
      .first('*');
    expect(summary.after).toMatchObject({ created: 1, updated: 1 });
    expect(Number(summary.id)).toBeGreaterThan(Math.max(...events.map((e) => Number(e.id))));
  });
});

describe('customer import: round trip', () => {
  async function roundTrip(dialect: 'es' | 'rfc4180') {
    const source = await createTestCompany(`Origen ${dialect}`);
    const target = await createTestCompany(`Destino ${dialect}`);
    const [sourceAdmin, targetAdmin] = [(await agentsFor(source)).admin, (await agentsFor(target)).admin];
    const sourceRefs = await referencesFor(source);
    await referencesFor(target);
    const rows = generateCustomers(rng(dialect === 'es' ? 11 : 12), 2000, sourceRefs, { complete: true, codePrefix: 'RT' });
    for (let i = 0; i < rows.length; i += 500)
      await source.knex('customers').insert(rows.slice(i, i + 500).map((r) => ({ ...r, companyId: source.companyId })));
    const query = dialect === 'rfc4180' ? '?dialect=rfc4180' : '';
    const first = await exportCsv(sourceAdmin, query);
    const imported = await postCsv(targetAdmin, first);
    expect(imported.body).toMatchObject({ dialect, total: 2000, valid: 2000, invalid: 0, created: 2000, errors: [] });
    const second = await exportCsv(targetAdmin, query);
    return { first, second, source, target, targetAdmin };
  }

  test('2,000 customers with every field filled: es export → import into an empty company → export gives the same bytes', async () => {
    const { first, second, source, target, targetAdmin } = await roundTrip('es');
    expect(first.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(first.toString('utf8').split('\n').length).toBeGreaterThan(2001);
    expect(second.equals(first)).toBe(true);
    const [a, b] = [await customersOf(source), await customersOf(target)];
    expect(b.map((c) => c.code)).toEqual(a.map((c) => c.code));
    // Importing the same file again changes nothing.
    const again = await postCsv(targetAdmin, second);
    expect(again.body).toMatchObject({ total: 2000, created: 0, updated: 0, unchanged: 2000 });
  });

  test('text that itself starts with an apostrophe before a formula sign survives the trip', async () => {
    const source = await createTestCompany('Apóstrofo origen');
    const target = await createTestCompany('Apóstrofo destino');
    const body = cells({ tradeName: "'-raro", notes: "''=doble", phone: "'+54 11 4444-5555", paymentTermCode: '' });
    delete body.salespersonCode;
    delete body.segment1Code;
    delete body.segment2Code;
    const sourceAdmin = (await agentsFor(source)).admin;
    const created = await sourceAdmin.post('/api/customers', {
      ...Object.fromEntries(Object.entries(body).filter(([k]) => !k.endsWith('Code') || k === 'code')),
      largeTaxpayer: false,
      vatExemptionPct: '0',
    });
    expect(created.status).toBe(201);
    const file = await exportCsv(sourceAdmin);
    expect(file.toString('utf8')).toContain(`;''-raro;`);
    const res = await postCsv((await agentsFor(target)).admin, file);
    expect(res.status).toBe(200);
    expect(await byCode(body.code, target)).toMatchObject({ tradeName: "'-raro", notes: "''=doble", phone: "'+54 11 4444-5555" });
  });

  test('the same holds for the rfc4180 dialect', async () => {
    const { first, second } = await roundTrip('rfc4180');
    expect(first[0]).toBe('c'.charCodeAt(0));
    expect(second.equals(first)).toBe(true);
  });
});
