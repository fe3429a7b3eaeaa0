import { cuitCheckDigit } from '../server/src/lib/cuit';
import { cbuCheckDigits } from '../server/src/lib/cbu';

/*
 * Believable Argentine master data from a seeded generator: the same seed gives
 * the same rows, so the demo looks the same on every machine and a test or a
 * benchmark can build thousands of customers in milliseconds. Every value is
 * already in the form the API stores (upper-case codes, trimmed text, amounts
 * as strings with two decimals), so it round-trips through export and import.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: `[[item, weight], …]`. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T;
  chance(p: number): boolean;
  digits(n: number): string;
}

/** mulberry32: tiny, fast and good enough for demo data. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted(items) {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let x = next() * total;
      for (const [item, w] of items) {
        x -= w;
        if (x < 0) return item;
      }
      return items[items.length - 1][0];
    },
    chance: (p) => next() < p,
    digits: (n) => Array.from({ length: n }, () => String(int(0, 9))).join(''),
  };
}

/** A valid CUIT/CUIL with the given prefix (check digit per SPEC §4), never one in `used`. */
export function makeCuit(r: Rng, prefix: string, used?: Set<string>): string {
  for (;;) {
    // Companies got 30-5…/30-7… numbers; people carry their DNI.
    const body = `${prefix}${prefix >= '30' ? r.int(50_000_000, 71_999_999) : r.int(10_000_000, 45_999_999)}`;
    const check = cuitCheckDigit(body);
    if (check === null) continue;
    const cuit = `${body}${check}`;
    if (used?.has(cuit)) continue;
    used?.add(cuit);
    return cuit;
  }
}

/** A valid CBU at the given bank: branch and account at random, both check digits computed. */
export function makeCbu(r: Rng, bankCode: string): string {
  const first7 = `${bankCode}${r.digits(4)}`;
  const account = `${r.int(0, 9)}${r.digits(12)}`;
  const [bankCheck, accountCheck] = cbuCheckDigits(first7, account);
  return `${first7}${bankCheck}${account}${accountCheck}`;
}

/** An amount in whole pesos as the API stores it. */
export const pesos = (n: number) => `${Math.trunc(n)}.00`;

export interface Place {
  province: string;
  city: string;
  postalCode: string;
  /** Telephone area code without the trunk 0. */
  area: string;
  /** Level-1 segment (zone) code the place belongs to. */
  zone: string;
}

const place = (province: string, city: string, postalCode: string, area: string, zone: string): Place => ({
  province,
  city,
  postalCode,
  area,
  zone,
});

