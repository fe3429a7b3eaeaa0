import { allowHttpError, expect, login, screenshot, sidebar, test, waitForNotification } from './fixtures';

test('when the admin creates a user, then it is listed with its role in Spanish, and an edit that leaves the password empty keeps it', async ({
  page,
}) => {
  const username = `cobranzas.${Date.now().toString(36)}`;
  await login(page, 'admin');
  await sidebar(page).getByRole('menuitem', { name: 'Usuarios' }).click();
  await expect(page.getByRole('row', { name: /Alicia Administradora/ })).toContainText('Administrador');
  await expect(page.getByRole('row', { name: /Carla Administrativa/ })).toContainText('Administrativo');
  await screenshot(page, 'users-list');

  await page.getByRole('link', { name: 'Crear' }).click();
  await expect(page.getByText('Al menos 8 caracteres.')).toBeVisible();
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="fullName"]').fill('Cobrador de Prueba');
  await page.locator('input[name="email"]').fill('cobranzas@delplata.com.ar');
  await page.getByRole('combobox', { name: /Rol/ }).click();
  await page.getByRole('option', { name: 'Supervisor de cobranzas' }).click();
  await page.locator('input[name="password"]').fill('clave-segura-1');
  await screenshot(page, 'users-create');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await waitForNotification(page, 'Registro creado');

  const row = page.getByRole('row', { name: new RegExp(username.replace('.', '\\.')) });
  await expect(row).toContainText('Cobrador de Prueba');
  await expect(row).toContainText('Supervisor de cobranzas');
  await expect(row).toContainText('Nunca ingresó');

  await row.click();
  await expect(page.locator('input[name="fullName"]')).toHaveValue('Cobrador de Prueba');
  await expect(page.getByText('Dejar vacío para no cambiarla.')).toBeVisible();
  await page.locator('input[name="fullName"]').fill('Cobradora Editada');
  await screenshot(page, 'users-edit');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await waitForNotification(page, 'Cambios guardados');
  await expect(row).toContainText('Cobradora Editada');

  // The password typed at creation still opens a session.
  await page.getByRole('button', { name: 'Perfil' }).click();
  await page.getByRole('menuitem', { name: 'Cerrar sesión' }).click();
  await login(page, username, 'clave-segura-1');
  await expect(page.getByRole('heading', { name: 'Hola, Cobradora Editada' })).toBeVisible();
});

test('when the admin creates a user with a username already taken, then the field shows the server message', async ({ page }) => {
  allowHttpError(page, 409, '/api/users');
  await login(page, 'admin');
  await page.goto('/#/users/create');
  await page.locator('input[name="username"]').fill('clerk');
  await page.locator('input[name="fullName"]').fill('Otra Persona');
  await page.getByRole('combobox', { name: /Rol/ }).click();
  await page.getByRole('option', { name: 'Administrativo' }).click();
  await page.locator('input[name="password"]').fill('otra-clave-1');
  await page.getByRole('button', { name: 'Guardar' }).click();
  const message = 'Ese nombre de usuario no está disponible';
  await waitForNotification(page, message);
  await expect(page.locator('.ra-input-username')).toContainText(message);
  await screenshot(page, 'users-duplicate');

  // The server answers in the language the user picked.
  await page.getByRole('button', { name: 'Perfil' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'New user' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.locator('input[name="username"]').fill('clerk');
  await page.locator('input[name="fullName"]').fill('Otra Persona');
  await page.getByRole('combobox', { name: /Role/ }).click();
  await page.getByRole('option', { name: 'Clerk' }).click();
  await page.locator('input[name="password"]').fill('otra-clave-1');
  await page.getByRole('button', { name: 'Save' }).click();
  await waitForNotification(page, 'That username is not available');
  await expect(page.locator('.ra-input-username')).toContainText('That username is not available');
});

test('when the admin of the second company lists users, then only that company’s users appear', async ({ page }) => {
  await login(page, 'admin2');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Ferretería Andina S.R.L.' })).toBeVisible();
  await sidebar(page).getByRole('menuitem', { name: 'Usuarios' }).click();
  await expect(page.getByRole('row', { name: /Andrés Andino/ })).toBeVisible();
  const body = page.locator('tbody');
  await expect(body.getByRole('row')).toHaveCount(1);
  for (const other of ['Alicia Administradora', 'Sergio Supervisor', 'Carla Administrativa', 'Marta Gerente'])
    await expect(page.getByText(other)).toHaveCount(0);
  await screenshot(page, 'users-admin2');
});
