import { expect, login, screenshot, sidebar, test, waitForNotification } from './fixtures';
import { apiOf, createCustomer, day, makeCuit, uniqueNumber } from './ledger-support';

test('when a batch of card coupons is presented and settled with a withholding, then the settlement lists expected against settled per coupon', async ({
  page,
}) => {
  await login(page, 'clerk');
  const api = await apiOf(page);
  const code = `E2E${uniqueNumber() % 100000}`;
  const issuer = await api.post<{ id: number }>('/api/card-issuers', {
    code,
    legalName: 'Tarjeta de Prueba S.A.',
    taxId: makeCuit('30'),
  });
  const plan = async (c: string, installments: number, surchargeCoefficient: string) =>
    api.post<{ id: number }>('/api/card-plans', {
      cardIssuerId: issuer.id,
      code: c,
      name: `${installments} cuotas`,
      installments,
      surchargeCoefficient,
      feePct: '2.00',
      settlementDays: 10,
    });
  const one = await plan('1C', 1, '1');
  const three = await plan('3C', 3, '1.1');
  const customer = await createCustomer(api, 'Ferretería Villa Crespo S.R.L.');
  const coupons = [String(uniqueNumber()), String(uniqueNumber())];
  await api.post('/api/receipts', {
    customerId: customer.id,
    issueDate: day(0),
    payments: [
      { method: 'card', amount: '10000.00', cardIssuerId: issuer.id, cardPlanId: one.id, couponNumber: coupons[0] },
      { method: 'card', amount: '20000.00', cardIssuerId: issuer.id, cardPlanId: three.id, couponNumber: coupons[1] },
    ],
  });

  // Cupones de tarjeta: the two held coupons, ticked and presented in one batch.
  await sidebar(page).getByRole('menuitem', { name: 'Cupones de tarjeta' }).click();
  await page.getByPlaceholder('Buscar').fill('Villa Crespo');
  for (const number of coupons) await page.locator('tbody tr', { hasText: number }).getByRole('checkbox').check();
  // 20,000 × 1.1 = 22,000 gross on the second: 32,000 in all.
  await expect(page.locator('tbody tr', { hasText: coupons[1] })).toContainText('22.000,00');
  await screenshot(page, 'card-coupons-selected');
  await page.getByRole('button', { name: 'Presentar en lote' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(/Total del lote: \$\s32\.000,00/);
  await dialog.getByRole('button', { name: 'Presentar en lote' }).click();
  await waitForNotification(page, /Se armó el lote N\.º \d+/);
  await page.getByRole('tab', { name: /Presentado/ }).click();
  await expect(page.locator('tbody tr', { hasText: coupons[0] })).toContainText('Presentado');

  // Liquidaciones › Nueva: the issuer's coupons come prefilled with the expected fee and its IVA.
  await sidebar(page).getByRole('menuitem', { name: 'Liquidaciones' }).click();
  await page.getByRole('link', { name: 'Crear' }).click();
  await expect(page.getByRole('banner').getByText('Nueva liquidación')).toBeVisible();
  await page.getByRole('combobox', { name: 'Tarjeta' }).click();
  await page.getByRole('option', { name: new RegExp(code) }).click();
  const number = `LIQ-${uniqueNumber()}`;
  await page.getByLabel('N.º de liquidación').fill(number);
  const table = page.getByRole('table', { name: 'Cupones' });
  await expect(table).toContainText(coupons[0]);
  await expect(table).toContainText(coupons[1]);
  // IIBB withheld on the second coupon: 1.5 % of 22,000.
  await page.getByLabel(`withholdings ${coupons[1]}`).fill('330,00');
  // Fees 2 % (200 + 440) and their IVA 21 % (42 + 92.40): net 32,000 − 640 − 134.40 − 330 = 30,895.60
  await expect(page.getByTestId('settlement-draft-totals')).toContainText(/neto \$\s30\.895,60/);
  await screenshot(page, 'card-settlement-create');
  await page.getByRole('button', { name: 'Registrar liquidación' }).click();
  await waitForNotification(page, `Se registró la liquidación ${number}`);

  // The settlement's page: per coupon expected against settled; the withholding is the only difference
  // (22,000 − 440 − 92.40 − 330 = 21,137.60 on the second coupon).
  await expect(page.getByText(`Liquidación ${number} de ${code}`).first()).toBeVisible();
  await expect(page.getByTestId('settlement-totals')).toContainText(/neto \$\s30\.895,60/);
  await expect(page.getByTestId('settlement-totals')).toContainText(/Diferencia -\$\s330,00/);
  const settled = page.getByRole('table', { name: 'Cupones' });
  await expect(settled.locator('tbody tr', { hasText: coupons[1] })).toContainText('21.137,60');
  await screenshot(page, 'card-settlement-show');
  await page.reload();
  await expect(page.getByTestId('settlement-totals')).toContainText(/neto \$\s30\.895,60/);
});
