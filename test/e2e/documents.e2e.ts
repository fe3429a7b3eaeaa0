import type { Page } from '@playwright/test';
import { expect, login, screenshot, sidebar, test, waitForNotification } from './fixtures';
import { apiOf, createCustomer, day, postInvoice, uniqueNumber, type Api, type TestDocument } from './ledger-support';

const nb = '\u00a0';
const money = (text: string) => `$${nb}${text}`;

async function postReceipt(
  api: Api,
  customerId: number,
  cash: string,
  applications: Array<{ documentId: number; amount: string }>,
) {
  return api.post<TestDocument>('/api/receipts', {
    customerId,
    issueDate: day(0),
    payments: [{ method: 'cash', amount: cash }],
    applications,
  });
}

const openAmount = async (api: Api, id: number) => (await api.get<{ openAmount: string }>(`/api/documents/${id}`)).openAmount;

async function filterByCustomer(page: Page, code: string) {
  await page.getByPlaceholder('Buscar').fill(code);
  await expect(page).toHaveURL(new RegExp(code));
}

test('when a supervisor unapplies one application and cancels the receipt, then the invoices are open again and the history stays', async ({
  page,
}) => {
  await login(page, 'supervisor');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Pinturería Los Andes S.A.');
  const first = await postInvoice(api, customer.id, '120000.00', day(-40), day(-10));
  const second = await postInvoice(api, customer.id, '30000.00', day(-5), day(25));
  const receipt = await postReceipt(api, customer.id, '150000.00', [
    { documentId: first.id, amount: '120000.00' },
    { documentId: second.id, amount: '30000.00' },
  ]);

  // The documents list, narrowed to the customer: every tab with its live count.
  await sidebar(page).getByRole('menuitem', { name: 'Comprobantes' }).click();
  await filterByCustomer(page, customer.code);
  await expect(page.getByRole('tab', { name: 'Registrados (3)' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Pendientes (0)' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Anulados (0)', exact: true })).toBeVisible();
  await screenshot(page, 'documents-list');

  await page.getByRole('link', { name: receipt.displayNumber }).click();
  const applications = page.getByRole('region', { name: 'Imputaciones' });
  await expect(applications.getByRole('link', { name: first.displayNumber })).toBeVisible();
  await expect(applications.getByRole('link', { name: second.displayNumber })).toBeVisible();

  // Unapply the second invoice: it is open again, and the application stays, struck through.
  await applications.getByRole('button', { name: `Desimputar ${second.displayNumber}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`${money('30.000,00')} entre ${receipt.displayNumber} y ${second.displayNumber}`);
  await dialog.getByLabel('Motivo').fill('Se imputó a la factura equivocada');
  await dialog.getByRole('button', { name: 'Desimputar' }).click();
  await waitForNotification(page, `Se desimputaron ${money('30.000,00')}`);
  const reversed = applications.locator('[data-active="false"]');
  await expect(reversed).toContainText(second.displayNumber);
  await expect(reversed).toContainText('Desimputada el');
  await expect(reversed).toContainText('Se imputó a la factura equivocada');
  expect(await openAmount(api, second.id)).toBe('30000.00');
  await screenshot(page, 'document-unapplied');

  // Cancel the receipt: the dialog lists what it will unapply before anything is done.
  await page.getByRole('button', { name: 'Anular' }).click();
  await expect(dialog).toContainText('Se desimputará esta imputación:');
  await expect(dialog).toContainText(`${first.displayNumber} — ${money('120.000,00')}`);
  await expect(dialog).not.toContainText(second.displayNumber);
  await screenshot(page, 'document-cancel-dialog');
  await dialog.getByLabel('Motivo de la anulación').fill('Recibo cargado dos veces');
  await dialog.getByRole('button', { name: 'Anular el comprobante' }).click();
  await waitForNotification(page, `Se anuló ${receipt.displayNumber}`);
  await expect(page.getByRole('alert').filter({ hasText: 'Motivo: Recibo cargado dos veces' })).toContainText(
    /^Anulado el \d{2}\/\d{2}\/\d{4}/,
  );
  await expect(page.getByText('Anulado', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Anular' })).toHaveCount(0);
  expect(await openAmount(api, first.id)).toBe('120000.00');
  await screenshot(page, 'document-cancelled');

  // The counterpart shows the same history from its side.
  await applications.getByRole('link', { name: first.displayNumber }).click();
  await expect(page.getByRole('heading', { name: first.displayNumber, exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Imputaciones' }).locator('[data-active="false"]')).toContainText(
    receipt.displayNumber,
  );

  await sidebar(page).getByRole('menuitem', { name: 'Comprobantes' }).click();
  await filterByCustomer(page, customer.code);
  await expect(page.getByRole('tab', { name: 'Anulados (1)', exact: true })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Pendientes (2)' })).toBeVisible();
});

test('when a clerk looks at a document, then there is no cancel or unapply button', async ({ page }) => {
  await login(page, 'clerk');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Librería del Centro S.R.L.');
  const invoice = await postInvoice(api, customer.id, '5000.00', day(-1));
  await postReceipt(api, customer.id, '5000.00', [{ documentId: invoice.id, amount: '5000.00' }]);
  await page.goto(`/#/documents/${invoice.id}/show`);
  await expect(page.getByRole('region', { name: 'Imputaciones' })).toContainText('Vigente');
  await expect(page.getByRole('button', { name: /Desimputar/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Anular' })).toHaveCount(0);
});

test('when an invoice from billing takes a customer over its credit limit, then it is posted and its page shows the warning', async ({
  page,
}) => {
  await login(page, 'supervisor');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Maderera del Sur S.A.', { creditLimit: '100000.00' });
  await page.goto('/#/documents/create');
  await page.getByRole('combobox', { name: 'Cliente' }).fill(customer.code);
  await page.getByRole('option', { name: new RegExp(customer.code) }).click();
  await page.getByLabel('Punto de venta').fill('4');
  const number = uniqueNumber();
  await page.getByLabel('Número').fill(String(number));
  await page.getByLabel('Total').fill('150000');
  await screenshot(page, 'document-intake');
  await page.getByRole('button', { name: 'Registrar' }).click();
  await waitForNotification(page, `Se registró FAC A 00004-${String(number).padStart(8, '0')}`);
  await expect(page.locator('[data-warning="OVER_CREDIT_LIMIT"]')).toContainText('supera el límite de crédito');
  await expect(page.getByText(money('150.000,00')).first()).toBeVisible();
  await screenshot(page, 'document-intake-warning');
});

test('when a clerk applies a credit note on Imputar, then the oldest invoices are settled in one batch', async ({ page }) => {
  await login(page, 'clerk');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Ferretería La Llave S.R.L.');
  const older = await postInvoice(api, customer.id, '40000.00', day(-50), day(-20));
  const newer = await postInvoice(api, customer.id, '35000.00', day(-30), day(0));
  const creditNote = await api.post<TestDocument>('/api/documents', {
    customerId: customer.id,
    type: 'NC',
    letter: 'A',
    pointOfSale: 3,
    number: uniqueNumber(),
    issueDate: day(-1),
    total: '50000.00',
  });

  await page.goto(`/#/customers/${customer.id}/show/open-items`);
  await expect(page.locator(`[data-item="${creditNote.displayNumber}"]`)).toContainText(`−${money('50.000,00')}`);
  await page.getByRole('link', { name: 'Imputar' }).click();
  await expect(page.getByRole('table', { name: 'Créditos a cuenta' })).toContainText(creditNote.displayNumber);
  await page.getByRole('button', { name: 'Imputar automáticamente' }).click();
  await expect(page.getByLabel(`Importe a imputar a ${older.displayNumber}`)).toHaveValue('40.000,00');
  await expect(page.getByLabel(`Importe a imputar a ${newer.displayNumber}`)).toHaveValue('10.000,00');
  await expect(page.locator('[data-total="apply"]')).toContainText(
    `A usar: ${money('50.000,00')} · A cancelar: ${money('50.000,00')}`,
  );
  await screenshot(page, 'applications-apply');
  await page.getByRole('button', { name: 'Registrar imputación' }).click();
  await waitForNotification(page, `Se registraron 2 imputaciones por ${money('50.000,00')}`);
  expect(await openAmount(api, older.id)).toBe('0.00');
  expect(await openAmount(api, newer.id)).toBe('25000.00');
  expect(await openAmount(api, creditNote.id)).toBe('0.00');
  // Nothing left to use: the page says so instead of an empty table.
  await expect(page.getByText('no tiene créditos a cuenta para imputar')).toBeVisible();
});

test('when a clerk registers a spoiled receipt form, then it keeps its number and is listed with its reason', async ({
  page,
}) => {
  await login(page, 'clerk');
  const reason = `Formulario roto ${uniqueNumber()}`;
  await sidebar(page).getByRole('menuitem', { name: 'Recibos anulados' }).click();
  await page.getByRole('link', { name: 'Registrar recibo anulado' }).click();
  await expect(page.getByText('Vacío: el 1, el de la empresa')).toBeVisible();
  await page.getByLabel('Motivo').fill(reason);
  await screenshot(page, 'voided-receipt-form');
  await page.getByRole('button', { name: 'Registrar recibo anulado' }).click();
  await waitForNotification(page, /Se registró el recibo anulado REC X 00001-\d{8}/);
  const row = page.getByRole('row', { name: new RegExp(reason) });
  await expect(row).toContainText(/REC X 00001-\d{8}/);
  await expect(row).toContainText('Carla Administrativa');
  await screenshot(page, 'voided-receipts');
});

test('when a supervisor posts a negative adjustment, then it needs a reason and the customer owes less', async ({ page }) => {
  await login(page, 'supervisor');
  const api = await apiOf(page);
  const customer = await createCustomer(api, 'Corralón Las Heras S.A.');
  await postInvoice(api, customer.id, '10000.00', day(-3));
  await sidebar(page).getByRole('menuitem', { name: 'Ajustes' }).click();
  await page.getByRole('link', { name: 'Crear' }).click();
  // The page puts the cursor in the customer picker once it is ready for typing.
  await expect(page.getByRole('combobox', { name: 'Cliente' })).toBeFocused();
  await page.getByRole('combobox', { name: 'Cliente' }).fill(customer.code);
  await page.getByRole('option', { name: new RegExp(customer.code) }).click();
  await page.getByLabel('Total').fill('1250,50');
  await page.getByRole('button', { name: 'Registrar' }).click();
  await expect(page.locator('.ra-input-reason')).toContainText('Obligatorio');
  await page.getByLabel('Motivo').fill('Bonificación por pronto pago');
  await screenshot(page, 'adjustment-create');
  await page.getByRole('button', { name: 'Registrar' }).click();
  await waitForNotification(page, /Se registró AJN X \d{5}-\d{8}/);
  await expect(page.getByText('Bonificación por pronto pago')).toBeVisible();
  expect((await api.get<{ balance: string }>(`/api/customers/${customer.id}`)).balance).toBe('8749.50');
});
