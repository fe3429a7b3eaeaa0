/**
 * The 24 Argentine jurisdictions by ISO 3166-2:AR code, with their official
 * Spanish names. They are proper names, so they read the same in every language.
 */
export const PROVINCES = [
  { id: 'AR-B', name: 'Buenos Aires' },
  { id: 'AR-K', name: 'Catamarca' },
  { id: 'AR-H', name: 'Chaco' },
  { id: 'AR-U', name: 'Chubut' },
  { id: 'AR-C', name: 'Ciudad Autónoma de Buenos Aires' },
  { id: 'AR-X', name: 'Córdoba' },
  { id: 'AR-W', name: 'Corrientes' },
  { id: 'AR-E', name: 'Entre Ríos' },
  { id: 'AR-P', name: 'Formosa' },
  { id: 'AR-Y', name: 'Jujuy' },
  { id: 'AR-L', name: 'La Pampa' },
  { id: 'AR-F', name: 'La Rioja' },
  { id: 'AR-M', name: 'Mendoza' },
  { id: 'AR-N', name: 'Misiones' },
  { id: 'AR-Q', name: 'Neuquén' },
  { id: 'AR-R', name: 'Río Negro' },
  { id: 'AR-A', name: 'Salta' },
  { id: 'AR-J', name: 'San Juan' },
  { id: 'AR-D', name: 'San Luis' },
  { id: 'AR-Z', name: 'Santa Cruz' },
  { id: 'AR-S', name: 'Santa Fe' },
  { id: 'AR-G', name: 'Santiago del Estero' },
  { id: 'AR-V', name: 'Tierra del Fuego, Antártida e Islas del Atlántico Sur' },
  { id: 'AR-T', name: 'Tucumán' },
] as const;

export type ProvinceCode = (typeof PROVINCES)[number]['id'];

const BY_CODE = new Map<string, string>(PROVINCES.map((p) => [p.id, p.name]));

/** "AR-X" → "Córdoba"; an unknown code shows as it is. */
export const provinceName = (code: string | null | undefined): string => (code ? (BY_CODE.get(code) ?? code) : '');

/** Shorter names for narrow columns: the city of Buenos Aires as everybody writes it, Tierra del Fuego without its long tail. */
const SHORT: Record<string, string> = { 'AR-C': 'CABA', 'AR-V': 'Tierra del Fuego' };

export const provinceShortName = (code: string | null | undefined): string => (code ? (SHORT[code] ?? provinceName(code)) : '');
