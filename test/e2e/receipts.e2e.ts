import type { Locator, Page } from '@playwright/test';
import { expect, login, screenshot, sidebar, test, waitForNotification } from './fixtures';
import { apiOf, createCustomer, day, makeCuit, postInvoice, typed, uniqueNumber } from './ledger-support';

const nb = '\u00a0';
const A4 = { width: 794, height: 1123 };
const SCREEN = { width: 1366, height: 820 };
const money = (text: string) => `$${nb}${text}`;

const paymentLine = (page: Page, index: number) => page.locator(`[data-payment-line="${index}"]`);
const withholdingLine = (page: Page, index: number) => page.locator(`[data-withholding-line="${index}"]`);
const total = (page: Page, id: string) => page.locator(`[data-total="${id}"]`).last();

async function pickBank(line: Locator, code: string, name: RegExp) {
  await line.getByLabel('Banco').fill(code);
  await line.page().getByRole('option', { name }).click();
}

async function pickCustomer(page: Page, code: string) {
  await page.getByRole('combobox', { name: 'Cliente' }).fill(code);
  await page.getByRole('option', { name: new RegExp(code) }).click();
}

test('when a clerk posts a receipt with cash, two deferred cheques, a transfer and two withholding certificates, then three invoices are paid, the rest stays on account and the receipt prints', async ({
  page,
}) => {
  await login(page, 'clerk');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Ferretería San Martín S.A.');
  const invoices = [
    await postInvoice(api, customer.id, '150000.00', day(-60), day(-30)),
    await postInvoice(api, customer.id, '80000.00', day(-45), day(-15)),
    await postInvoice(api, customer.id, '45500.50', day(-20), day(10)),
  ];

  await sidebar(page).getByRole('menuitem', { name: 'Nuevo recibo' }).click();
  await expect(page.getByRole('combobox', { name: 'Cliente' })).toBeFocused();
  await pickCustomer(page, customer.code);
  await expect(page.locator('[data-customer-summary]')).toContainText(`saldo ${money('275.500,50')}`);
  for (const inv of invoices) await expect(page.locator(`[data-item="${inv.displayNumber}"]`)).toBeVisible();

  // The first line is cash, and the cursor is already in its amount.
  const cash = paymentLine(page, 0);
  await expect(cash.getByLabel('Importe')).toBeFocused();
  await page.keyboard.type('20000');

  // A cheque of the customer's own, deferred 30 days (Alt+Q adds it).
  await page.keyboard.press('Alt+KeyQ');
  const cheque1 = paymentLine(page, 1);
  await expect(cheque1.getByLabel('Importe')).toBeFocused();
  await page.keyboard.type('100000');
  await pickBank(cheque1, '007', /Galicia/);
  await cheque1.getByLabel('Número').fill(String(uniqueNumber()));
  await cheque1.getByLabel('Fecha de pago').fill(typed(day(30)));

  // A third-party cheque, deferred 45 days, with its drawer.
  await page.getByRole('button', { name: '+ Cheque de terceros' }).click();
  const cheque2 = paymentLine(page, 2);
  await cheque2.getByLabel('Importe').fill('90.000');
  await pickBank(cheque2, '011', /Nación/);
  await cheque2.getByLabel('Número').fill(String(uniqueNumber()));
  await cheque2.getByLabel('Fecha de pago').fill(typed(day(45)));
  await cheque2.getByLabel('CUIT del librador').fill(makeCuit('30'));
  await cheque2.getByLabel('Librador', { exact: true }).fill('Corralón El Puente S.R.L.');

  // A transfer.
  await page.getByRole('button', { name: '+ Transferencia' }).click();
  const transfer = paymentLine(page, 3);
  await transfer.getByLabel('Importe').fill('60000');
  await pickBank(transfer, '017', /BBVA/);
  await transfer.getByLabel('Referencia').fill(`TRF-${uniqueNumber()}`);

  // Two withholding certificates: Ingresos Brutos (with its jurisdiction) and Ganancias.
  await page.getByRole('button', { name: '+ Ingresos Brutos' }).click();
  const iibb = withholdingLine(page, 0);
  await expect(iibb.getByLabel('N.º de certificado')).toBeFocused();
  await page.keyboard.type(`IIBB-${uniqueNumber()}`);
  await iibb.getByRole('combobox', { name: 'Jurisdicción' }).click();
  await page.getByRole('option', { name: 'Buenos Aires', exact: true }).click();
  await iibb.getByLabel('Base imponible').fill('275500,50');
  await iibb.getByLabel('Importe retenido').fill('8265,02');
  await page.getByRole('button', { name: '+ Ganancias' }).click();
  const ganancias = withholdingLine(page, 1);
  await ganancias.getByLabel('N.º de certificado').fill(`GAN-${uniqueNumber()}`);
  await ganancias.getByLabel('Importe retenido').fill('5.510');

  // Totals: 270.000 received + 13.775,02 withheld; the three invoices take 275.500,50, oldest first.
  await expect(total(page, 'received')).toContainText(money('270.000,00'));
  await expect(total(page, 'withheld')).toContainText(money('13.775,02'));
  await expect(total(page, 'total')).toContainText(money('283.775,02'));
  await expect(total(page, 'applied')).toContainText(money('275.500,50'));
  await expect(total(page, 'onAccount')).toContainText(money('8.274,52'));
  await expect(page.locator('[data-ready]')).toBeVisible();
  await screenshot(page, 'receipt-entry');

  await page.getByRole('button', { name: 'Registrar recibo' }).click();
  await waitForNotification(page, /Se registró el recibo REC X \d{5}-\d{8}/);

  // The printable receipt: company, number, customer, values, certificates, documents paid, totals.
  await expect(page.locator('[data-receipt-number]')).toContainText(/N\.º \d{5}-\d{8}/);
  const sheet = page.locator('.print-sheet');
  await expect(sheet).toContainText('Distribuidora del Plata S.A.');
  await expect(sheet).toContainText('CUIT 30-71234567-1');
  await expect(sheet).toContainText(customer.legalName);
  await expect(sheet).toContainText('Av. San Martín 1450');
  await expect(sheet).toContainText('Banco de Galicia y Buenos Aires');
  await expect(sheet).toContainText(`pago el ${typed(day(45))}`);
  await expect(sheet).toContainText('Corralón El Puente S.R.L.');
  await expect(sheet).toContainText('Ingresos Brutos');
  await expect(sheet).toContainText('Ganancias');
  for (const inv of invoices) await expect(sheet).toContainText(inv.displayNumber);
  await expect(sheet.locator('[data-print-totals]')).toContainText(money('283.775,02'));
  await expect(sheet.locator('[data-print-totals]')).toContainText(money('8.274,52'));
  await expect(sheet).toContainText('son pesos doscientos ochenta y tres mil setecientos setenta y cinco con 02/100');
  await expect(sheet).toContainText('Firma y aclaración');
  await screenshot(page, 'receipt-print-screen');
  // On paper: an A4 sheet (794 × 1123 CSS pixels), without the buttons.
  await page.setViewportSize(A4);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Imprimir' })).toBeHidden();
  await screenshot(page, 'receipt-print');
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize(SCREEN);

  // The invoices are settled; the receipt keeps 8.274,52 on account.
  const [first] = invoices;
  const paid = await api.get<{ openAmount: string }>(`/api/documents/${first.id}`);
  expect(paid.openAmount).toBe('0.00');
  await page.getByRole('link', { name: 'Ver el comprobante' }).click();
  await expect(page.getByRole('region', { name: 'Imputaciones' })).toContainText(first.displayNumber);
  await expect(page.getByRole('region', { name: 'Formas de pago' })).toContainText('Cheque de terceros');
  await expect(page.getByRole('region', { name: 'Valores en cartera' })).toContainText('En cartera');
  await screenshot(page, 'receipt-show');
});

