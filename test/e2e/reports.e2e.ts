import { addDays, today } from '../../server/src/lib/dates';
import { expect, login, menuLink, screenshot, test } from './fixtures';
import { day, postInvoice, typed } from './ledger-support';
import { choose, createDebtor, screenshotOf, startAs } from './collections-support';

const nb = '\u00a0';
const money = (text: string) => `$${nb}${text}`;

/** The last day of last month, and a day some days before it, as the API writes them. */
function lastMonthEnd(offset = 0): string {
  // Day 0 of this month (in Argentina) is the last day of the last one.
  return addDays(`${today().slice(0, 8)}01`, offset - 1);
}

test('when a supervisor opens the aging as of last month end and drills into a customer, then it shows the debt as it stood that day', async ({
  page,
  baseURL,
}) => {
  const { api, collector } = await startAs(page, baseURL!, 'supervisor');
  // Owed since before the month ended, 10 days late then; part paid today; another invoice today.
  const customer = await createDebtor(api, 'Maderera El Quebracho S.A.', collector.id, []);
  const old = await postInvoice(api, customer.id, '120000.00', lastMonthEnd(-40), lastMonthEnd(-10));
  await postInvoice(api, customer.id, '30000.00', day(0), day(30));
  await api.post('/api/receipts', {
    customerId: customer.id,
    issueDate: day(0),
    payments: [{ method: 'cash', amount: '10000.00' }],
    applications: [{ documentId: old.id, amount: '10000.00' }],
  });

  await menuLink(page, 'Antigüedad de saldos').click();
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  await page.getByRole('button', { name: 'Fin del mes pasado' }).click();
  await expect(page.getByLabel('Al día')).toHaveValue(typed(lastMonthEnd()));
  await page.getByLabel('Buscar cliente').fill(customer.code);
  await expect(page.locator('[data-aging-summary]')).toHaveText(`1 fila · al ${typed(lastMonthEnd())}`);
  const row = page.locator('[data-aging-row]', { hasText: customer.code });
  // As of then: the whole invoice, 10 days late; nothing of today's.
  await expect(row.locator('td').nth(2)).toHaveText(money('120.000,00'));
  await expect(row.locator('td').nth(1)).toHaveText(money('0,00'));
  await expect(page.locator('[data-aging-totals]')).toContainText(money('120.000,00'));
  await screenshot(page, 'reports-aging-last-month');

  await row.click();
  const drill = page.getByRole('dialog');
  await expect(drill).toContainText(`Pendientes de ${customer.code} — Maderera El Quebracho S.A. al ${typed(lastMonthEnd())}`);
  await expect(drill.locator('[data-item]')).toHaveCount(1);
  await expect(drill.locator(`[data-item="${old.displayNumber}"]`)).toContainText('10 días');
  await expect(drill.locator('[data-total="owed"]')).toHaveText(money('120.000,00'));
  await screenshotOf(drill, 'reports-aging-drill');
  await drill.getByRole('button', { name: 'Cerrar' }).click();

  // Today: what is left of the old invoice, now later, and the new one not yet due.
  await page.getByRole('button', { name: 'Hoy', exact: true }).click();
  await expect(page.locator('[data-aging-summary]')).toHaveText(`1 fila · al ${typed(day(0))}`);
  await expect(row.locator('td').nth(1)).toHaveText(money('30.000,00'));
  await expect(row.locator('td').nth(8)).toHaveText(money('140.000,00'));

  // The CSV of the same report.
  const csvHref = await page.getByRole('link', { name: 'Exportar' }).getAttribute('href');
  const csv = await (await page.request.get(csvHref!)).text();
  expect(csv).toContain(`${customer.code} – Maderera El Quebracho S.A.;1;30000,00`);

  // Grouped by collector, a row leads to that collector's debtors.
  await choose(page, page, 'Agrupar por', 'Cobrador');
  const group = page.locator('[data-aging-row]', { hasText: collector.name });
  await expect(group).toContainText(money('140.000,00'));
  await group.click();
  await expect(page).toHaveURL(/\/debtors\?/);
  await expect(page.locator('tbody tr', { hasText: customer.code })).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(1);
});

