import { expect, login, menuLink, screenshot, test, waitForNotification } from './fixtures';
import { apiOf, createCustomer, day, postInvoice, typed, uniqueNumber, type TestDocument } from './ledger-support';
import { makeCbu } from '../support/master-data';

const nb = '\u00a0';
const money = (text: string) => `$${nb}${text}`;
const A4 = { width: 794, height: 1123 };
const SCREEN = { width: 1366, height: 820 };

test('when an FCE gets no answer within its window, then it reads accepted by silence; a fresh one counts down the days', async ({
  page,
}) => {
  await login(page, 'supervisor');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Supermercados del Litoral S.A.');
  const fce = (issueDate: string) =>
    api.post<TestDocument & { fceDeadline: string }>('/api/documents', {
      customerId: customer.id,
      type: 'FAC',
      letter: 'A',
      pointOfSale: 6,
      number: uniqueNumber(),
      issueDate,
      dueDate: day(60),
      total: '850000.00',
      fce: true,
      fceCbu: makeCbu(),
      fceOption: 'SCA',
    });
  // Past any window (15 days by Ley 27.440, 21 under the extensions): accepted by silence.
  const old = await fce(day(-30));
  const fresh = await fce(day(0));

  await page.goto(`/#/documents/${old.id}/show`);
  const arca = page.getByRole('region', { name: 'Datos fiscales (ARCA)' });
  await expect(arca.locator('[data-fce-acceptance="tacitly_accepted"]')).toHaveText('Aceptada tácitamente');
  await expect(arca.locator('[data-fce-countdown="passed"]')).toContainText(
    `El plazo venció el ${typed(old.fceDeadline)} sin respuesta: aceptada tácitamente`,
  );
  await expect(arca).toContainText('Sistema de Circulación Abierta (SCA)');
  await expect(arca).toContainText('201');
  // A fiscal document is not cancelled: it offers a credit note instead.
  await expect(page.getByRole('button', { name: 'Anular' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Generar nota de crédito' })).toBeVisible();
  await screenshot(page, 'fce-accepted-by-silence');

  await page.goto(`/#/documents/${fresh.id}/show`);
  await expect(arca.locator('[data-fce-acceptance="pending"]')).toHaveText('Pendiente');
  await expect(arca.locator('[data-fce-countdown]')).toContainText(
    new RegExp(`^Vence el ${typed(fresh.fceDeadline)}: quedan (15|21) días$`),
  );
  await screenshot(page, 'fce-pending-countdown');

  // Debtors narrowed to FCE: this customer is there.
  await menuLink(page, 'Deudores').click();
  await page.getByTestId('debtor-filters').getByRole('button', { name: 'Solo FCE' }).click();
  await expect(page).toHaveURL(/fce/);
  await expect(page.locator('tbody tr', { hasText: customer.code })).toHaveCount(1);
  await screenshot(page, 'debtors-fce');
});

test('when a supervisor reverses a FAC A, then a credit note A is posted applied to it and the invoice is settled', async ({
  page,
}) => {
  await login(page, 'supervisor');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Distribuidora Cuyana S.R.L.');
  const invoice = await postInvoice(api, customer.id, '121000.00', day(-2));

  await page.goto(`/#/documents/${invoice.id}/show`);
  await expect(page.getByRole('heading', { name: invoice.displayNumber, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Anular' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Generar nota de crédito' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Nota de crédito para ${invoice.displayNumber}`);
  await expect(dialog).toContainText('se revierte con una nota de crédito de su misma letra (RG 1415)');
  const number = uniqueNumber();
  await dialog.getByLabel('Número').fill(String(number));
  await dialog.getByLabel('CAE', { exact: true }).fill('75123456789012');
  await dialog.getByLabel('Vencimiento del CAE').fill(typed(day(8)));
  await dialog.getByLabel('Motivo').fill('Precio mal cargado');
  await expect(dialog.getByLabel('Importe')).toHaveValue('121.000,00');
  await screenshot(page, 'credit-note-dialog');
  await dialog.getByRole('button', { name: 'Registrar la nota de crédito' }).click();
  const shown = `NC A 00003-${String(number).padStart(8, '0')}`;
  await waitForNotification(page, `Se registró ${shown} imputada a ${invoice.displayNumber}`);

  // The credit note's page: applied whole to the invoice.
  await expect(page.getByRole('heading', { name: shown, exact: true })).toBeVisible();
  const applications = page.getByRole('region', { name: 'Imputaciones' });
  await expect(applications.getByRole('link', { name: invoice.displayNumber })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Datos fiscales (ARCA)' })).toContainText('75123456789012');
  await screenshot(page, 'credit-note-posted');
  const after = await api.get<{ openAmount: string; status: string }>(`/api/documents/${invoice.id}`);
  expect([after.status, after.openAmount]).toEqual(['posted', '0.00']);
  await expect(page.getByText(money('121.000,00')).first()).toBeVisible();
});

test("when a receipt is printed, then it carries the company's legal data and the customer's id by its type", async ({
  page,
}) => {
  await login(page, 'clerk');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Gómez, Mariana', {
    ivaCondition: 5,
    taxIdType: 'DNI',
    taxId: '28123456',
  });
  const invoice = await api.post<TestDocument>('/api/documents', {
    customerId: customer.id,
    type: 'FAC',
    letter: 'B',
    pointOfSale: 5,
    number: uniqueNumber(),
    issueDate: day(-1),
    total: '45000.00',
  });
  const receipt = await api.post<TestDocument>('/api/receipts', {
    customerId: customer.id,
    issueDate: day(0),
    payments: [{ method: 'cash', amount: '45000.00' }],
    applications: [{ documentId: invoice.id, amount: '45000.00' }],
  });

  await page.goto(`/#/receipts/${receipt.id}/print`);
  const sheet = page.locator('.print-sheet');
  const header = sheet.locator('[data-company-header]');
  await expect(header).toContainText('Distribuidora del Plata S.A.');
  await expect(header).toContainText('CUIT 30-71234567-1 · IVA Responsable Inscripto');
  await expect(header).toContainText('Ingresos Brutos: 901-712345-1 (Convenio Multilateral)');
  await expect(header).toContainText('Inicio de actividades: 02/03/2009');
  await expect(header.locator('img')).toBeVisible();
  const tax = sheet.locator('[data-print-customer-tax]');
  await expect(tax).toContainText('DNI 28.123.456');
  await expect(tax).toContainText('Consumidor Final');
  await expect(tax).not.toContainText('CUIT');
  await expect(sheet).toContainText(invoice.displayNumber);
  await page.setViewportSize(A4);
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'receipt-print-legal-data');
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize(SCREEN);
});