test('when the numbers do not add up, then the receipt is refused and the screen says why', async ({ page }) => {
  await login(page, 'clerk');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Distribuidora La Estrella S.R.L.');
  const invoice = await postInvoice(api, customer.id, '100000.00', day(-10), day(20));
  await page.goto(`/#/receipts/create?customerId=${customer.id}`);
  await expect(page.locator(`[data-item="${invoice.displayNumber}"]`)).toBeVisible();

  await paymentLine(page, 0).getByLabel('Importe').fill('50000');
  // Typing an allocation by hand turns the automatic one off: 60.000 against a 50.000 receipt.
  await page.getByLabel(`Importe a imputar a ${invoice.displayNumber}`).fill('60000');
  await page.getByRole('button', { name: '+ Cheque propio' }).click();
  await paymentLine(page, 1).getByLabel('Importe').fill('1000');
  await expect(page.locator('[data-pending-problem]')).toContainText('Falta el banco del cheque');

  await page.getByRole('button', { name: 'Registrar recibo' }).click();
  const refusal = page.locator('[data-refusal]');
  await expect(refusal).toContainText('Todavía no se puede registrar el recibo');
  await expect(refusal).toContainText('Falta la fecha de pago del cheque');
  await expect(refusal).toContainText(`Lo imputado supera el total del recibo por ${money('9.000,00')}`);
  await screenshot(page, 'receipt-refused');

  // Clicking a problem goes to the field; with it fixed and the allocation redone, the list shrinks.
  await refusal.getByRole('button', { name: 'Falta el banco del cheque' }).click();
  await expect(paymentLine(page, 1).getByLabel('Banco')).toBeFocused();
  await page.getByRole('button', { name: 'Imputar automáticamente' }).click();
  await expect(refusal).not.toContainText('Lo imputado supera');
  expect(await api.get<{ openAmount: string }>(`/api/documents/${invoice.id}`)).toMatchObject({ openAmount: '100000.00' });
});

