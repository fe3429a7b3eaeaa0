import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'react-admin';
import { es } from './messages';

export const LOCALES = ['es', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

// Spanish is in the first load; English comes from its own file when picked (react-admin waits
// for it, at start too when English was the user's last choice).
const polyglot = polyglotI18nProvider((locale) => (locale === 'en' ? import('./messagesEn').then((m) => m.en) : es), 'es', [
  { locale: 'es', name: 'Español' },
  { locale: 'en', name: 'English' },
]);

/**
 * Spanish by default. react-admin keeps the user's choice in its localStorage
 * store (key `locale`) and applies it before the first render; the page's `lang`
 * follows, for screen readers and the browser's own widgets.
 */
export const i18nProvider: I18nProvider = {
  ...polyglot,
  changeLocale: async (locale, options) => {
    await polyglot.changeLocale(locale, options);
    document.documentElement.lang = locale === 'en' ? 'en' : 'es-AR';
  },
};

/** The language the server should answer in (Accept-Language). */
export const currentLocale = (): Locale => (i18nProvider.getLocale() === 'en' ? 'en' : 'es');