/** Real cities with their postal codes (CPA prefix letter + old 4-digit code) and area codes, weighted by business weight. */
export const PLACES: ReadonlyArray<readonly [Place, number]> = [
  [place('AR-C', 'Ciudad Autónoma de Buenos Aires', 'C1043', '11', 'CABA'), 30],
  [place('AR-C', 'Ciudad Autónoma de Buenos Aires', 'C1414', '11', 'CABA'), 12],
  [place('AR-C', 'Ciudad Autónoma de Buenos Aires', 'C1426', '11', 'CABA'), 10],
  [place('AR-B', 'San Isidro', 'B1642', '11', 'AMBA-N'), 8],
  [place('AR-B', 'Vicente López', 'B1638', '11', 'AMBA-N'), 7],
  [place('AR-B', 'Tigre', 'B1648', '11', 'AMBA-N'), 5],
  [place('AR-B', 'Pilar', 'B1629', '230', 'AMBA-N'), 5],
  [place('AR-B', 'San Martín', 'B1650', '11', 'AMBA-N'), 5],
  [place('AR-B', 'Avellaneda', 'B1870', '11', 'AMBA-S'), 7],
  [place('AR-B', 'Quilmes', 'B1878', '11', 'AMBA-S'), 7],
  [place('AR-B', 'Lomas de Zamora', 'B1832', '11', 'AMBA-S'), 6],
  [place('AR-B', 'Lanús', 'B1824', '11', 'AMBA-S'), 5],
  [place('AR-B', 'Morón', 'B1708', '11', 'AMBA-O'), 6],
  [place('AR-B', 'Ituzaingó', 'B1714', '11', 'AMBA-O'), 3],
  [place('AR-B', 'San Justo', 'B1754', '11', 'AMBA-O'), 5],
  [place('AR-B', 'La Plata', 'B1900', '221', 'BSAS-INT'), 7],
  [place('AR-B', 'Mar del Plata', 'B7600', '223', 'BSAS-INT'), 6],
  [place('AR-B', 'Bahía Blanca', 'B8000', '291', 'BSAS-INT'), 4],
  [place('AR-B', 'Tandil', 'B7000', '249', 'BSAS-INT'), 2],
  [place('AR-B', 'Junín', 'B6000', '236', 'BSAS-INT'), 2],
  [place('AR-X', 'Córdoba', 'X5000', '351', 'CENTRO'), 9],
  [place('AR-X', 'Río Cuarto', 'X5800', '358', 'CENTRO'), 2],
  [place('AR-X', 'Villa María', 'X5900', '353', 'CENTRO'), 2],
  [place('AR-S', 'Rosario', 'S2000', '341', 'CENTRO'), 8],
  [place('AR-S', 'Santa Fe', 'S3000', '342', 'CENTRO'), 4],
  [place('AR-S', 'Rafaela', 'S2300', '3492', 'CENTRO'), 2],
  [place('AR-E', 'Paraná', 'E3100', '343', 'CENTRO'), 2],
  [place('AR-E', 'Concordia', 'E3200', '345', 'CENTRO'), 1],
  [place('AR-M', 'Mendoza', 'M5500', '261', 'CUYO'), 5],
  [place('AR-M', 'San Rafael', 'M5600', '260', 'CUYO'), 1],
  [place('AR-J', 'San Juan', 'J5400', '264', 'CUYO'), 2],
  [place('AR-D', 'San Luis', 'D5700', '266', 'CUYO'), 1],
  [place('AR-T', 'San Miguel de Tucumán', 'T4000', '381', 'NORTE'), 3],
  [place('AR-A', 'Salta', 'A4400', '387', 'NORTE'), 2],
  [place('AR-Y', 'San Salvador de Jujuy', 'Y4600', '388', 'NORTE'), 1],
  [place('AR-G', 'Santiago del Estero', 'G4200', '385', 'NORTE'), 1],
  [place('AR-K', 'San Fernando del Valle de Catamarca', 'K4700', '383', 'NORTE'), 1],
  [place('AR-F', 'La Rioja', 'F5300', '380', 'NORTE'), 1],
  [place('AR-H', 'Resistencia', 'H3500', '362', 'NORTE'), 1],
  [place('AR-N', 'Posadas', 'N3300', '376', 'NORTE'), 1],
  [place('AR-W', 'Corrientes', 'W3400', '379', 'NORTE'), 1],
  [place('AR-P', 'Formosa', 'P3600', '370', 'NORTE'), 1],
  [place('AR-Q', 'Neuquén', 'Q8300', '299', 'PATAGONIA'), 3],
  [place('AR-R', 'San Carlos de Bariloche', 'R8400', '294', 'PATAGONIA'), 1],
  [place('AR-R', 'Viedma', 'R8500', '2920', 'PATAGONIA'), 1],
  [place('AR-U', 'Comodoro Rivadavia', 'U9000', '297', 'PATAGONIA'), 1],
  [place('AR-U', 'Trelew', 'U9100', '280', 'PATAGONIA'), 1],
  [place('AR-Z', 'Río Gallegos', 'Z9400', '2966', 'PATAGONIA'), 1],
  [place('AR-V', 'Ushuaia', 'V9410', '2901', 'PATAGONIA'), 1],
  [place('AR-L', 'Santa Rosa', 'L6300', '2954', 'CENTRO'), 1],
];

export const STREETS = [
  'Av. San Martín',
  'Belgrano',
  'Av. Rivadavia',
  'Mitre',
  'Sarmiento',
  '9 de Julio',
  'Av. Corrientes',
  'Moreno',
  'Alvear',
  'Urquiza',
  'Güemes',
  'Italia',
  'España',
  'Av. Colón',
  'Pellegrini',
  'Tucumán',
  'Lavalle',
  '25 de Mayo',
  'Av. Libertador',
  'Hipólito Yrigoyen',
  'Entre Ríos',
  'Av. Independencia',
  'Bartolomé Mitre',
  'Juan B. Justo',
  'Rondeau',
  'Av. Pueyrredón',
] as const;

export const FIRST_NAMES_M = [
  'Juan',
  'Carlos',
  'Jorge',
  'Luis',
  'Miguel',
  'Diego',
  'Martín',
  'Sebastián',
  'Pablo',
  'Alejandro',
  'Gustavo',
  'Roberto',
  'Fernando',
  'Hernán',
  'Matías',
  'Nicolás',
  'Facundo',
  'Gonzalo',
  'Ricardo',
  'Oscar',
] as const;

