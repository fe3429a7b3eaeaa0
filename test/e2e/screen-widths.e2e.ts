import type { Page } from '@playwright/test';
import { expect, login, screenshot, test } from './fixtures';

/** Every list and custom page of the admin, by address. */
const PAGES: Array<[string, string]> = [
  ['dashboard', '/#/'],
  ['customers', '/#/customers'],
  ['branches', '/#/branches'],
  ['contacts', '/#/contacts'],
  ['customer-import', '/#/imports/customers'],
  ['card-issuers', '/#/card-issuers'],
  ['card-plans', '/#/card-plans'],
  ['documents', '/#/documents'],
  ['receipt-entry', '/#/receipts/create'],
  ['receipts', '/#/receipts'],
  ['apply', '/#/applications/create'],
  ['applications', '/#/applications'],
  ['adjustments', '/#/adjustments'],
  ['voided-receipts', '/#/voided-receipts'],
  ['values', '/#/values'],
  ['withholdings', '/#/withholdings'],
  ['debtors', '/#/debtors'],
  ['agenda', '/#/agenda'],
  ['collection-sheet', '/#/collection-sheets'],
  ['collection-calls', '/#/collection-calls'],
  ['aging', '/#/reports/aging'],
  ['users', '/#/users'],
  ['segment-levels', '/#/segment-levels'],
  ['audit-events', '/#/audit-events'],
  ['payment-terms', '/#/payment-terms'],
  ['banks', '/#/banks'],
  ['exchange-rates', '/#/exchange-rates'],
  ['statement', '/#/customers/1/show/account'],
];

/** How far the page itself runs past the right edge of the window (0 when nothing is cut). */
const pageOverflow = (page: Page) =>
  page
    .locator('body')
    .evaluate((body) => body.ownerDocument.documentElement.scrollWidth - body.ownerDocument.documentElement.clientWidth);

for (const width of [1366, 1024]) {
  test(`when a manager opens every list and custom page at ${width}×768, then nothing runs past the window and the menu folds under 1280 px`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width, height: 768 });
    await login(page, 'admin');
    const sidebarWidth = await page.locator('.RaSidebar-fixed').evaluate((el) => el.getBoundingClientRect().width);
    if (width < 1280) expect(sidebarWidth, 'the menu folds to its icons').toBeLessThan(80);
    else expect(sidebarWidth, 'the menu stays open').toBeGreaterThan(200);
    for (const [name, path] of PAGES) {
      await page.goto(path);
      await expect(page.locator('#react-admin-title')).not.toHaveText('ctacte');
      await page.waitForLoadState('networkidle');
      await expect(page.locator('.MuiLinearProgress-root, .MuiCircularProgress-root, .MuiSkeleton-root')).toHaveCount(0);
      expect(await pageOverflow(page), `${name} at ${width}`).toBeLessThanOrEqual(0);
      await screenshot(page, `width-${width}-${name}`);
    }
  });
}
