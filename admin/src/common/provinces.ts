import { PROVINCES } from '../../../shared/catalog/provinces';

export { PROVINCES, type ProvinceCode } from '../../../shared/catalog/provinces';

const BY_CODE = new Map<string, string>(PROVINCES.map((p) => [p.id, p.name]));

/** "AR-X" → "Córdoba"; an unknown code shows as it is. */
export const provinceName = (code: string | null | undefined): string => (code ? (BY_CODE.get(code) ?? code) : '');

/** Shorter names for narrow columns: the city of Buenos Aires as everybody writes it, Tierra del Fuego without its long tail. */
const SHORT: Record<string, string> = { 'AR-C': 'CABA', 'AR-V': 'Tierra del Fuego' };

export const provinceShortName = (code: string | null | undefined): string => (code ? (SHORT[code] ?? provinceName(code)) : '');
