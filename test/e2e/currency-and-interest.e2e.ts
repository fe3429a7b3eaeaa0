import { expect, login, screenshot, sidebar, test, waitForNotification } from './fixtures';
import { apiOf, createCustomer, day, postInvoice, typed, uniqueNumber } from './ledger-support';

/** Pesos as the admin prints them ("$ 10.000,00"), from cents, for the expectations below. */
const pesos = (cents: bigint) => {
  const int = (cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `$ ${int},${(cents % 100n).toString().padStart(2, '0')}`;
};

test('when a USD invoice is paid in pesos at its own rate, then the receipt proposes the exchange difference and posts it as an ND X', async ({
  page,
}) => {
  await login(page, 'supervisor');
  const api = await apiOf(page);
  // The BNA seller rate in force today, from the demo's rate table.
  const [today] = await api.get<Array<{ rate: string }>>(
    `/api/exchange-rates?filter=${encodeURIComponent(JSON.stringify({ currency: 'USD', date_lte: day(0) }))}&sort=${encodeURIComponent('["date","DESC"]')}&range=[0,0]`,
  );
  const dayRate = Number(today.rate).toFixed(2);
  const invoiceRate = (Number(dayRate) - 100).toFixed(2);
  // A domestic sale priced in dollars: class A to a Responsable Inscripto (RG 1415).
  const customer = await createCustomer(api, 'Importadora del Litoral S.A.', { currency: 'USD' });
  const invoice = await api.post<{ id: number; displayNumber: string }>('/api/documents', {
    customerId: customer.id,
    type: 'FAC',
    letter: 'A',
    pointOfSale: 5,
    number: uniqueNumber(),
    issueDate: day(-20),
    total: '100.00',
    exchangeRate: invoiceRate,
  });
  // The customer pays the pesos printed on the invoice: USD 100 at the invoice's rate.
  const receipt = await api.post<{ id: number; displayNumber: string }>('/api/receipts', {
    customerId: customer.id,
    issueDate: day(0),
    payments: [{ method: 'cash', amount: (Number(invoiceRate) * 100).toFixed(2), currency: 'ARS', exchangeRate: invoiceRate }],
    applications: [{ documentId: invoice.id, amount: '100.00' }],
  });

  await page.goto(`/#/documents/${receipt.id}/show`);
  const panel = page.getByRole('table', { name: 'Diferencia de cambio' });
  await expect(panel).toBeVisible();
  // 100 dollars × (day rate − invoice rate) = 100 × 100 = $ 10.000,00 in pesos.
  const row = panel.locator('tbody tr', { hasText: invoice.displayNumber });
  await expect(row).toContainText(pesos(10000n * 100n));
  await expect(row).toContainText('Nota de débito');
  await screenshot(page, 'fiscal-exchange-difference-proposal');
  await page.getByRole('button', { name: 'Registrar diferencia de cambio' }).click();
  await waitForNotification(page, /Diferencia de cambio registrada: ND X \d{5}-\d{8}/);
  await expect(row.getByRole('link', { name: 'Registrada' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Registrar diferencia de cambio' })).toHaveCount(0);
  await screenshot(page, 'fiscal-exchange-difference-posted');
  await row.getByRole('link', { name: 'Registrada' }).click();
  await expect(page.getByText('Diferencia de cambio', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: /^ND X / })).toBeVisible();
});

test('when the supervisor previews the interest run of a customer and posts it, then one ND X charges it and the run proposes nothing more', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'supervisor');
  const api = await apiOf(page);
  const admin = await page.context().browser()!.newContext({ baseURL: process.env.E2E_BASE_URL });
  const adminPage = await admin.newPage();
  await login(adminPage, 'admin');
  const adminApi = await apiOf(adminPage);
  // 3 % a month from 1/1/2000 (the demo has no rate table; another run of this test already made it).
  await adminApi.post('/api/interest-rates', { validFrom: '2000-01-01', monthlyPct: '3' }).catch(() => undefined);
  await admin.close();
  const customer = await createCustomer(api, 'Ferretería La Interesada S.R.L.');
  const invoice = await postInvoice(api, customer.id, '90000.00', day(-40), day(-30));

  // The menu leads to the run (the whole company's proposal); the test narrows it to its own customer.
  await expect(sidebar(page).getByRole('menuitem', { name: 'Intereses por mora' })).toBeVisible();
  await page.goto(`/#/interest-runs?customerId=${customer.id}`);
  await expect(page.getByText('Interés simple sobre los comprobantes vencidos')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Cliente' })).toHaveValue(new RegExp(customer.code));
  const table = page.getByRole('table', { name: 'Intereses por mora' });
  const row = table.locator('tbody tr', { hasText: invoice.displayNumber });
  // 90.000 × 3 % ÷ 30 × 30 days = $ 2.700,00.
  await expect(row).toContainText(typed(day(-30)));
  await expect(row).toContainText('$ 90.000,00');
  await expect(row).toContainText('$ 2.700,00');
  await expect(page).toHaveURL(new RegExp(`customerId=${customer.id}`));
  await screenshot(page, 'fiscal-interest-preview');
  // The preview survives a reload: its options live in the address.
  await page.reload();
  await expect(
    page.getByRole('table', { name: 'Intereses por mora' }).locator('tbody tr', { hasText: invoice.displayNumber }),
  ).toContainText('$ 2.700,00');
  await expect(page.getByRole('link', { name: 'Exportar CSV' })).toHaveAttribute(
    'href',
    new RegExp(`preview\\.csv\\?date=${day(0)}`),
  );
  // The page is back as it was: the customer picked again from the address.
  await expect(page.getByRole('combobox', { name: 'Cliente' })).toHaveValue(new RegExp(customer.code));
  await page.getByRole('button', { name: 'Registrar notas de débito' }).click();
  await expect(page.getByRole('dialog')).toContainText('por $ 2.700,00');
  await screenshot(page, 'fiscal-interest-confirm');
  await page.getByRole('dialog').getByRole('button', { name: 'Registrar notas de débito' }).click();
  await waitForNotification(page, /Notas de débito registradas: ND X \d{5}-\d{8}/);
  await expect(page.getByText('No hay intereses para cobrar a esa fecha.')).toBeVisible();
  await screenshot(page, 'fiscal-interest-posted');
  const figures = await api.get<{ balance: string }>(`/api/customers/${customer.id}`);
  expect(figures.balance).toBe('92700.00');
});
