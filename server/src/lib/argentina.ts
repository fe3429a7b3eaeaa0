/** The 24 jurisdictions, as ISO 3166-2:AR codes. */
export const PROVINCES: Record<string, string> = {
  'AR-C': 'Ciudad Autónoma de Buenos Aires',
  'AR-B': 'Buenos Aires',
  'AR-K': 'Catamarca',
  'AR-H': 'Chaco',
  'AR-U': 'Chubut',
  'AR-X': 'Córdoba',
  'AR-W': 'Corrientes',
  'AR-E': 'Entre Ríos',
  'AR-P': 'Formosa',
  'AR-Y': 'Jujuy',
  'AR-L': 'La Pampa',
  'AR-F': 'La Rioja',
  'AR-M': 'Mendoza',
  'AR-N': 'Misiones',
  'AR-Q': 'Neuquén',
  'AR-R': 'Río Negro',
  'AR-A': 'Salta',
  'AR-J': 'San Juan',
  'AR-D': 'San Luis',
  'AR-Z': 'Santa Cruz',
  'AR-S': 'Santa Fe',
  'AR-G': 'Santiago del Estero',
  'AR-V': 'Tierra del Fuego',
  'AR-T': 'Tucumán',
};
export const PROVINCE_CODES = Object.keys(PROVINCES);

/** ARCA (ex AFIP) VAT conditions. */
export const IVA_CONDITIONS: Record<number, string> = {
  1: 'IVA Responsable Inscripto',
  4: 'IVA Sujeto Exento',
  5: 'Consumidor Final',
  6: 'Responsable Monotributo',
  7: 'Sujeto No Categorizado',
  9: 'Cliente del Exterior',
  10: 'IVA Liberado – Ley N° 19.640',
  13: 'Monotributista Social',
  15: 'IVA No Alcanzado',
  16: 'Monotributo Trabajador Independiente Promovido',
};
export const IVA_CODES = Object.keys(IVA_CONDITIONS).map(Number);

export const TAX_ID_TYPES = ['CUIT', 'CUIL', 'DNI', 'FOREIGN'] as const;
export const GROSS_INCOME_REGIMES = ['local', 'multilateral', 'exempt', 'not_registered'] as const;
export const CUSTOMER_STATUSES = ['active', 'suspended', 'prospect', 'cash_only', 'inactive'] as const;
export const ACCOUNT_CURRENCIES = ['ARS', 'USD'] as const;
