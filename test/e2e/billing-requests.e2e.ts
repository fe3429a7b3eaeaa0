import { expect, login, openFromMenu, screenshot, test, waitForNotification } from './fixtures';
import { apiOf, createCustomer, day, postInvoice, uniqueNumber } from './ledger-support';

test('when a credit note is sent to billing and billing posts it with its token, then the request reads fulfilled and the invoice is settled', async ({
  page,
  request,
}) => {
  await login(page, 'admin');
  const api = await apiOf(page);
  const { token } = await api.post<{ token: string }>('/api/api-tokens', {
    name: `Facturación ${Date.now().toString(36)}`,
    scopes: ['documents:write'],
  });
  const customer = await createCustomer(api, 'Ferretería del Oeste S.R.L.');
  const invoice = await postInvoice(api, customer.id, '242000.00', day(-2));

  // The invoice offers both: enter the NC billing issued, or ask billing for it.
  await page.goto(`/#/documents/${invoice.id}/show`);
  await expect(page.getByRole('heading', { name: invoice.displayNumber, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Generar nota de crédito' })).toBeVisible();
  await page.getByRole('button', { name: 'Enviar a facturación' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Pedir a facturación la nota de crédito de ${invoice.displayNumber}`);
  await expect(dialog.getByLabel('Importe')).toHaveValue('242.000,00');
  await dialog.getByLabel('Motivo').fill('Mercadería devuelta');
  await screenshot(page, 'billing-request-dialog');
  await dialog.getByRole('button', { name: 'Enviar a facturación' }).click();
  await waitForNotification(page, 'Pedido a facturación: 1 pedido(s)');

  // While billing has not issued it, the invoice says so and offers neither again.
  const pendingAlert = page.locator('[data-billing-request]');
  await expect(pendingAlert).toContainText('Se pidió a facturación una nota de crédito para este comprobante');
  await expect(page.getByRole('button', { name: 'Generar nota de crédito' })).toHaveCount(0);
  const requestId = Number(await pendingAlert.getAttribute('data-billing-request'));
  await screenshot(page, 'billing-request-pending');

  // Billing issues the NC A and posts it naming the request, with its API token (no session).
  const number = uniqueNumber();
  const posted = await request.post('/api/documents', {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      customerId: customer.id,
      type: 'NC',
      letter: 'A',
      pointOfSale: 3,
      number,
      issueDate: day(0),
      total: '242000.00',
      cae: '75123456789012',
      caeDueDate: day(10),
      externalRef: `NC-A-${number}`,
      billingRequestId: requestId,
    },
  });
  expect(posted.status(), await posted.text()).toBe(201);
  const note = (await posted.json()) as { id: number; displayNumber: string };

  // Integraciones › Pedidos a facturación: fulfilled, with the document billing issued.
  await openFromMenu(page, 'integrations', 'Pedidos a facturación', 'billing-requests');
  const row = page.getByRole('row', { name: new RegExp(invoice.displayNumber) });
  await expect(row.locator('[data-state]')).toHaveText('Cumplido');
  await expect(row).toContainText('Nota de crédito A (003)');
  await expect(row.getByRole('link', { name: note.displayNumber })).toBeVisible();
  await screenshot(page, 'billing-requests-list');
  await row.getByRole('link', { name: note.displayNumber }).click();
  await expect(page.getByRole('heading', { name: note.displayNumber, exact: true })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Imputaciones' }).getByRole('link', { name: invoice.displayNumber }),
  ).toBeVisible();
  // Back to the list, and a reload keeps it.
  await page.goBack();
  await expect(page.getByRole('row', { name: new RegExp(invoice.displayNumber) }).locator('[data-state]')).toHaveText('Cumplido');
  await page.reload();
  await expect(page.getByRole('row', { name: new RegExp(invoice.displayNumber) }).locator('[data-state]')).toHaveText('Cumplido');
  const after = await api.get<{ openAmount: string }>(`/api/documents/${invoice.id}`);
  expect(after.openAmount).toBe('0.00');
});
