import { api, expect, login, screenshot, test } from './fixtures';
import { apiOf, createCustomer, day, uniqueNumber, type TestDocument } from './ledger-support';

const nb = '\u00a0';

type Customer = { id: number; code: string; balanceUsd: string; balanceArs: string };

test('when a clerk opens the demo bimonetary customer, then both ledgers show side by side and the statement goes by currency, kept through reload and Back', async ({
  page,
}) => {
  await login(page, 'clerk');
  const [customer] = await api(page).get<Customer[]>(
    `/api/customers?filter=${encodeURIComponent(JSON.stringify({ bimonetary: true }))}`,
  );
  expect(customer.balanceUsd).toBe('5650.00');

  await page.goto(`/#/customers/${customer.id}/show`);
  const figures = page.getByTestId('customer-figures');
  await expect(figures.getByTestId('ledger-ARS')).toContainText('Saldo en pesos');
  await expect(figures.getByTestId('ledger-USD')).toContainText('Saldo en dólares');
  await expect(figures.getByTestId('ledger-USD')).toContainText(`US$${nb}5.650,00`);
  await expect(figures.getByTestId('ledger-USD')).toContainText(`US$${nb}3.350,00`);
  await screenshot(page, 'bimonetary-customer');

  await page.goto(`/#/customers/${customer.id}/show/account`);
  const statement = page.locator('[data-statement]');
  await expect(page.getByRole('button', { name: 'Cuenta en pesos' })).toHaveAttribute('aria-pressed', 'true');
  await expect(statement).not.toContainText('FAC A 00006-00000002');
  await page.getByRole('button', { name: 'Cuenta en dólares' }).click();
  await expect(statement).toContainText('FAC A 00006-00000002');
  await expect(statement.locator('[data-row="closing"]')).toContainText(`US$${nb}5.650,00`);
  await screenshot(page, 'bimonetary-statement-usd');

  await page.reload();
  await expect(page.getByRole('button', { name: 'Cuenta en dólares' })).toHaveAttribute('aria-pressed', 'true');
  await expect(statement).toContainText('FAC A 00006-00000002');
  await page.goBack();
  await expect(page.getByRole('button', { name: 'Cuenta en pesos' })).toHaveAttribute('aria-pressed', 'true');
  await expect(statement).not.toContainText('FAC A 00006-00000002');
});

test('when a clerk enters a receipt for a bimonetary customer in its dollar ledger, then only the dollar invoices are offered, amounts are in US$, and the dollar statement shows the receipt', async ({
  page,
}) => {
  await login(page, 'clerk');
  const client = await apiOf(page);
  // A customer of its own (the demo's keeps its figures for the test above, which runs in parallel).
  const customer = await createCustomer(client, 'Importadora Río de la Plata S.A.', { bimonetary: true });
  const invoice = (total: string, issued: number, currency: 'ARS' | 'USD') =>
    client.post<TestDocument>('/api/documents', {
      customerId: customer.id,
      type: 'FAC',
      letter: 'A',
      pointOfSale: 3,
      number: uniqueNumber(),
      issueDate: day(issued),
      dueDate: day(issued + 30),
      currency,
      total,
    });
  const pesos = await invoice('150000.00', -20, 'ARS');
  const oldest = await invoice('1200.00', -15, 'USD');
  const newest = await invoice('800.00', -5, 'USD');

  await page.goto(`/#/receipts/create?customerId=${customer.id}`);
  const choice = page.locator('[data-ledger-choice]');
  await expect(choice.getByRole('button', { name: 'Cuenta en pesos' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator(`[data-item="${pesos.displayNumber}"]`)).toBeVisible();
  await expect(page.locator(`[data-item="${oldest.displayNumber}"]`)).toHaveCount(0);

  await choice.getByRole('button', { name: 'Cuenta en dólares' }).click();
  await expect(page.locator(`[data-item="${oldest.displayNumber}"]`)).toBeVisible();
  await expect(page.locator(`[data-item="${newest.displayNumber}"]`)).toBeVisible();
  await expect(page.locator(`[data-item="${pesos.displayNumber}"]`)).toHaveCount(0);

  // US$ 500 in cash: part of the oldest dollar invoice, oldest first.
  await page.locator('[data-payment-line="0"]').getByLabel('Importe').fill('500');
  await expect(page.getByLabel(`Importe a imputar a ${oldest.displayNumber}`)).toHaveValue(/500/);
  await expect(page.locator('[data-total="total"]').last()).toContainText(`US$${nb}500,00`);
  await screenshot(page, 'bimonetary-receipt-usd');

  // Reloaded half entered (leaving anyway), the draft comes back in the dollar ledger.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.reload();
  await page.locator('[data-draft-offer]').getByRole('button', { name: 'Recuperarlo' }).click();
  await expect(choice.getByRole('button', { name: 'Cuenta en dólares' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator(`[data-item="${pesos.displayNumber}"]`)).toHaveCount(0);
  await expect(page.locator('[data-total="total"]').last()).toContainText(`US$${nb}500,00`);

  await page.getByRole('button', { name: 'Registrar recibo' }).click();
  const sheet = page.locator('.print-sheet');
  await expect(sheet).toContainText(`US$${nb}500,00`);
  const [receipt] = await client.get<Array<{ displayNumber: string; currency: string; total: string }>>(
    `/api/receipts?filter=${encodeURIComponent(JSON.stringify({ customerId: customer.id }))}`,
  );
  expect(receipt).toMatchObject({ currency: 'USD', total: '500.00' });

  await page.goto(`/#/customers/${customer.id}/show/account?moneda=USD`);
  const statement = page.locator('[data-statement]');
  await expect(statement).toContainText(receipt.displayNumber);
  await expect(statement.locator('[data-row="closing"]')).toContainText(`US$${nb}1.500,00`);
});
