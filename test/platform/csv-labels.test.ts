import { agentsFor, createTestCompany, type TestCompany } from '../support/factories';
import type { Agent } from '../support/app';
import type { Role } from '../../server/src/http/permissions';
import { createCustomer, postInvoice } from '../support/ledger';

/*
 * The `es` exports are for people (an accountant opening them in Excel): the
 * admin's labels as headers, names instead of codes, no internal keys, signed
 * amounts. The expected headers and names are written here by hand, from what
 * the admin shows, not read from the catalog the server uses.
 */

let company: TestCompany;
let agents: Record<Role, Agent>;
let suspended: { id: number; code: string };

/** The rows of a `;` or `,` file, BOM off; cells quoted only around separators in these fixtures. */
function table(text: string, sep: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n')
    .map((l) => l.split(sep).map((c) => c.replace(/^"(.*)"$/, '$1')));
}

async function exportOf(path: string, opts: { dialect?: 'rfc4180'; lang?: string; filter?: object; as?: Role } = {}) {
  const q = new URLSearchParams();
  if (opts.filter) q.set('filter', JSON.stringify(opts.filter));
  if (opts.dialect) q.set('dialect', opts.dialect);
  const req = agents[opts.as ?? 'manager'].get(`/api/${path}/export.csv?${q.toString()}`);
  if (opts.lang) req.set('Accept-Language', opts.lang);
  const res = await req;
  expect(res.status).toBe(200);
  return table(res.text, opts.dialect ? ',' : ';');
}

/** The value of a column in the row whose `key` column is `value`. */
function cell(rows: string[][], column: string, key: string, value: string): string {
  const [header, ...body] = rows;
  const row = body.find((r) => r[header.indexOf(key)] === value);
  if (!row) throw new Error(`no row with ${key} = ${value}`);
  return row[header.indexOf(column)];
}

beforeAll(async () => {
  company = await createTestCompany('Exportaciones');
  agents = await agentsFor(company);
  suspended = await createCustomer(agents.clerk, { legalName: 'Ferretería Suspendida S.A.', province: 'AR-B', ivaCondition: 1 });
  await postInvoice(agents.clerk, suspended.id, '1500.00', { issueDate: '2026-09-01', dueDate: '2026-09-15' });
  const put = await agents.supervisor.put(`/api/customers/${suspended.id}`, { status: 'suspended' });
  expect(put.status).toBe(200);
});

describe('Spanish exports', () => {
  test('when customers are exported, then the headers are the admin labels and codes read as names', async () => {
    const rows = await exportOf('customers');
    expect(rows[0].slice(0, 5)).toEqual(['Código', 'Razón social', 'Nombre de fantasía', 'Calificación', 'Estado']);
    expect(rows[0]).toEqual(
      expect.arrayContaining(['Provincia', 'Condición frente al IVA', 'Tipo de documento', 'Saldo', 'Vencido']),
    );
    expect(rows[0]).not.toContain('id');
    expect(cell(rows, 'Estado', 'Código', suspended.code)).toBe('Suspendido');
    expect(cell(rows, 'Provincia', 'Código', suspended.code)).toBe('Buenos Aires');
    expect(cell(rows, 'Condición frente al IVA', 'Código', suspended.code)).toBe('IVA Responsable Inscripto');
    expect(cell(rows, 'Saldo', 'Código', suspended.code)).toBe('1500,00');
  });

  test('when documents are exported, then the type is its name and code and name of the customer are apart', async () => {
    const rows = await exportOf('documents');
    expect(rows[0]).toEqual(
      expect.arrayContaining(['Código de cliente', 'Cliente', 'Tipo', 'Comprobante', 'Fecha', 'Vencimiento', 'Días de atraso']),
    );
    expect(rows[0]).not.toContain('customerId');
    expect(cell(rows, 'Tipo', 'Código de cliente', suspended.code)).toBe('Factura');
    expect(cell(rows, 'Estado', 'Código de cliente', suspended.code)).toBe('Registrado');
  });

  test('when debtors are exported, then status and province are names', async () => {
    const rows = await exportOf('debtors');
    expect(rows[0]).toEqual(expect.arrayContaining(['Código', 'Razón social', 'Saldo', 'Vencido', 'Atraso', 'Promesa']));
    expect(cell(rows, 'Estado', 'Código', suspended.code)).toBe('Suspendido');
  });

  test('when users are exported, then the role is its name', async () => {
    const rows = await exportOf('users', { as: 'admin' });
    expect(rows[0]).toEqual([
      'Usuario',
      'Nombre y apellido',
      'Correo electrónico',
      'Rol',
      'Activo',
      'Último ingreso',
      'Alta',
      'Última modificación',
    ]);
    expect(cell(rows, 'Rol', 'Usuario', company.users.manager)).toBe('Gerencia');
  });

  test('when English is asked for, then the headers and names are English', async () => {
    const rows = await exportOf('customers', { lang: 'en' });
    expect(rows[0].slice(0, 2)).toEqual(['Code', 'Legal name']);
    expect(cell(rows, 'Status', 'Code', suspended.code)).toBe('Suspended');
  });

  test('when rfc4180 is asked for, then the keys and codes stay as they are', async () => {
    const customers = await exportOf('customers', { dialect: 'rfc4180' });
    expect(customers[0].slice(0, 5)).toEqual(['code', 'legalName', 'tradeName', 'rating', 'status']);
    expect(cell(customers, 'status', 'code', suspended.code)).toBe('suspended');
    expect(cell(customers, 'province', 'code', suspended.code)).toBe('AR-B');
    const documents = await exportOf('documents', { dialect: 'rfc4180' });
    expect(cell(documents, 'type', 'customerCode', suspended.code)).toBe('FAC');
  });
});
