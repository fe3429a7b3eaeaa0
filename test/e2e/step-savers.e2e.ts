import { expect, login, sidebar, test } from './fixtures';
import { apiOf, createCustomer, day, postInvoice } from './ledger-support';

test('when a supervisor opens a create page, then the cursor is in its first field', async ({ page }) => {
  await login(page, 'supervisor');
  await page.goto('/#/customers/create');
  await expect(page.getByRole('textbox', { name: 'Código', exact: true })).toBeFocused();
  for (const path of ['/#/contacts/create', '/#/documents/create', '/#/branches/create']) {
    await page.goto(path);
    // The first input to type in, whatever it is called (a radio group keeps its default and is passed over).
    await expect(
      page.locator('main form input:not([type=hidden]):not([type=radio]):not([type=checkbox])').first(),
      path,
    ).toBeFocused();
  }
});

test('when a clerk ticks a partly applied invoice, then it is applied in full with that one click', async ({ page }) => {
  await login(page, 'clerk');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Un Clic Completo S.R.L.');
  const older = await postInvoice(api, customer.id, '1000.00', day(-40), day(-10));
  const newer = await postInvoice(api, customer.id, '3000.00', day(-20), day(5));
  await page.goto(`/#/receipts/create?customerId=${customer.id}`);
  await expect(page.locator('[data-payment-line="0"]').getByLabel('Importe')).toBeFocused();
  await page.keyboard.type('2000');
  const row = page.locator(`[data-item="${newer.displayNumber}"]`);
  await expect(row.getByLabel(/^Importe a imputar/)).toHaveValue('1.000,00');
  await row.getByRole('checkbox').click();
  await expect(row.getByLabel(/^Importe a imputar/)).toHaveValue('3.000,00');
  await expect(page.locator(`[data-item="${older.displayNumber}"]`).getByLabel(/^Importe a imputar/)).toHaveValue('1.000,00');
});

test('when a receipt shows credits on account, then its Imputar link opens Imputar with the customer and that credit chosen', async ({
  page,
}) => {
  await login(page, 'clerk');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Crédito A Cuenta S.A.');
  await postInvoice(api, customer.id, '500.00', day(-5), day(10));
  await api.post(
    '/api/receipts',
    {
      customerId: customer.id,
      issueDate: day(0),
      payments: [{ method: 'cash', amount: '200.00' }],
      withholdings: [],
      applications: [],
    },
    { 'Idempotency-Key': crypto.randomUUID() },
  );
  await page.goto(`/#/receipts/create?customerId=${customer.id}`);
  await page.locator('[data-customer-summary]').getByRole('link', { name: 'Imputar' }).click();
  await expect(page).toHaveURL(/#\/applications\/create\?customerId=\d+&creditId=\d+/);
  await expect(page.locator('[data-total="apply"]')).toContainText('$\u00a0200,00');
});

test('when a clerk clicks a menu group title that is also a page, then that page opens', async ({ page }) => {
  await login(page, 'clerk');
  await sidebar(page).locator('[data-menu-group="customers"]').click();
  await expect(page).toHaveURL(/#\/customers$/);
  await expect(page.locator('#react-admin-title')).toHaveText('Clientes');
});