export const FIRST_NAMES_F = [
  'María',
  'Laura',
  'Silvia',
  'Claudia',
  'Andrea',
  'Mariana',
  'Paula',
  'Gabriela',
  'Lucía',
  'Valeria',
  'Natalia',
  'Verónica',
  'Carolina',
  'Florencia',
  'Soledad',
  'Romina',
  'Agustina',
  'Camila',
  'Graciela',
  'Patricia',
] as const;

export const SURNAMES = [
  'González',
  'Rodríguez',
  'Gómez',
  'Fernández',
  'López',
  'Díaz',
  'Martínez',
  'Pérez',
  'García',
  'Sánchez',
  'Romero',
  'Sosa',
  'Álvarez',
  'Torres',
  'Ruiz',
  'Ramírez',
  'Flores',
  'Acosta',
  'Benítez',
  'Medina',
  'Suárez',
  'Herrera',
  'Aguirre',
  'Pereyra',
  'Gutiérrez',
  'Giménez',
  'Molina',
  'Silva',
  'Castro',
  'Rojas',
  'Ortiz',
  'Núñez',
  'Luna',
  'Juárez',
  'Cabrera',
  'Ríos',
  'Ferreyra',
  'Godoy',
  'Morales',
  'Domínguez',
  'Peralta',
  'Vega',
  'Carrizo',
  'Quiroga',
  'Ledesma',
  'Ojeda',
  'Navarro',
  'Bianchi',
  'Rossi',
  'Colombo',
] as const;

/** Level-2 segments (rubros) with words that make believable trade names. */
export const TRADES = {
  FERR: {
    name: 'Ferretería',
    words: ['El Tornillo', 'La Llave', 'El Martillo', 'Central', 'San Cayetano', 'La Tuerca', 'Industrial'],
  },
  SUPER: { name: 'Supermercado', words: ['La Económica', 'El Sol', 'Día a Día', 'Los Hermanos', 'La Estrella', 'Del Barrio'] },
  CONST: { name: 'Corralón', words: ['El Ladrillo', 'San José', 'Materiales del Sur', 'La Obra', 'El Cimiento', 'Norte'] },
  FARMA: { name: 'Farmacia', words: ['del Pueblo', 'Central', 'Belgrano', 'Nueva Salud', 'San Roque', 'Del Parque'] },
  ALMAC: { name: 'Autoservicio', words: ['Don Pepe', 'La Esquina', 'El Progreso', 'Los Amigos', 'Mi Barrio', 'La Familia'] },
  AGRO: { name: 'Agropecuaria', words: ['La Pampa', 'El Trébol', 'Los Álamos', 'Santa Rosa', 'La Cosecha', 'El Ombú'] },
  GASTRO: { name: 'Parrilla', words: ['El Fogón', 'Don Julio', 'La Tranquera', 'El Quincho', 'Los Leños', 'La Estancia'] },
  AUTOP: { name: 'Autopartes', words: ['Rutas', 'El Pistón', 'Motor Sur', 'Repuestos Oeste', 'Turbo', 'La Rueda'] },
  LIMP: { name: 'Limpieza', words: ['Brillante', 'Total', 'El Plumero', 'Hogar Limpio', 'Pulcro', 'Nevada'] },
} as const;
export type TradeCode = keyof typeof TRADES;
export const TRADE_CODES = Object.keys(TRADES) as TradeCode[];

const COMPANY_FORMS = [
  ['S.A.', 5],
  ['S.R.L.', 5],
  ['S.A.S.', 1],
] as const;

/** Lower-case ASCII for e-mail addresses and web domains. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(s\.?a\.?s?|s\.?r\.?l|hnos|y|cia|ltda)\b\.?/g, '')
    .replace(/[^a-z0-9]+/g, '');
}

export function phone(r: Rng, area: string): string {
  const local = 10 - area.length;
  const n = r.digits(local);
  const first = String(r.int(2, 7));
  return `0${area} ${first}${n.slice(1, local - 4)}-${n.slice(local - 4)}`;
}

export function mobile(r: Rng, area: string): string {
  const local = 10 - area.length;
  const n = r.digits(local);
  return `+54 9 ${area} ${String(r.int(2, 6))}${n.slice(1, local - 4)}-${n.slice(local - 4)}`;
}

export function personName(r: Rng): { first: string; last: string; female: boolean } {
  const female = r.chance(0.5);
  const first = female ? r.pick(FIRST_NAMES_F) : r.pick(FIRST_NAMES_M);
  const second = r.chance(0.3) ? ` ${female ? r.pick(FIRST_NAMES_F) : r.pick(FIRST_NAMES_M)}` : '';
  return { first: first + (second.trim() === first ? '' : second), last: r.pick(SURNAMES), female };
}

/** Ids of a company's reference rows a generated customer may point to. */
export interface CustomerRefs {
  paymentTerms: Array<{ id: number; days: number }>;
  salespeople: number[];
  collectors: number[];
  priceLists: { ars: number[]; usd: number[] };
  carriers: number[];
  /** Level 1 (zone) by code, levels 2–4 by code. */
  segments: [Map<string, number>, Map<string, number>, Map<string, number>, Map<string, number>];
  bankCodes: string[];
}

