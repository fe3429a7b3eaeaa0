import { expect, login, test } from './fixtures';
import { apiOf, createCustomer } from './ledger-support';

const cases: Array<[string, string]> = [
  ['cordoba', 'Córdoba'],
  ['caba', 'Ciudad Autónoma de Buenos Aires'],
  ['Santa Fe', 'Santa Fe'],
  ['entre rios', 'Entre Ríos'],
];

test('when a clerk types a province without accents, by part of its name or by its initials, then the first suggestion is that province', async ({
  page,
}) => {
  await login(page, 'supervisor');
  await page.goto('/#/customers/create');
  const province = page.getByRole('combobox', { name: 'Provincia' });
  for (const [typed, expected] of cases) {
    await province.fill('');
    await province.fill(typed);
    await expect(page.getByRole('option').first(), typed).toHaveText(expected);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(province, typed).toHaveValue(expected);
  }
  // "Buenos Aires" offers the province first, then the city, and nothing else.
  await province.fill('Buenos Aires');
  await expect(page.getByRole('option')).toHaveText(['Buenos Aires', 'Ciudad Autónoma de Buenos Aires']);
  await page.keyboard.press('Escape');

  // The VAT condition (ten of them) is typed too.
  const iva = page.getByRole('combobox', { name: 'Condición frente al IVA' });
  await page.getByRole('tab', { name: 'Impositivos' }).click();
  await iva.fill('monotrib');
  await expect(page.getByRole('option').first()).toHaveText(/Monotributo/);
});

test('when a clerk types "ferreter" in the receipt and Imputar customer pickers, then the new Ferretería San Martín comes first, with code, name and CUIT', async ({
  page,
}) => {
  await login(page, 'clerk');
  const customer = await createCustomer(await apiOf(page), 'Ferretería San Martín');
  const cuit = `${customer.taxId.slice(0, 2)}-${customer.taxId.slice(2, 10)}-${customer.taxId.slice(10)}`;
  for (const path of ['/#/receipts/create', '/#/applications/create']) {
    await page.goto(path);
    await page.getByRole('combobox', { name: 'Cliente' }).fill('ferreter');
    await expect(page.getByRole('option').first(), path).toHaveText(`${customer.code} — Ferretería San Martín (${cuit})`);
    // Accents and case do not matter.
    await page.getByRole('combobox', { name: 'Cliente' }).fill('FERRETERIA SAN MARTIN');
    await expect(page.getByRole('option').first(), path).toContainText(customer.code);
  }
});
