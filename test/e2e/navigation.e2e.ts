import type { Page } from '@playwright/test';
import { expect, login, menuLink, test } from './fixtures';
import { apiOf, createCustomer, day } from './ledger-support';

/** A custom page, the heading it shows once loaded, and how to reach it. */
interface CustomPage {
  name: string;
  path: (page: Page) => Promise<string>;
  heading: RegExp;
}

const fixed = (path: string) => async () => path;

const PAGES: CustomPage[] = [
  { name: 'receipt entry', path: fixed('/#/receipts/create'), heading: /^Nuevo recibo$/ },
  { name: 'Imputar', path: fixed('/#/applications/create'), heading: /^Imputar/ },
  { name: 'aging', path: fixed('/#/reports/aging'), heading: /^Antigüedad de saldos/ },
  { name: 'agenda', path: fixed('/#/agenda'), heading: /^Agenda de cobranzas/ },
  { name: 'collection sheet', path: fixed('/#/collection-sheets'), heading: /^Hoja de cobranzas/ },
  {
    name: 'collection sheet of a collector',
    path: async (page) => {
      const [collector] = await (await apiOf(page)).get<Array<{ id: number }>>('/api/collectors?range=[0,0]');
      return `/#/collection-sheets?collectorId=${collector.id}&date=${day(0)}`;
    },
    heading: /^Hoja de cobranzas/,
  },
  {
    name: 'collection sheet results',
    path: fixed('/#/collection-sheets/results'),
    heading: /^Resultados de la hoja de cobranzas/,
  },
  {
    name: 'statement',
    path: async (page) => {
      const customer = await createCustomer(await apiOf(page), 'Navegación Estado de Cuenta S.A.');
      return `/#/customers/${customer.id}/show/account`;
    },
    heading: /Navegación Estado de Cuenta/,
  },
  { name: 'customer import', path: fixed('/#/imports/customers'), heading: /^Importar clientes/ },
  { name: 'new card settlement', path: fixed('/#/card-settlements/create'), heading: /^Nueva liquidación$/ },
  { name: 'card coupons to settle', path: fixed('/#/card-coupons-pending'), heading: /^Cupones pendientes de liquidación$/ },
  { name: 'values cash-flow', path: fixed('/#/reports/values-cashflow?currency=ARS'), heading: /^Flujo de valores/ },
  {
    name: 'deposit slip',
    path: async (page) => {
      const [slip] = await (await apiOf(page)).get<Array<{ id: number }>>('/api/deposit-slips?range=[0,0]');
      return `/#/deposit-slips/${slip.id}/show`;
    },
    heading: /^Boleta de depósito N\.º \d+/,
  },
];

const title = (page: Page) => page.locator('#react-admin-title');
const crashed = (page: Page) => page.getByText('Algo salió mal');

async function expectShown(page: Page, heading: RegExp) {
  await expect(title(page)).toHaveText(heading);
  await expect(crashed(page)).toHaveCount(0);
}

for (const custom of PAGES) {
  test(`when a clerk leaves the ${custom.name} page by the menu and comes back with Back, Forward and reload, then the page shows again without errors`, async ({
    page,
  }) => {
    await login(page, 'admin');
    const path = await custom.path(page);
    await page.goto(path);
    await expectShown(page, custom.heading);

    // Away through the menu, then Back to the page.
    await menuLink(page, 'Recibos').click();
    await expect(page).toHaveURL(/#\/receipts$/);
    await page.goBack();
    await expectShown(page, custom.heading);

    // Forward to the list and Back again.
    await page.goForward();
    await expect(page).toHaveURL(/#\/receipts$/);
    await expect(crashed(page)).toHaveCount(0);
    await page.goBack();
    await expectShown(page, custom.heading);

    // A reload keeps the page.
    await page.reload();
    await expectShown(page, custom.heading);
  });
}
