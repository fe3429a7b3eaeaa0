import type { Agent } from './app';
import { cuitCheckDigit } from '../../server/src/lib/cuit';

let n = 0;

/** A valid CUIT with the given prefix, different on every call. */
export function makeCuit(prefix = '30'): string {
  for (;;) {
    n += 1;
    const body = `${prefix}${String((Date.now() % 1e6) * 100 + (n % 100))
      .padStart(8, '0')
      .slice(-8)}`;
    const check = cuitCheckDigit(body);
    if (check !== null) return `${body}${check}`;
  }
}

export interface RefIds {
  paymentTermId: number;
  salespersonId: number;
  collectorId: number;
  priceListId: number;
  carrierId: number;
  segmentIds: [number, number, number, number];
  bankId: number;
}

/** Reference rows of a company, created through the API by its admin. */
export async function createReferences(admin: Agent, tag = 'R'): Promise<RefIds> {
  const post = async (url: string, body: object) => {
    const res = await admin.post(url, body);
    if (res.status !== 201) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as number;
  };
  const segmentIds = [] as unknown as [number, number, number, number];
  for (const level of [1, 2, 3, 4])
    segmentIds.push(await post('/api/segments', { level, code: `${tag}S${level}`, name: `Segmento ${level}` }));
  const banks = await admin.get('/api/banks?filter=' + encodeURIComponent(JSON.stringify({ code: '011' })));
  return {
    paymentTermId: await post('/api/payment-terms', { code: `${tag}30`, name: '30 días', days: 30 }),
    salespersonId: await post('/api/salespeople', { code: `${tag}V1`, name: 'Vendedora Uno', zone: 'Norte' }),
    collectorId: await post('/api/collectors', { code: `${tag}C1`, name: 'Cobrador Uno', zone: 'Centro', phone: '11 5555-1234' }),
    priceListId: await post('/api/price-lists', { code: `${tag}MAY`, name: 'Mayorista', currency: 'ARS' }),
    carrierId: await post('/api/carriers', { code: `${tag}T1`, name: 'Transporte Uno' }),
    segmentIds,
    bankId: banks.body[0].id,
  };
}

export function customerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  n += 1;
  return {
    code: `CLI-${Date.now().toString(36).toUpperCase()}${n}`,
    legalName: `Cliente de Prueba ${n} S.A.`,
    ivaCondition: 1,
    taxIdType: 'CUIT',
    taxId: makeCuit('30'),
    province: 'AR-B',
    city: 'La Plata',
    ...overrides,
  };
}

let cbuSerial = 0;

/** A valid CBU of bank `bankCode` (check digits by the SPEC's weights, computed here apart from the server's). */
export function makeCbu(bankCode = '011'): string {
  const digit = (s: string, weights: number[]) => (10 - (weights.reduce((acc, w, i) => acc + w * Number(s[i]), 0) % 10)) % 10;
  cbuSerial += 1;
  const first = `${bankCode}0599`;
  const account = String((Date.now() % 1e9) * 1000 + (cbuSerial % 1000))
    .padStart(13, '0')
    .slice(-13);
  return `${first}${digit(first, [7, 1, 3, 9, 7, 1, 3])}${account}${digit(account, [3, 9, 7, 1, 3, 9, 7, 1, 3, 9, 7, 1, 3])}`;
}