export type CustomerKind = 'company' | 'person' | 'exempt' | 'final' | 'foreign';

export interface GenerateOptions {
  /** Code of the first customer is `${codePrefix}${start}` padded to `codeDigits`. */
  codePrefix?: string;
  codeDigits?: number;
  start?: number;
  /**
   * Every field filled, including texts Excel would run as formulas and notes with
   * separators, quotes and line breaks: what a round trip must survive.
   */
  complete?: boolean;
  /** CUITs already taken in the company. */
  usedCuits?: Set<string>;
}

type Row = Record<string, unknown>;

const FOREIGN = [
  { country: 'UY', city: 'Montevideo', name: 'Importadora Oriental S.A.', id: 'RUT 217654320018' },
  { country: 'CL', city: 'Santiago', name: 'Comercial Andina Ltda.', id: 'RUT 76.543.210-K' },
  { country: 'PY', city: 'Asunción', name: 'Distribuidora Guaraní S.A.', id: 'RUC 80012345-6' },
  { country: 'BO', city: 'Santa Cruz de la Sierra', name: 'Ferretera del Oriente S.R.L.', id: 'NIT 1023456027' },
] as const;

const NOTES = [
  'Entregar de 8 a 12 hs. Pide remito por duplicado.',
  'Paga con e-cheq a 30 días.',
  'Retiene IIBB y Ganancias: pedir certificados con el recibo.',
  'Llamar a tesorería los martes y jueves por la tarde.',
  'Cheques a nombre de la empresa, no a la orden.',
  'Cliente de muchos años; cumplidor.',
  'Tiene depósito propio: coordinar la descarga con el encargado.',
  'Solicitó ampliación de límite de crédito.',
] as const;

const DISTRIBUTOR_WORDS = ['del Sur', 'del Norte', 'del Litoral', 'Central', 'Pampeana', 'Cuyana', 'Andina', 'del Oeste'];
const PATRONS = ['San Martín', 'Belgrano', 'Sarmiento', 'Los Andes', 'El Progreso', 'La Unión', 'Rivadavia', 'San Vicente'];
const shortCity = (city: string) => (city === 'Ciudad Autónoma de Buenos Aires' ? 'Buenos Aires' : city);

const TRICKY_TRADE_NAMES = [
  '=Ofertas del Mes',
  '+Hogar & Co.',
  '-Outlet- Norte',
  '@Ferretería Online',
  'Precio; Justo',
  '"El Mejor" Precio',
];

/**
 * `count` customers ready for a multi-row insert (camelCase columns, company
 * left to the caller). The demo mix: mostly Responsables Inscriptos with a CUIT
 * of prefix 30/33, persons with 20/27 under Monotributo, some exempt entities
 * and final consumers identified by DNI.
 */
