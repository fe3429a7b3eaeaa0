import { api, expect, login, screenshot, test } from './fixtures';

const nb = '\u00a0';

type Customer = { id: number; code: string; balanceUsd: string; balanceArs: string };

test('when a clerk opens the demo bimonetary customer, then both ledgers show side by side and the statement goes by currency, kept through reload and Back', async ({
  page,
}) => {
  await login(page, 'clerk');
  const [customer] = await api(page).get<Customer[]>(
    `/api/customers?filter=${encodeURIComponent(JSON.stringify({ bimonetary: true }))}`,
  );
  expect(customer.balanceUsd).toBe('5650.00');

  await page.goto(`/#/customers/${customer.id}/show`);
  const figures = page.getByTestId('customer-figures');
  await expect(figures.getByTestId('ledger-ARS')).toContainText('Saldo en pesos');
  await expect(figures.getByTestId('ledger-USD')).toContainText('Saldo en dólares');
  await expect(figures.getByTestId('ledger-USD')).toContainText(`US$${nb}5.650,00`);
  await expect(figures.getByTestId('ledger-USD')).toContainText(`US$${nb}3.350,00`);
  await screenshot(page, 'bimonetary-customer');

  await page.goto(`/#/customers/${customer.id}/show/account`);
  const statement = page.locator('[data-statement]');
  await expect(page.getByRole('button', { name: 'Cuenta en pesos' })).toHaveAttribute('aria-pressed', 'true');
  await expect(statement).not.toContainText('FAC A 00006-00000001');
  await page.getByRole('button', { name: 'Cuenta en dólares' }).click();
  await expect(statement).toContainText('FAC A 00006-00000001');
  await expect(statement.locator('[data-row="closing"]')).toContainText(`US$${nb}5.650,00`);
  await screenshot(page, 'bimonetary-statement-usd');

  await page.reload();
  await expect(page.getByRole('button', { name: 'Cuenta en dólares' })).toHaveAttribute('aria-pressed', 'true');
  await expect(statement).toContainText('FAC A 00006-00000002');
  await page.goBack();
  await expect(page.getByRole('button', { name: 'Cuenta en pesos' })).toHaveAttribute('aria-pressed', 'true');
  await expect(statement).not.toContainText('FAC A 00006-00000001');
});
