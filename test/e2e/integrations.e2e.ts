import { api, expect, login, createLink, openFromMenu, screenshot, test, waitForNotification } from './fixtures';
import { day } from './ledger-support';
import { makeCbu } from '../support/master-data';

test('when the admin creates an API token, then the secret is shown once with a copy button, and revoking it marks it revoked', async ({
  page,
}) => {
  const name = `Facturación ${Date.now().toString(36)}`;
  await login(page, 'admin');
  await openFromMenu(page, 'integrations', 'Tokens de API', 'api-tokens');
  await createLink(page, 'api-tokens').click();
  await page.locator('input[name="name"]').fill(name);
  await page.getByLabel('Comprobantes: registrar').check();
  await page.getByLabel('Estado de crédito: consultar').check();
  await page.locator('textarea[name="allowedIps"]').fill('10.0.0.0/8');
  await screenshot(page, 'integrations-token-create');
  await page.getByRole('button', { name: 'Guardar' }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('no se vuelve a mostrar');
  const secret = await dialog.getByRole('textbox', { name: 'Token' }).inputValue();
  expect(secret).toMatch(/^ctk_live_/);
  await expect(dialog.getByRole('button', { name: 'Copiar' })).toBeVisible();
  await screenshot(page, 'integrations-token-secret');
  await dialog.getByRole('button', { name: 'Listo, ya lo guardé' }).click();

  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Comprobantes: registrar');
  await expect(row).toContainText('Vigente');
  await expect(row).toContainText('Nunca');
  await expect(page.getByText(secret)).toHaveCount(0);
  await screenshot(page, 'integrations-token-list');

  await row.getByRole('button', { name: 'Revocar' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirmar' }).click();
  await expect(row).toContainText('Revocado');

  // Reload keeps the page.
  await page.reload();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Revocado');
});

test('when the admin subscribes a webhook, then it is listed and its delivery log opens filtered by it', async ({ page }) => {
  const url = `http://127.0.0.1:9/hooks/${Date.now().toString(36)}`;
  await login(page, 'admin');
  await page.goto('/#/webhook-subscriptions/create');
  await page.locator('input[name="url"]').fill(url);
  await page.getByLabel('Recibo registrado (receipt.posted)').check();
  await page.getByLabel('Comprobante registrado (document.posted)').check();
  await page.locator('input[name="secret"]').fill('un-secreto-compartido-largo');
  await screenshot(page, 'integrations-webhook-create');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await waitForNotification(page, 'Registro creado');
  const row = page.getByRole('row', { name: new RegExp(url.replace(/[./]/g, '\\$&')) });
  await expect(row).toContainText('receipt.posted');
  await expect(page.getByText('un-secreto-compartido-largo')).toHaveCount(0);
  await screenshot(page, 'integrations-webhook-list');
  await row.getByRole('link', { name: 'Entregas' }).click();
  await expect(page).toHaveURL(/webhook-deliveries/);
  await expect(page.getByRole('heading', { name: 'Entregas de webhooks' })).toBeVisible();
  await screenshot(page, 'integrations-deliveries');
  await page.goBack();
  await expect(page.getByRole('row', { name: new RegExp(url.replace(/[./]/g, '\\$&')) })).toBeVisible();
});

test('when billing posted an electronic invoice with its CAE and FCE data, then the document page shows them', async ({
  page,
}) => {
  await login(page, 'clerk');
  const customers = await api(page).get<Array<{ id: number; currency: string }>>(
    // A Responsable Inscripto: class A (RG 1415).
    '/api/customers?filter=' +
      encodeURIComponent(JSON.stringify({ currency: 'ARS', status: 'active', ivaCondition: 1 })) +
      '&range=[0,0]',
  );
  const number = 90000000 + Math.floor(Math.random() * 9999999);
  const doc = await api(page).post<{ id: number }>('/api/documents', {
    customerId: customers[0].id,
    type: 'FAC',
    letter: 'A',
    pointOfSale: 41,
    number,
    // Yesterday: the FCE's acceptance window is still open, so it reads "Pendiente".
    issueDate: day(-1),
    total: '150000.00',
    externalRef: `FE-${number}`,
    cae: '74123456789012',
    caeDueDate: day(9),
    fce: true,
    fceCbu: makeCbu(),
    fceOption: 'SCA',
  });
  await page.goto(`/#/documents/${doc.id}/show`);
  const section = page.getByRole('region', { name: 'Datos fiscales (ARCA)' });
  await expect(section).toContainText('74123456789012');
  await expect(section).toContainText(day(9).split('-').reverse().join('/'));
  await expect(section).toContainText(`FE-${number}`);
  await expect(section).toContainText('Pendiente');
  await screenshot(page, 'documents-arca-fields');
});
