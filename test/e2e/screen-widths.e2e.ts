import type { Page } from '@playwright/test';
import { expect, login, screenshot, test } from './fixtures';
import { apiOf, day } from './ledger-support';

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
  ['card-coupons', '/#/card-coupons'],
  ['card-settlements', '/#/card-settlements'],
  ['bank-accounts', '/#/bank-accounts'],
  ['cash-boxes', '/#/cash-boxes'],
  ['deposit-slips', '/#/deposit-slips'],
  ['values-cashflow', '/#/reports/values-cashflow'],
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
  ['holidays', '/#/holidays'],
  ['statement', '/#/customers/1/show/account'],
];

/**
 * Where each top-level table of the page puts its key column (the first, after a selection
 * checkbox) and its action column (a last column with buttons), measured with the table's
 * scroll container at its start and at its end: each must lie inside the window and right of
 * the menu. A container that scrolls must show its scrollbar. Returns what is wrong, in words.
 */
const COLUMNS_OUT_OF_VIEW = `(() => {
  const width = document.documentElement.clientWidth;
  const menu = document.querySelector('.RaSidebar-fixed');
  const left = menu ? menu.getBoundingClientRect().right : 0;
  const problems = [];
  const scroller = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if ((o === 'auto' || o === 'scroll') && p.scrollWidth > p.clientWidth + 15) {
        // Only a box that really moves sideways counts, by more than a scrollbar's thickness: Chromium
        // draws no scrollbar for the aging's 8 px at 1366 (its last column then sits under the action column).
        const before = p.scrollLeft;
        p.scrollLeft = p.scrollWidth;
        const moves = p.scrollLeft - before > 15;
        p.scrollLeft = before;
        if (moves) return p;
      }
    }
    return null;
  };
  const tables = [...document.querySelectorAll('main table')].filter((t) => !t.parentElement.closest('table') && t.offsetParent !== null);
  tables.forEach((table, i) => {
    const row = (table.tBodies[0] && table.tBodies[0].rows[0]) || table.rows[0];
    if (!row || row.cells.length === 0) return;
    const checks = [];
    const first = row.cells[0].classList.contains('MuiTableCell-paddingCheckbox') && row.cells[1] ? row.cells[1] : row.cells[0];
    checks.push(['key', first]);
    const last = row.cells[row.cells.length - 1];
    if (row.cells.length > 1 && last.querySelector('button, a.MuiButton-root, a.MuiIconButton-root')) checks.push(['action', last]);
    const box = scroller(table);
    if (box && box.offsetHeight - box.clientHeight - (parseFloat(getComputedStyle(box).borderTopWidth) + parseFloat(getComputedStyle(box).borderBottomWidth)) < 1)
      problems.push('table ' + i + ' scrolls sideways without a visible scrollbar (' + String(box.className).slice(0, 60) + ' ' + box.scrollWidth + '/' + box.clientWidth + ' wide, ' + box.offsetHeight + '/' + box.clientHeight + ' high)');
    for (const end of box ? [false, true] : [false]) {
      if (box) box.scrollLeft = end ? box.scrollWidth : 0;
      for (const [what, cell] of checks) {
        const r = cell.getBoundingClientRect();
        if (r.width === 0 || r.left < left - 1 || r.right > width + 1)
          problems.push('table ' + i + ' ' + what + ' column "' + cell.innerText.slice(0, 30).replace(/\\s+/g, ' ') + '" spans ' + Math.round(r.left) + '–' + Math.round(r.right) + ' (visible ' + Math.round(left) + '–' + width + ') with the table scrolled to its ' + (end ? 'end' : 'start'));
      }
    }
    if (box) box.scrollLeft = 0;
  });
  return problems;
})()`;

// Headless Chromium hides scrollbars unless told not to: these screens are about seeing them.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
    ignoreDefaultArgs: ['--hide-scrollbars'],
  },
});

const columnsOutOfView = (page: Page) => page.evaluate<string[]>(COLUMNS_OUT_OF_VIEW);

/** How far the page itself runs past the right edge of the window (0 when nothing is cut). */
const pageOverflow = (page: Page) =>
  page
    .locator('body')
    .evaluate((body) => body.ownerDocument.documentElement.scrollWidth - body.ownerDocument.documentElement.clientWidth);

for (const width of [1366, 1024]) {
  test(`when an admin opens every list and custom page at ${width}×768, then nothing runs past the window, key and action columns stay in view and the menu folds under 1280 px`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width, height: 768 });
    await login(page, 'admin');
    const sidebarWidth = await page.locator('.RaSidebar-fixed').evaluate((el) => el.getBoundingClientRect().width);
    if (width < 1280) expect(sidebarWidth, 'the menu folds to its icons').toBeLessThan(80);
    else expect(sidebarWidth, 'the menu stays open').toBeGreaterThan(200);
    // A collection sheet with stops, built through the API for the next working day, and today's results screen.
    const api = await apiOf(page);
    const { date } = await api.get<{ date: string }>(`/api/holidays/next-working-day?after=${day(0)}`);
    const [collector] = await api.get<Array<{ id: number }>>('/api/collectors?range=[0,0]&sort=["code","ASC"]');
    const debtors = await api.get<Array<{ id: number }>>(
      `/api/debtors?range=[0,3]&sort=["overdue","DESC"]&filter=${encodeURIComponent(JSON.stringify({ collectorId: collector.id }))}`,
    );
    await api.post('/api/collection-sheets/stops', { collectorId: collector.id, date, customerIds: debtors.map((d) => d.id) });
    // Today's sheet too, whose results can be recorded.
    await api.post('/api/collection-sheets/stops', {
      collectorId: collector.id,
      date: day(0),
      customerIds: debtors.map((d) => d.id),
    });
    const sheet = `collectorId=${collector.id}&date=${date}`;
    const todays = `collectorId=${collector.id}&date=${day(0)}`;
    const pages: Array<[string, string]> = [
      ...PAGES,
      ['collection-sheet-built', `/#/collection-sheets?${sheet}`],
      ['collection-sheet-results', `/#/collection-sheets/results?${todays}`],
    ];
    for (const [name, path] of pages) {
      await page.goto(path);
      // The page's own title, once its (lazily loaded) component has mounted.
      await expect(page.locator('#react-admin-title')).not.toHaveText(/^(ctacte)?$/);
      await page.waitForLoadState('networkidle');
      await expect(page.locator('.MuiLinearProgress-root, .MuiCircularProgress-root, .MuiSkeleton-root')).toHaveCount(0);
      expect(await pageOverflow(page), `${name} at ${width}`).toBeLessThanOrEqual(0);
      // Polled: a late reflow (the page's own scrollbar appearing) can still change the widths.
      await expect.poll(() => columnsOutOfView(page), { message: `${name} at ${width}` }).toEqual([]);
      await screenshot(page, `width-${width}-${name}`);
    }
  });
}
