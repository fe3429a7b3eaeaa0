import { createTestCompany, agentsFor, uniq } from '../support/factories';
import { listQuery, type Agent } from '../support/app';

let admin: Agent;
const usernames: string[] = [];

beforeAll(async () => {
  admin = (await agentsFor(await createTestCompany('CSV'))).admin;
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
});