test('when a clerk starts a receipt from the customer page, then it opens for that customer and the statement shows it afterwards', async ({
  page,
}) => {
  await login(page, 'clerk');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Bazar Los Hermanos');
  const invoice = await postInvoice(api, customer.id, '18750.00', day(-12), day(-2));
  await page.goto(`/#/customers/${customer.id}/show/open-items`);
  await expect(page.locator(`[data-item="${invoice.displayNumber}"]`)).toContainText('2 días');
  await page.getByRole('link', { name: 'Nuevo recibo' }).click();

  // Opened for the customer: the cursor waits in the cash amount and the invoice takes what is typed.
  await expect(paymentLine(page, 0).getByLabel('Importe')).toBeFocused();
  await page.keyboard.type('18750');
  await expect(page.getByLabel(`Importe a imputar a ${invoice.displayNumber}`)).toHaveValue('18.750,00');
  await page.keyboard.press('Control+Enter');
  await waitForNotification(page, /Se registró el recibo REC X/);
  const number = (await page.locator('[data-receipt-number]').innerText()).replace('N.º ', '');

  await page.goto(`/#/customers/${customer.id}/show/account`);
  const statement = page.locator('[data-statement]');
  await expect(statement.locator('[data-row="closing"]')).toContainText(money('0,00'));
  await expect(statement).toContainText(`REC X ${number}`);
  await expect(statement).toContainText(invoice.displayNumber);
  await screenshot(page, 'customer-statement');
  await page.getByRole('link', { name: 'Imprimir' }).click();
  await expect(page.locator('.print-sheet')).toContainText('ESTADO DE CUENTA');
  await expect(page.locator('.print-sheet')).toContainText('Av. San Martín 1450');
  await page.setViewportSize(A4);
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'customer-statement-print');
});