test('when a manager opens the home page, then the figures load and each card opens the list behind it', async ({ page }) => {
  await login(page, 'manager');
  const receivable = page.locator('[data-figure="receivable"]');
  await expect(receivable).toContainText(/\$\u00a0[\d.]+,\d{2}/);
  await expect(receivable).toContainText('clientes con saldo');
  await expect(page.locator('[data-figure="overdue"]')).toContainText('% de lo adeudado');
  await expect(page.locator('[data-figure="dso"]')).toContainText(/\d+(,\d)? días/);
  await expect(page.locator('[data-figure="aging"] .recharts-surface')).toBeVisible();
  await expect(page.locator('[data-top-debtor]')).toHaveCount(10);
  await page.locator('[data-help="dso"]').hover();
  await expect(page.getByRole('tooltip')).toContainText('ventas netas en cuenta corriente de los últimos 90 días');
  // Overdue is net of the credits on account: the aging's gross figure and the credits show on hover.
  await expect(page.locator('[data-figure="overdue"]')).toContainText('Vencido neto');
  await page.locator('[data-help="overdue"]').hover();
  // The DSO tooltip may still be fading out: take the one that opened now.
  await expect(page.getByRole('tooltip').filter({ hasText: 'créditos a cuenta' })).toContainText(
    /vencido según la antigüedad de saldos \$\u00a0[\d.]+,\d{2}, menos créditos a cuenta/,
  );
  // Customers in credit are shown apart, negative.
  await expect(page.locator('[data-figure="inCredit"]')).toContainText(/-\$\u00a0[\d.]+,\d{2}|\$\u00a00,00/);
  await screenshot(page, 'reports-dashboard');
  await page.setViewportSize({ width: 1024, height: 768 });
  await screenshot(page, 'reports-dashboard-1024');
  await page.setViewportSize({ width: 1366, height: 768 });

  // Calls due today → the team's agenda.
  const calls = Number(await page.locator('[data-figure="calls"] [data-value]').innerText());
  await page.locator('[data-figure="calls"]').click();
  await expect(page).toHaveURL(/\/agenda\?scope=team/);
  await expect(page.getByRole('button', { name: 'Equipo' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('region', { name: 'Para llamar hoy' })).toContainText(
    `(${calls} cliente${calls === 1 ? '' : 's'})`,
  );
  await page.goBack();

  // Broken promises → the debtors with one.
  await page.locator('[data-figure="broken"]').click();
  await expect(page).toHaveURL(/\/debtors\?.*brokenPromise/);
  await expect(page.locator('tbody tr').first()).toContainText('Incumplida');
  const rows = await page.locator('tbody tr').count();
  await expect(page.locator('tbody tr', { hasText: 'Incumplida' })).toHaveCount(rows);
  await page.goBack();

  // Overdue → debtors with something overdue, most overdue first.
  await page.locator('[data-figure="overdue"]').click();
  await expect(page).toHaveURL(/\/debtors\?.*minOverdue/);
  await expect(page.locator('tbody tr').first()).toBeVisible();
  await page.goBack();

  // The largest debtor → its collections tab.
  const top = page.locator('[data-top-debtor]').first();
  const code = await top.getAttribute('data-top-debtor');
  await top.click();
  await expect(page).toHaveURL(/\/customers\/\d+\/show\/collections/);
  await expect(page.getByText(code!).first()).toBeVisible();
  await page.goBack();

  // In dollars, the same cards; the aging opens in dollars too.
  await page.getByRole('button', { name: 'Dólares (USD)' }).click();
  await expect(page.locator('[data-figure="receivable"]')).toContainText(/US\$\u00a0[\d.]+,\d{2}/);
  await page.locator('[data-figure="aging"]').getByRole('link', { name: 'Abrir' }).click();
  await expect(page).toHaveURL(/\/reports\/aging\?currency=USD/);
  await expect(page.getByRole('combobox', { name: 'Moneda' })).toHaveText('Dólares (USD)');
  await expect(page.locator('[data-aging-totals]')).toContainText('US$');
});