export function generateCustomers(r: Rng, count: number, refs: CustomerRefs, opts: GenerateOptions = {}): Row[] {
  const used = opts.usedCuits ?? new Set<string>();
  const start = opts.start ?? 1;
  const complete = opts.complete ?? false;
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    const code = `${opts.codePrefix ?? 'C'}${String(start + i).padStart(opts.codeDigits ?? 5, '0')}`;
    const kind = complete
      ? r.weighted<CustomerKind>([
          ['company', 6],
          ['person', 2],
          ['exempt', 1],
          ['final', 1],
        ])
      : r.weighted<CustomerKind>([
          ['company', 62],
          ['person', 20],
          ['exempt', 6],
          ['final', 10],
          ['foreign', 2],
        ]);
    const where = r.weighted(PLACES);
    const trade = r.pick(TRADE_CODES);
    const tradeWord = r.pick(TRADES[trade].words);
    const street = `${r.pick(STREETS)} ${r.int(10, 4800)}`;
    let legalName: string;
    let tradeName: string | null;
    let ivaCondition: number;
    let taxIdType = 'CUIT';
    let taxId: string | null;
    let grossIncomeRegime: string | null;
    let country = 'AR';
    let province: string | null = where.province;
    let city = where.city;
    let postalCode: string | null = where.postalCode;
    let currency = 'ARS';
    let domain: string;
    /** Mailbox of a person: their own name. */
    let mailbox: string | null = null;
    if (kind === 'company') {
      const form = r.weighted(COMPANY_FORMS);
      const style = r.int(0, 3);
      const s1 = r.pick(SURNAMES);
      legalName =
        style === 0
          ? `${s1} Hnos. ${form}`
          : style === 1
            ? `${s1} y ${r.pick(SURNAMES)} ${form}`
            : style === 2
              ? `${TRADES[trade].name} ${tradeWord} ${form}`
              : `Distribuidora ${r.pick(DISTRIBUTOR_WORDS)} ${form}`;
      tradeName = r.chance(0.6) || complete ? `${TRADES[trade].name} ${tradeWord}` : null;
      ivaCondition = 1;
      taxId = makeCuit(r, r.chance(0.85) ? '30' : '33', used);
      grossIncomeRegime = r.chance(0.45) ? 'multilateral' : 'local';
      domain = `${slug(legalName)}.com.ar`;
    } else if (kind === 'person') {
      const p = personName(r);
      legalName = `${p.last}, ${p.first}`;
      mailbox = `${slug(p.first)}.${slug(p.last)}${r.int(1, 99)}`;
      tradeName = `${TRADES[trade].name} ${tradeWord}`;
      ivaCondition = r.chance(0.7) ? 6 : 1;
      // Registered subjects are identified by their CUIT, never a CUIL (RG 5616; shared/catalog/fiscal.ts).
      // The draw that once chose a CUIL stays, so the rest of the generated data does not move.
      if (complete) r.chance(0.3);
      taxIdType = 'CUIT';
      taxId = makeCuit(r, p.female ? '27' : '20', used);
      grossIncomeRegime = ivaCondition === 6 ? 'local' : r.chance(0.2) ? 'multilateral' : 'local';
      domain = r.pick(['gmail.com', 'hotmail.com', 'yahoo.com.ar', 'outlook.com']);
    } else if (kind === 'exempt') {
      const entity = r.pick(['Asociación Mutual', 'Fundación', 'Club Atlético', 'Cooperadora Escolar', 'Asociación Civil']);
      legalName = `${entity} ${r.pick(PATRONS)} de ${shortCity(where.city)}`;
      tradeName = complete ? `${entity} ${tradeWord}` : null;
      ivaCondition = 4;
      taxId = makeCuit(r, '30', used);
      grossIncomeRegime = 'exempt';
      domain = `${slug(legalName)}.org.ar`;
    } else if (kind === 'final') {
      const p = personName(r);
      legalName = `${p.last}, ${p.first}`;
      mailbox = `${slug(p.first)}${r.int(1, 99)}`;
      tradeName = complete ? `${p.first} ${p.last}` : null;
      ivaCondition = 5;
      taxIdType = 'DNI';
      taxId = String(r.int(12_000_000, 45_999_999));
      grossIncomeRegime = complete ? 'not_registered' : null;
      domain = r.pick(['gmail.com', 'hotmail.com', 'yahoo.com.ar']);
    } else {
      const f = r.pick(FOREIGN);
      legalName = f.name;
      tradeName = null;
      ivaCondition = 9;
      taxIdType = 'FOREIGN';
      taxId = f.id;
      grossIncomeRegime = null;
      country = f.country;
      province = null;
      city = f.city;
      postalCode = null;
      currency = 'USD';
      domain = `${slug(f.name)}.com`;
    }
    if (complete && i % 97 === 5) tradeName = TRICKY_TRADE_NAMES[Math.floor(i / 97) % TRICKY_TRADE_NAMES.length];
    if (kind !== 'foreign' && (complete ? r.chance(0.04) : r.chance(0.03))) currency = 'USD';

    const big = kind === 'company' && r.chance(0.25);
    const status = complete
      ? r.weighted([
          ['active', 6],
          ['suspended', 1],
          ['cash_only', 1],
          ['prospect', 1],
          ['inactive', 1],
        ] as const)
      : r.weighted([
          ['active', 82],
          ['suspended', 6],
          ['cash_only', 6],
          ['prospect', 4],
          ['inactive', 2],
        ] as const);
    let creditLimit: string | null;
    if (kind === 'company') creditLimit = pesos(big ? r.int(40, 400) * 50_000 : r.int(5, 60) * 50_000);
    else if (kind === 'person') creditLimit = pesos(r.int(2, 30) * 50_000);
    else if (kind === 'exempt') creditLimit = pesos(r.int(2, 10) * 50_000);
    else if (kind === 'foreign') creditLimit = pesos(r.int(10, 60) * 1_000);
    else creditLimit = complete ? pesos(r.int(1, 5) * 50_000) : null;
    if (!complete && (status === 'cash_only' || status === 'prospect')) creditLimit = null;
    const limitValue = creditLimit === null ? 0 : Number(creditLimit.slice(0, -3));
    const rating =
      complete || creditLimit !== null
        ? limitValue >= 2_000_000
          ? 'A'
          : r.weighted([
              ['A', 3],
              ['B', 5],
              ['C', 2],
            ] as const)
        : null;

    const term =
      status === 'cash_only' || kind === 'final'
        ? refs.paymentTerms.find((t) => t.days === 0)
        : r.weighted(refs.paymentTerms.map((t) => [t, t.days === 30 ? 6 : t.days === 0 ? 1 : t.days <= 60 ? 3 : 1] as const));
    const priceList =
      currency === 'USD' && refs.priceLists.usd.length
        ? r.pick(refs.priceLists.usd)
        : kind === 'final' || kind === 'person'
          ? refs.priceLists.ars[refs.priceLists.ars.length - 1]
          : refs.priceLists.ars[0];
    const segment = (level: 0 | 1 | 2 | 3, code: string | undefined) =>
      code && refs.segments[level].has(code) ? refs.segments[level].get(code)! : r.pick([...refs.segments[level].values()]);
    const channel =
      kind === 'final' || kind === 'person' ? 'MIN' : big ? r.pick(['DIST', 'CAD']) : r.pick(['MAY', 'MIN', 'DIST']);
    const group = big && r.chance(0.5) ? undefined : 'INDEP';
    const hasCbu = complete || r.chance(kind === 'company' ? 0.45 : 0.2);
    rows.push({
      code,
      legalName,
      tradeName,
      rating,
      status,
      street: kind === 'foreign' && !complete ? null : street,
      city,
      province,
      postalCode,
      country,
      phone:
        complete && i % 13 === 0 ? `+54 ${where.area} ${r.digits(8 - Math.max(0, where.area.length - 2))}` : phone(r, where.area),
      email: `${mailbox ?? r.pick(['administracion', 'pagos', 'tesoreria', 'compras', 'info'])}@${domain}`,
      ivaCondition,
      taxIdType,
      taxId,
      grossIncomeRegime,
      grossIncomeNumber:
        grossIncomeRegime === 'multilateral'
          ? `901-${r.digits(6)}-${r.digits(1)}`
          : grossIncomeRegime === 'local' && taxIdType !== 'DNI'
            ? taxId
            : complete
              ? `${r.digits(7)}-${r.digits(2)}`
              : null,
      largeTaxpayer: big && r.chance(0.3),
      vatExemptionPct: complete ? r.pick(['0.00', '10.50', '50.00', '100.00']) : r.chance(0.02) ? '50.00' : '0.00',
      receivableAccount: currency === 'USD' ? '1.1.3.02' : '1.1.3.01',
      cbu: hasCbu ? makeCbu(r, r.pick(refs.bankCodes)) : null,
      paymentTermId: term?.id ?? null,
      currency,
      creditLimit,
      salespersonId: r.pick(refs.salespeople),
      collectorId: kind === 'foreign' && !complete ? null : r.pick(refs.collectors),
      priceListId: priceList ?? null,
      carrierId: complete || r.chance(0.7) ? r.pick(refs.carriers) : null,
      deliveryNoteCopies: r.weighted([
        [1, 3],
        [2, 5],
        [3, 2],
      ] as const),
      invoiceCopies: r.weighted([
        [1, 8],
        [2, 2],
      ] as const),
      segment1Id: kind === 'foreign' && !complete ? null : segment(0, where.zone),
      segment2Id: segment(1, trade),
      segment3Id: segment(2, channel),
      segment4Id: segment(3, group),
      notes: complete
        ? `${r.pick(NOTES)}${i % 7 === 0 ? '\nSegunda línea; con "comillas" y punto y coma.' : ''}`
        : r.chance(0.15)
          ? r.pick(NOTES)
          : null,
    });
  }
  return rows;
}
