import { createTestCompany, agentsFor, type TestCompany } from '../support/factories';
import type { Agent } from '../support/app';
import type { Role } from '../../server/src/http/permissions';
import { customerBody, makeCuit } from '../support/master-data';

let company: TestCompany;
let agents: Record<Role, Agent>;

beforeAll(async () => {
  company = await createTestCompany('Identidad fiscal');
  agents = await agentsFor(company);
});

const countCustomers = async () =>
  Number((await company.knex('customers').where({ companyId: company.companyId }).count({ n: '*' }))[0].n);

describe('the identification agrees with the IVA condition (RG 5616)', () => {
  const refusals: Array<[string, () => Record<string, unknown>, string, RegExp]> = [
    [
      'a Monotributista identified by a DNI',
      () => ({ ivaCondition: 6, taxIdType: 'DNI', taxId: '28123456' }),
      'taxIdType',
      /Responsable Monotributo se identifica con CUIT/,
    ],
    [
      'an Exento identified by a DNI',
      () => ({ ivaCondition: 4, taxIdType: 'DNI', taxId: '28123456' }),
      'taxIdType',
      /IVA Sujeto Exento se identifica con CUIT/,
    ],
    [
      'a Monotributista identified by a CUIL',
      () => ({ ivaCondition: 6, taxIdType: 'CUIL', taxId: makeCuit('20') }),
      'taxIdType',
      /CUIT/,
    ],
    [
      'a Sujeto No Categorizado without an id',
      () => ({ ivaCondition: 7, taxIdType: 'DNI', taxId: null }),
      'taxId',
      /debe tener CUIT/,
    ],
    [
      'a foreign customer with a domestic CUIT',
      () => ({ ivaCondition: 9, taxIdType: 'CUIT', taxId: makeCuit('30') }),
      'taxId',
      /CUIT país \(50, 51 o 55\)/,
    ],
    [
      'a foreign customer with a DNI',
      () => ({ ivaCondition: 9, taxIdType: 'DNI', taxId: '28123456' }),
      'taxIdType',
      /CUIT país o documento extranjero/,
    ],
    [
      'a Responsable Inscripto with a country CUIT',
      () => ({ ivaCondition: 1, taxIdType: 'CUIT', taxId: makeCuit('55') }),
      'taxId',
      /CUIT argentino/,
    ],
  ];
  test.each(refusals)('when a customer is %s, then 400 on the field in Spanish and nothing is written', async (...row) => {
    const [, overrides, path, message] = row;
    const before = await countCustomers();
    const res = await agents.clerk.post('/api/customers', customerBody(overrides())).set('Accept-Language', 'es-AR');
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string }) => d.path)).toEqual([path]);
    expect(res.body.errors[path]).toMatch(message);
    expect(await countCustomers()).toBe(before);
  });

  const accepted: Array<[string, () => Record<string, unknown>]> = [
    ['a consumidor final with a DNI', () => ({ ivaCondition: 5, taxIdType: 'DNI', taxId: '28123457' })],
    ['a consumidor final with no id', () => ({ ivaCondition: 5, taxIdType: 'DNI', taxId: null })],
    ['a consumidor final with a CUIL', () => ({ ivaCondition: 5, taxIdType: 'CUIL', taxId: makeCuit('20') })],
    [
      'a foreign customer with a country CUIT',
      () => ({ ivaCondition: 9, taxIdType: 'CUIT', taxId: makeCuit('55'), country: 'UY' }),
    ],
    ['a foreign customer with a foreign id', () => ({ ivaCondition: 9, taxIdType: 'FOREIGN', taxId: 'PAS-123', country: 'CL' })],
    ['a Monotributista with a CUIT', () => ({ ivaCondition: 6, taxIdType: 'CUIT', taxId: makeCuit('27') })],
  ];
  test.each(accepted)('when a customer is %s, then it is created', async (...row) => {
    const [, overrides] = row;
    const res = await agents.clerk.post('/api/customers', customerBody(overrides()));
    expect(res.status).toBe(201);
  });

  test('when the condition changes on an edit and the id no longer fits, then 400 and the record stays', async () => {
    const created = await agents.clerk.post(
      '/api/customers',
      customerBody({ ivaCondition: 5, taxIdType: 'DNI', taxId: '30999888' }),
    );
    const res = await agents.clerk.put(`/api/customers/${created.body.id}`, { ...created.body, ivaCondition: 1 });
    expect(res.status).toBe(400);
    expect((await agents.clerk.get(`/api/customers/${created.body.id}`)).body.ivaCondition).toBe(5);
  });

  test('messages come in English when asked', async () => {
    const res = await agents.clerk
      .post('/api/customers', customerBody({ ivaCondition: 6, taxIdType: 'DNI', taxId: '28123456' }))
      .set('Accept-Language', 'en');
    expect(res.body.errors.taxIdType).toBe('taxIdType: a Responsable Monotributo customer is identified by CUIT (RG 5616)');
  });

  test('when a CSV import has a Monotributista with a DNI, then that row is refused by column and nothing is written', async () => {
    const before = await countCustomers();
    const csv =
      '\uFEFFcode;legalName;ivaCondition;taxIdType;taxId\r\n' +
      `IMPF-1;Bien S.A.;1;CUIT;${makeCuit('30')}\r\n` +
      'IMPF-2;Juan Pérez;6;DNI;28123456\r\n';
    const res = await agents.clerk.raw
      .post('/api/imports/customers')
      .set('X-CSRF-Token', agents.clerk.csrf)
      .set('Content-Type', 'text/csv; charset=utf-8')
      .set('Accept-Language', 'es')
      .send(csv);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { row: 2, column: 'taxIdType', message: expect.stringContaining('se identifica con CUIT') },
    ]);
    expect(await countCustomers()).toBe(before);
  });
});
