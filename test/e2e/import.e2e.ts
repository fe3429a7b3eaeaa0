import { allowHttpError, expect, login, makeCuit, menuLink, screenshot, test, uniqueSuffix } from './fixtures';

const HEADER = ['code', 'legalName', 'ivaCondition', 'taxIdType', 'taxId', 'province', 'city', 'collectorCode', 'creditLimit'];

/** A file as Excel saves it in Argentina: BOM, semicolons, dd/mm/aaaa, decimal comma. */
const excelCsv = (rows: string[][]) => Buffer.from(`\uFEFF${[HEADER, ...rows].map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8');

test('when a clerk imports customers from a CSV, then the dry run shows the bad row, and once fixed the import writes them all', async ({
  page,
}) => {
  allowHttpError(page, 400, '/api/imports/customers');
  const prefix = `I${uniqueSuffix()}`;
  const good = makeCuit('30');
  const second = makeCuit('20');
  const wrongDigit = `${second.slice(0, 10)}${(Number(second[10]) + 1) % 10}`;
  const rows = (cuit: string) => [
    [`${prefix}-1`, 'Almacén Don Tito S.R.L.', '1', 'CUIT', good, 'AR-B', 'Quilmes', 'C01', ''],
    [`${prefix}-2`, 'Pérez, Juana', '6', 'CUIT', cuit, 'AR-X', 'Villa María', 'C02', ''],
  ];

  await login(page, 'clerk');
  await menuLink(page, 'Importar clientes').click();
  await expect(page.getByRole('banner').getByText('Importar clientes')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Descargar la exportación actual como plantilla' })).toHaveAttribute(
    'href',
    /^\/api\/customers\/export\.csv\?/,
  );
  await expect(page.getByRole('button', { name: 'Validar' })).toBeDisabled();

  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'clientes.csv', mimeType: 'text/csv', buffer: excelCsv(rows(wrongDigit)) });
  await expect(page.getByTestId('import-file-name')).toContainText('clientes.csv');
  await page.getByRole('button', { name: 'Validar' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '1 de 2 filas tienen errores' })).toBeVisible();
  await expect(page.locator('[data-count="total"]')).toContainText('2');
  await expect(page.locator('[data-count="valid"]')).toContainText('1');
  await expect(page.locator('[data-count="invalid"]')).toContainText('1');
  const errors = page.getByRole('table', { name: 'Errores por fila' });
  await expect(errors.getByRole('row')).toHaveCount(2);
  const error = errors.getByRole('row').nth(1);
  await expect(error.getByRole('cell').nth(0)).toHaveText('2');
  await expect(error.getByRole('cell').nth(1)).toHaveText('CUIT / documento (taxId)');
  await expect(error.getByRole('cell').nth(2)).toHaveText(`Dígito verificador inválido, debería ser ${second[10]}`);
  await expect(page.getByRole('button', { name: 'Importar' })).toBeDisabled();
  await screenshot(page, 'import-dry-run-errors');

  // The fixed file checks clean and imports, all rows at once.
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'clientes-corregido.csv', mimeType: 'text/csv', buffer: excelCsv(rows(second)) });
  await page.getByRole('button', { name: 'Validar' }).click();
  await expect(page.getByText('El archivo no tiene errores. Pulse «Importar» para grabarlo.')).toBeVisible();
  await expect(page.locator('[data-count="toCreate"]')).toContainText('2');
  await page.getByRole('button', { name: 'Importar' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Importación terminada: 2 clientes nuevos y 0 actualizados.' }),
  ).toBeVisible();
  await expect(page.locator('[data-count="created"]')).toContainText('2');
  await screenshot(page, 'import-done');

  await page.getByRole('link', { name: 'Ver clientes' }).click();
  await page.getByRole('textbox', { name: 'Buscar' }).fill(prefix);
  await expect(page.locator('tbody tr')).toHaveCount(2);
  await expect(page.getByRole('row', { name: /Almacén Don Tito S\.R\.L\./ })).toContainText('Roberto Medina');
  await expect(page.getByRole('row', { name: /Pérez, Juana/ })).toContainText('Monotributo');
});
