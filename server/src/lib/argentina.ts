import { PROVINCE_NAMES } from '../../../shared/catalog/provinces';

/** The 24 jurisdictions, as ISO 3166-2:AR codes (names in the shared catalog). */
export const PROVINCES: Record<string, string> = PROVINCE_NAMES;
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
