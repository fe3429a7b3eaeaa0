import { createTestCompany, agentsFor, uniq, type TestCompany } from '../support/factories';
import { listQuery, type Agent } from '../support/app';
import { createCustomer, postInvoice } from '../support/ledger';
import { documentFields } from '../../server/src/modules/ledger/ledger.resources';

let admin: Agent;
let company: TestCompany;
const usernames: string[] = [];

beforeAll(async () => {
  company = await createTestCompany('CSV');
  admin = (await agentsFor(company)).admin;
  const names = ['=HYPERLINK("http://evil","x")', '+54 11 5555', '-resta', '@SUM(A1)', '\tTabulado', 'Normal; con "comillas"'];
  for (const fullName of names) {
    const username = uniq('csv').toLowerCase();
    const res = await admin.post('/api/users', {
      username,
      fullName: fullName.trim() === fullName ? fullName : fullName,
      role: 'clerk',
      password: 'password1',
    });
    expect(res.status).toBe(201);
    usernames.push(username);
  }
});

function rows(text: string, sep: string): string[][] {
  // Minimal CSV reader for the assertions (quotes, doubled quotes, separators).
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    out.push(row);
  }
  return out;
}

describe('CSV exports', () => {
  test('the default dialect is for Excel in Argentina: BOM, semicolons, dd/mm/yyyy, Sí/No', async () => {
    const res = await admin.get(`/api/users/export.csv${listQuery({ sort: ['id', 'ASC'] })}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('users.csv');
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const table = rows(res.text.slice(1), ';');
    // Headers are the admin's labels and internal keys are left out (see csv-labels.test.ts).
    expect(table[0]).toEqual([
      'Usuario',
      'Nombre y apellido',
      'Correo electrónico',
      'Rol',
      'Activo',
      'Último ingreso',
      'Alta',
      'Última modificación',
    ]);
    const body = table.slice(1);
    expect(body.length).toBe(4 + usernames.length);
    for (const r of body) {
      expect(r[4]).toBe('Sí');
      expect(r[6]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    }
  });

  test('rfc4180 gives commas, ISO dates and no BOM', async () => {
    const res = await admin.get('/api/users/export.csv?dialect=rfc4180');
    expect(res.text.charCodeAt(0)).not.toBe(0xfeff);
    const table = rows(res.text, ',');
    expect(table[0][0]).toBe('id');
    expect(table[1][5]).toBe('true');
    expect(table[1][7]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  test('text that Excel would run as a formula is neutralised with an apostrophe', async () => {
    const res = await admin.get(`/api/users/export.csv${listQuery({ filter: { q: 'csv' } })}`);
    const table = rows(res.text.slice(1), ';');
    const names = table.slice(1).map((r) => r[1]);
    expect(names).toEqual(
      expect.arrayContaining([
        `'=HYPERLINK("http://evil","x")`,
        "'+54 11 5555",
        "'-resta",
        "'@SUM(A1)",
        'Normal; con "comillas"',
      ]),
    );
    expect(names.find((n) => n.includes('Tabulado'))).toBe('Tabulado');
  });

  test('the export follows the same filter and sort as the list', async () => {
    const list = await admin.get(`/api/users${listQuery({ filter: { q: 'csv' }, sort: ['username', 'DESC'] })}`);
    const csv = await admin.get(
      `/api/users/export.csv${listQuery({ filter: { q: 'csv' }, sort: ['username', 'DESC'] })}&dialect=rfc4180`,
    );
    const table = rows(csv.text, ',');
    expect(table.slice(1).map((r) => r[1])).toEqual(list.body.map((u: { username: string }) => u.username));
  });

  test('an export with an unknown filter is a 400, not a broken file', async () => {
    const res = await admin.get(`/api/users/export.csv${listQuery({ filter: { nope: 1 } })}`);
    expect(res.status).toBe(400);
  });

  test('when documents are exported, then dates are dd/mm/yyyy in the default dialect and ISO in rfc4180', async () => {
    const customer = await createCustomer(admin);
    await postInvoice(admin, customer.id, '100.00', { issueDate: '2026-03-04', dueDate: '2026-04-05' });
    const filter = { customerId: customer.id };
    const es = rows((await admin.get(`/api/documents/export.csv${listQuery({ filter })}`)).text.slice(1), ';');
    const iso = rows((await admin.get(`/api/documents/export.csv${listQuery({ filter })}&dialect=rfc4180`)).text, ',');
    const at = (table: string[][], header: string) => table[1][table[0].indexOf(header)];
    expect(es.length).toBe(2);
    expect([at(es, 'Fecha'), at(es, 'Vencimiento')]).toEqual(['04/03/2026', '05/04/2026']);
    expect([at(iso, 'issueDate'), at(iso, 'dueDate')]).toEqual(['2026-03-04', '2026-04-05']);
    expect(at(iso, 'cancelDate')).toBe('');
  });

  test('when a document column is written without the formula test, then the database refuses a value starting with a formula character', async () => {
    const customer = await createCustomer(admin);
    const invoice = await postInvoice(admin, customer.id, '100.00');
    const plain = Object.entries(documentFields).filter(([, f]) => f.csvPlain);
    expect(plain.length).toBe(7);
    for (const [name] of plain) {
      const column = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      const refusal = new RegExp(`"documents_${column}_check"|column "${column}" can only be updated to DEFAULT`);
      for (const value of ['=', '+', '-', '@', '\t', '\r']) {
        // With the FCE flag on, which the FCE columns' own CHECKs ask for before their values.
        await expect(
          company.knex.raw(`UPDATE documents SET ${column} = ?, fce = true WHERE company_id = ? AND id = ?`, [
            `${value}1`.slice(0, column === 'letter' ? 1 : 2),
            company.companyId,
            invoice.id,
          ]),
        ).rejects.toThrow(refusal);
      }
    }
  });
});
