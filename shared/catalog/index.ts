import { catalogEs, type Catalog } from './es';
import { catalogEn } from './en';
import { PROVINCE_NAMES } from './provinces';

export type { Catalog };
export type CatalogLang = 'es' | 'en';
/** A closed list of codes whose names people read: a group of the catalog's values, or the provinces. */
export type ValueList = keyof Catalog['values'] | 'provinces';

export const catalogs: Record<CatalogLang, Catalog> = { es: catalogEs, en: catalogEn };

/** The field labels of a resource (its admin labels, its CSV headers). */
export const fieldLabels = (lang: CatalogLang, resource: string): Record<string, string> | undefined =>
  (catalogs[lang].fields as Record<string, Record<string, string>>)[resource];

/** code → name of a closed list. */
export const valueLabels = (lang: CatalogLang, list: ValueList): Record<string, string> =>
  list === 'provinces' ? PROVINCE_NAMES : (catalogs[lang].values[list] as Record<string, string>);
