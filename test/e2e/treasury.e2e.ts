import { expect, login, screenshot, sidebar, test, waitForNotification } from './fixtures';
import { apiOf, createCustomer, day, makeCuit, uniqueNumber, type Api } from './ledger-support';

/** A valid CBU of bank `bank` (the SPEC's weights). */
function makeCbu(bank: string): string {
  const digit = (s: string, w: number[]) => (10 - (w.reduce((a, x, i) => a + x * Number(s[i]), 0) % 10)) % 10;
  const first = `${bank}0599`;
  const account = String(uniqueNumber()).padStart(13, '0');
  return `${first}${digit(first, [7, 1, 3, 9, 7, 1, 3])}${account}${digit(account, [3, 9, 7, 1, 3, 9, 7, 1, 3, 9, 7, 1, 3])}`;
}

async function bankId(api: Api, code: string): Promise<number> {
  const banks = await api.get<Array<{ id: number }>>(`/api/banks?filter=${encodeURIComponent(JSON.stringify({ code }))}`);
  return banks[0].id;
}

test('when the admin registers a bank account in Tesorería, then it is listed with its bank and CBU', async ({ page }) => {
  await login(page, 'admin');
  await sidebar(page).getByRole('menuitem', { name: 'Cuentas bancarias' }).click();
  await page.getByRole('link', { name: 'Crear' }).click();
  await expect(page.getByRole('banner').getByText('Nueva cuenta bancaria')).toBeVisible();
  const code = `GAL${uniqueNumber() % 100000}`;
  const cbu = makeCbu('007');
  await page.getByLabel('Código').fill(code);
  await page.getByLabel('Nombre').fill('Galicia cuenta corriente pesos');
  await page.getByLabel('Banco').fill('galicia');
  await page.getByRole('option', { name: /Banco de Galicia/ }).click();
  await page.getByLabel('CBU').fill(cbu);
  await screenshot(page, 'treasury-bank-account-create');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await page.getByPlaceholder('Buscar').fill(code);
  const row = page.locator('tbody tr', { hasText: code });
  await expect(row).toContainText('Banco de Galicia');
  await expect(row).toContainText('Cuenta corriente');
  await screenshot(page, 'treasury-bank-accounts');
});

test('when an ECHEQ is accepted and another repudiated and replaced by a transfer, then the portfolio and the receipt show it', async ({
  page,
}) => {
  await login(page, 'clerk');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Metalúrgica San Justo S.A.');
  const bank = await bankId(api, '072');
  const echeq = (amount: string) => ({
    method: 'third_party_cheque',
    kind: 'echeq',
    echeqId: `E2E${uniqueNumber()}`,
    amount,
    bankId: bank,
    number: String(uniqueNumber()),
    issueDate: day(0),
    paymentDate: day(0),
    drawerTaxId: makeCuit('30'),
    drawerName: 'Aceros del Oeste S.A.',
  });
  const first = echeq('15000.00');
  const second = echeq('8000.00');
  const receipt = await api.post<{ displayNumber: string }>('/api/receipts', {
    customerId: customer.id,
    issueDate: day(0),
    payments: [first, second],
  });

  await sidebar(page).getByRole('menuitem', { name: 'Cartera de valores' }).click();
  await page.getByPlaceholder('Buscar').fill('San Justo');
  // The search has applied when the tab counts only this customer's two ECHEQs.
  await expect(page.getByRole('tab', { name: /A aceptar \(2\)/ })).toBeVisible();
  await page.getByRole('tab', { name: /A aceptar/ }).click();
  await expect(page.getByRole('tab', { name: /A aceptar/ })).toHaveAttribute('aria-selected', 'true');
  const a = page.locator('tbody tr', { hasText: first.number });
  await expect(a).toContainText('A aceptar');
  await screenshot(page, 'treasury-echeq-pending');
  await a.getByRole('button', { name: `Mover el valor ${first.number}` }).click();
  await page.getByRole('menuitem', { name: 'Aceptar' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Aceptar' }).click();
  await waitForNotification(page, `Se aceptó Cheque de terceros ${first.number}`);

  const b = page.locator('tbody tr', { hasText: second.number });
  await b.getByRole('button', { name: `Mover el valor ${second.number}` }).click();
  await page.getByRole('menuitem', { name: 'Repudiar' }).click();
  await page.getByRole('dialog').getByLabel('Motivo del repudio').fill('No corresponde a la operación');
  await page.getByRole('dialog').getByRole('button', { name: 'Repudiar' }).click();
  await waitForNotification(page, `Se repudió Cheque de terceros ${second.number}: reemplácelo en su recibo`);

  await page.getByRole('tab', { name: /^Repudiado/ }).click();
  const repudiated = page.locator('tbody tr', { hasText: second.number });
  await expect(repudiated).toContainText('Repudiado');
  await repudiated.getByRole('button', { name: `Mover el valor ${second.number}` }).click();
  await page.getByRole('menuitem', { name: 'Reemplazar en el recibo' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('el total del recibo no cambia');
  await dialog.getByLabel('Banco').fill('nación');
  await page.getByRole('option', { name: /Banco de la Nación Argentina/ }).click();
  await dialog.getByLabel('Referencia').fill('Transferencia 0099123');
  await screenshot(page, 'treasury-echeq-replace');
  await dialog.getByRole('button', { name: 'Reemplazar en el recibo' }).click();
  await waitForNotification(page, `Se reemplazó Cheque de terceros ${second.number} en el recibo ${receipt.displayNumber}`);

  await page.getByRole('tab', { name: /^Aceptado/ }).click();
  await expect(page.locator('tbody tr', { hasText: first.number })).toContainText('Aceptado');
  await screenshot(page, 'treasury-echeq-accepted');
});

test('when five cheques are ticked and deposited, then one deposit slip holds them and prints', async ({ page }) => {
  await login(page, 'clerk');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Corralón Los Hornos S.R.L.');
  const bank = await bankId(api, '072');
  const numbers = Array.from({ length: 5 }, () => String(uniqueNumber()));
  await api.post('/api/receipts', {
    customerId: customer.id,
    issueDate: day(0),
    payments: numbers.map((number, i) => ({
      method: 'third_party_cheque',
      amount: `${1000 * (i + 1)}.00`,
      bankId: bank,
      number,
      issueDate: day(-1),
      paymentDate: day(-1),
      drawerTaxId: makeCuit('30'),
      drawerName: 'Constructora Sur S.A.',
    })),
  });
  await page.goto('/#/values');
  await page.getByPlaceholder('Buscar').fill('Los Hornos');
  for (const number of numbers) await page.locator('tbody tr', { hasText: number }).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Depositar seleccionados' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Depositar 5 valores');
  await dialog.getByRole('button', { name: 'Depositar' }).click();
  await waitForNotification(page, 'Se depositaron 5 valores');

  await sidebar(page).getByRole('menuitem', { name: 'Boletas de depósito' }).click();
  const slip = page.locator('tbody tr').first();
  await expect(slip).toContainText('15.000,00');
  await slip.click();
  await expect(page.getByText(/Boleta de depósito N\.º \d+/).first()).toBeVisible();
  for (const number of numbers) await expect(page.getByRole('table', { name: 'Valores' })).toContainText(number);
  await screenshot(page, 'treasury-deposit-slip');
  await page.getByRole('button', { name: 'Acreditar la boleta' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Acreditar la boleta' }).click();
  await waitForNotification(page, 'Se acreditaron los valores de la boleta');
  await expect(page.getByText('Acreditada')).toBeVisible();
  await screenshot(page, 'treasury-deposit-slip-credited');
});
