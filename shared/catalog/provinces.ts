/**
 * The 24 Argentine jurisdictions by ISO 3166-2:AR code, with their official
 * Spanish names. They are proper names, so they read the same in every language:
 * the admin's selects and the CSV exports both take them from here.
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

/** "AR-X" → "Córdoba". */
export const PROVINCE_NAMES: Record<string, string> = Object.fromEntries(PROVINCES.map((p) => [p.id, p.name]));
