import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import { listQuery, type Agent } from '../support/app';
import { customerBody } from '../support/master-data';
import type { Role } from '../../server/src/http/permissions';

let company: TestCompany;
let agents: Record<Role, Agent>;

/** Shops whose trade name contains the word, created first and with lower codes, as in the demo data. */
const OTHERS = [
  { code: 'A-001', legalName: 'Gutiérrez, Miguel', tradeName: 'Ferretería El Tornillo' },
  { code: 'A-002', legalName: 'García y Vega S.A.', tradeName: 'Ferretería El Martillo' },
  { code: 'A-003', legalName: 'Ferretería Central Sociedad Anónima Comercial e Industrial' },
  { code: 'A-004', legalName: 'Morales Hnos. S.A.', tradeName: 'La Ferretera' },
];

beforeAll(async () => {
  company = await createTestCompany('Búsqueda de clientes');
  agents = await agentsFor(company);
  for (const other of OTHERS) expect((await agents.admin.post('/api/customers', customerBody(other))).status).toBe(201);
  for (const body of [
    { code: 'Z-900', legalName: 'Ferretería San Martín' },
    { code: 'FERRE', legalName: 'Pinturerías del Sur S.R.L.' },
    { code: 'FERRE2', legalName: 'Corralón Norte S.A.' },
  ])
    expect((await agents.admin.post('/api/customers', customerBody(body))).status).toBe(201);
});

const search = async (q: string, sort: [string, string] = ['relevance', 'ASC']) => {
  const res = await agents.clerk.get(`/api/customers${listQuery({ filter: { q }, sort, range: [0, 19] })}`);
  expect(res.status).toBe(200);
  return (res.body as Array<{ code: string }>).map((c) => c.code);
};

describe('customer search for pickers', () => {
  test('when a clerk types part of a name without its accent, then customers whose name has it are found', async () => {
    expect(await search('ferreteria san martin')).toEqual(['Z-900']);
    expect(await search('FERRETERÍA SAN MARTÍN')).toEqual(['Z-900']);
  });

  test('when a clerk types "ferreter" sorted by relevance, then names starting with it come first, the closest first', async () => {
    const codes = await search('ferreter');
    // Legal or trade names starting with it, the closest (shortest) first; a name merely containing it last.
    expect(codes[0]).toBe('Z-900');
    expect(codes.at(-1)).toBe('A-004');
    expect(new Set(codes)).toEqual(new Set(['Z-900', 'A-001', 'A-002', 'A-003', 'A-004']));
  });

  test('when a clerk types an exact code, then that customer comes before codes that merely start with it', async () => {
    expect((await search('ferre2'))[0]).toBe('FERRE2');
    // The exact code, then codes starting with it, then names starting with it.
    expect((await search('ferre')).slice(0, 3)).toEqual(['FERRE', 'FERRE2', 'Z-900']);
  });

  test('when a list asks for another sort with the same search, then that sort is kept', async () => {
    expect(await search('ferreter', ['code', 'ASC'])).toEqual(['A-001', 'A-002', 'A-003', 'A-004', 'Z-900']);
  });

  test('when relevance is asked without a search, then the list is in its default order (by code)', async () => {
    const res = await agents.clerk.get(`/api/customers${listQuery({ sort: ['relevance', 'ASC'], range: [0, 2] })}`);
    expect(res.status).toBe(200);
    expect((res.body as Array<{ code: string }>).map((c) => c.code)).toEqual(['A-001', 'A-002', 'A-003']);
  });
});
