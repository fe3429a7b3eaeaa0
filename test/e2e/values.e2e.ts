import { expect, login, screenshot, sidebar, test, waitForNotification } from './fixtures';
import { apiOf, createCustomer, day, makeCuit, postInvoice, uniqueNumber, type Api } from './ledger-support';

const nb = '\u00a0';
const money = (text: string) => `$${nb}${text}`;

/** A receipt paid with one third-party cheque, as the API takes it; returns the cheque's number. */
async function receiptWithCheque(api: Api, customerId: number, amount: string, invoiceId: number): Promise<string> {
  const banks = await api.get<Array<{ id: number; code: string }>>('/api/banks?filter=%7B%22code%22%3A%22072%22%7D');
  const number = String(uniqueNumber());
  await api.post('/api/receipts', {
    customerId,
    issueDate: day(0),
    payments: [
      {
        method: 'third_party_cheque',
        amount,
        bankId: banks[0].id,
        number,
        // Payable today, so the law lets it be deposited today (Ley 24.452: not before its payment date).
        issueDate: day(-2),
        paymentDate: day(0),
        drawerTaxId: makeCuit('30'),
        drawerName: 'Agropecuaria La Pampa S.A.',
      },
    ],
    applications: [{ documentId: invoiceId, amount }],
  });
  return number;
}

test('when a cheque in the portfolio is rejected, then a debit note is posted to the customer and shown', async ({ page }) => {
  await login(page, 'clerk');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Forrajería El Trébol S.R.L.');
  const invoice = await postInvoice(api, customer.id, '64250.00', day(-15), day(15));
  const number = await receiptWithCheque(api, customer.id, '64250.00', invoice.id);

  await sidebar(page).getByRole('menuitem', { name: 'Cartera de valores' }).click();
  await expect(page.getByRole('tab', { name: /En cartera/ })).toHaveAttribute('aria-selected', 'true');
  // Values come in with receipts: the portfolio has nothing to create.
  await expect(page.getByRole('link', { name: 'Crear' })).toHaveCount(0);
  await page.getByPlaceholder('Buscar').fill(number);
  const row = page.locator('tbody tr', { hasText: number });
  await expect(row).toContainText('Ch. terceros');
  await expect(row).toContainText('Banco Santander Argentina');
  await expect(row).toContainText(money('64.250,00'));
  await screenshot(page, 'values-portfolio');

  await row.getByRole('button', { name: `Mover el valor ${number}` }).click();
  await page.getByRole('menuitem', { name: 'Rechazar' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`se registra una nota de débito al cliente por ${money('64.250,00')}`);
  await dialog.getByLabel('Motivo del rechazo').fill('Sin fondos suficientes');
  await screenshot(page, 'values-reject-dialog');
  await dialog.getByRole('button', { name: 'Rechazar' }).click();
  await waitForNotification(
    page,
    new RegExp(`Se rechazó Cheque de terceros ${number}: se registró la ND X \\d{5}-\\d{8} por \\$.64\\.250,00 al cliente`),
  );

  // The cheque moved to the rejected tab, with the debit note that put the debt back.
  await page.getByRole('tab', { name: /Rechazados/ }).click();
  const rejected = page.locator('tbody tr', { hasText: number });
  await expect(rejected).toContainText('Rechazado');
  const nd = rejected.getByRole('link', { name: /^ND X / });
  await expect(nd).toBeVisible();
  await screenshot(page, 'values-rejected');

  // History: received, then rejected with its reason and the note.
  await rejected.getByRole('button', { name: `Historial ${number}` }).click();
  const history = page.getByRole('region', { name: 'Historial' });
  await expect(history).toContainText('Rechazado');
  await expect(history).toContainText('Sin fondos suficientes');
  await expect(history).toContainText('Carla Administrativa');
  await screenshot(page, 'values-history');
  await page.keyboard.press('Escape');

  await nd.click();
  await expect(page.getByText('Nota de débito').first()).toBeVisible();
  await expect(page.getByText(money('64.250,00')).first()).toBeVisible();
  await expect(page.getByText(`Cheque de terceros Nº ${number} rechazado: Sin fondos suficientes`)).toBeVisible();
  await screenshot(page, 'values-rejection-nd');
});

test('when a cheque is deposited, then it leaves the portfolio and can still be rejected from the deposited tab', async ({
  page,
}) => {
  await login(page, 'clerk');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Almacén Don Pedro');
  const invoice = await postInvoice(api, customer.id, '12000.00', day(-3));
  const number = await receiptWithCheque(api, customer.id, '12000.00', invoice.id);
  await page.goto('/#/values');
  // The search is applied (the list holds that cheque alone) before anything else, so the tabs keep it.
  await expect(async () => {
    await page.getByPlaceholder('Buscar').fill(number);
    await expect(page.locator('tbody tr')).toHaveCount(1, { timeout: 3000 });
  }).toPass();
  await page
    .locator('tbody tr', { hasText: number })
    .getByRole('button', { name: `Mover el valor ${number}` })
    .click();
  await page.getByRole('menuitem', { name: 'Depositar' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Depositar' }).click();
  await waitForNotification(page, `Se depositó Cheque de terceros ${number}`);
  await expect(page.locator('tbody tr', { hasText: number })).toHaveCount(0);
  await page.getByRole('tab', { name: /Depositados/ }).click();
  const row = page.locator('tbody tr', { hasText: number });
  await expect(row).toContainText('Depositado');
  await row.getByRole('button', { name: `Mover el valor ${number}` }).click();
  await expect(page.getByRole('menuitem', { name: 'Depositar' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: 'Rechazar' })).toBeVisible();
  await page.keyboard.press('Escape');
});

test('when several cheques are ticked and deposited together, then all leave the portfolio on one date and bank', async ({
  page,
}) => {
  await login(page, 'clerk');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Distribuidora Los Álamos');
  const numbers: string[] = [];
  for (const amount of ['1500.00', '2500.00']) {
    const invoice = await postInvoice(api, customer.id, amount, day(-3));
    numbers.push(await receiptWithCheque(api, customer.id, amount, invoice.id));
  }
  await page.goto('/#/values');
  await page.getByPlaceholder('Buscar').fill('Los Álamos');
  for (const number of numbers) {
    const row = page.locator('tbody tr', { hasText: number });
    // The bank by its name, not its BCRA code.
    await expect(row).toContainText('Banco Santander Argentina');
    await row.getByRole('checkbox').check();
  }
  await page.getByRole('button', { name: 'Depositar seleccionados' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Depositar 2 valores');
  await expect(dialog).toContainText(`2 valores por ${money('4.000,00')}`);
  await dialog.getByLabel('Banco de depósito').click();
  await page.getByRole('option', { name: /Banco de la Nación Argentina/ }).click();
  // The next field may open its own list on focus: close it by clicking the dialog's title before depositing.
  await dialog.getByText('Depositar 2 valores').click();
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await screenshot(page, 'values-deposit-selected');
  await dialog.getByRole('button', { name: 'Depositar' }).click();
  await waitForNotification(page, 'Se depositaron 2 valores');
  for (const number of numbers) await expect(page.locator('tbody tr', { hasText: number })).toHaveCount(0);
  await page.getByRole('tab', { name: /Depositados/ }).click();
  for (const number of numbers) await expect(page.locator('tbody tr', { hasText: number })).toContainText('Depositado');
  await page.setViewportSize({ width: 1024, height: 768 });
  await screenshot(page, 'values-deposited-1024');
});
