import polyglotI18nProvider from 'ra-i18n-polyglot';
import es from './es';
import en from './en';

export const LOCALES = ['es', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Spanish by default. react-admin keeps the user's choice in its localStorage
 * store (key `locale`) and applies it before the first render.
 */
export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? en : es), 'es', [
  { locale: 'es', name: 'Español' },
  { locale: 'en', name: 'English' },
]);

/** The language the server should answer in (Accept-Language). */
export const currentLocale = (): Locale => (i18nProvider.getLocale() === 'en' ? 'en' : 'es');
