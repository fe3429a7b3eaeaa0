import { expect, login, screenshot, test } from './fixtures';
import { apiOf, createCustomer, day, typed, uniqueNumber } from './ledger-support';

const dashed = (cuit: string) => `${cuit.slice(0, 2)}-${cuit.slice(2, 10)}-${cuit.slice(10)}`;

test("when the accountant names an agent's CUIT, then the SIFERE download holds that agent's withholdings only, in the 79-character record", async ({
  page,
}) => {
  await login(page, 'supervisor');
  const api = await apiOf(page);
  const agent = await createCustomer(api, 'Agente de Recaudación Córdoba S.A.');
  const certificate = uniqueNumber();
  const receipt = await api.post<{ id: number; pointOfSale: number; number: number }>('/api/receipts', {
    customerId: agent.id,
    issueDate: day(0),
    pointOfSale: 3,
    payments: [{ method: 'cash', amount: '5000' }],
    withholdings: [
      {
        type: 'IIBB',
        jurisdiction: 'AR-X',
        certificateNumber: `0007-${certificate}`,
        date: day(0),
        baseAmount: '4938.00',
        rate: '2.5',
        amount: '123.45',
      },
    ],
  });
  await page.goto(`/#/withholding-files?from=${day(0)}&to=${day(0)}`);
  await expect(page.getByText('SIFERE es el archivo que se importa')).toBeVisible();
  await page.getByLabel('CUIT del agente (opcional)').fill(dashed(agent.taxId));
  const sifere = page.getByRole('link', { name: 'SIFERE (Convenio Multilateral)' });
  await expect(sifere).toHaveAttribute('href', new RegExp(`agentTaxId=${agent.taxId}`));
  await screenshot(page, 'withholding-files-agent');
  const file = await page.request.get((await sifere.getAttribute('href'))!);
  expect(file.status()).toBe(200);
  // Typed from COMARB's design: jurisdiction 904 (Córdoba), agent CUIT with dashes, date, sucursal 0007,
  // constancia 16, R, blank letter, the receipt (point of sale 4 + number 8) in 20, amount 11 with a comma.
  const receiptDigits = String(receipt.pointOfSale).padStart(4, '0') + String(receipt.number).padStart(8, '0');
  expect(await file.text()).toBe(
    '904' +
      dashed(agent.taxId) +
      typed(day(0)) +
      '0007' +
      String(certificate).padStart(16, '0') +
      'R' +
      ' ' +
      receiptDigits.padStart(20, '0') +
      '00000123,45' +
      '\r\n',
  );
});
