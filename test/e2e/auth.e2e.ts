import { allowHttpError, expect, login, menuLink, screenshot, sidebar, submitLogin, test, waitForNotification } from './fixtures';

const MASTER_DATA = ['Clientes', 'Sucursales', 'Contactos', 'Tarjetas', 'Planes de tarjeta'];
const MASTER_DATA_EN = ['Customers', 'Branches', 'Contacts', 'Card issuers', 'Card plans'];
const ADMIN_ONLY = ['Usuarios', 'Niveles de segmento', 'Datos de la empresa'];

/** What each demo user of company 1 must (and must not) find in the menu; everyone reads the reference tables. */
const ROLES = [
  {
    username: 'admin',
    fullName: 'Alicia Administradora',
    role: 'Administrador',
    groups: ['Clientes', 'Tarjetas', 'Administración'],
    items: [...MASTER_DATA, 'Importar clientes', ...ADMIN_ONLY, 'Auditoría'],
    hidden: [],
    itemsEn: [...MASTER_DATA_EN, 'Import customers', 'Users', 'Segment levels', 'Company settings', 'Audit log'],
  },
  {
    username: 'supervisor',
    fullName: 'Sergio Supervisor',
    role: 'Supervisor de cobranzas',
    groups: ['Clientes', 'Tarjetas', 'Administración'],
    items: [...MASTER_DATA, 'Importar clientes', 'Auditoría'],
    hidden: ADMIN_ONLY,
    itemsEn: [...MASTER_DATA_EN, 'Import customers', 'Audit log'],
  },
  {
    username: 'manager',
    fullName: 'Marta Gerente',
    role: 'Gerencia',
    groups: ['Clientes', 'Tarjetas', 'Administración'],
    items: [...MASTER_DATA, 'Auditoría'],
    hidden: [...ADMIN_ONLY, 'Importar clientes'],
    itemsEn: [...MASTER_DATA_EN, 'Audit log'],
  },
  {
    username: 'clerk',
    fullName: 'Carla Administrativa',
    role: 'Administrativo',
    groups: ['Clientes', 'Tarjetas', 'Administración'],
    items: [...MASTER_DATA, 'Importar clientes'],
    hidden: [...ADMIN_ONLY, 'Auditoría'],
    itemsEn: [...MASTER_DATA_EN, 'Import customers'],
  },
];

for (const user of ROLES) {
  test(`when ${user.username} logs in, then the menu shows in Spanish only what the role may see, English is one click away, and logout returns to the login page`, async ({
    page,
  }) => {
    await login(page, user.username);
    await expect(page.getByRole('heading', { name: `Hola, ${user.fullName}` })).toBeVisible();
    await expect(page.getByText(`Su rol: ${user.role}`)).toBeVisible();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Distribuidora del Plata S.A.' })).toBeVisible();

    const menu = sidebar(page);
    await expect(menu.getByRole('menuitem', { name: 'Inicio' })).toBeVisible();
    for (const group of user.groups) await expect(menu.getByRole('menuitem', { name: group, exact: true }).first()).toBeVisible();
    for (const item of user.items) await expect(menuLink(page, item)).toBeVisible();
    for (const item of user.hidden) await expect(menuLink(page, item)).toHaveCount(0);
    // The reference tables fold under Administración › Tablas, readable by every role.
    await menu.locator('[data-menu-group="tables"]').click();
    await expect(menuLink(page, 'Condiciones de pago')).toBeVisible();
    await screenshot(page, `menu-${user.username}-es`);

    await page.getByRole('button', { name: 'Perfil' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: `Hello, ${user.fullName}` })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: 'Home' })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: 'Administration' })).toBeVisible();
    for (const item of user.itemsEn) await expect(menuLink(page, item)).toBeVisible();
    await screenshot(page, `menu-${user.username}-en`);

    // The choice survives a reload (react-admin keeps it in localStorage).
    await page.reload();
    await expect(page.getByRole('heading', { name: `Hello, ${user.fullName}` })).toBeVisible();

    await page.getByRole('button', { name: 'Profile' }).click();
    await page.getByRole('menuitem', { name: 'Logout' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(page).toHaveURL(/#\/login$/);
  });
}

test('when the password is wrong, then the login page says so in Spanish and no session starts', async ({ page }) => {
  allowHttpError(page, 401, '/api/auth/login');
  await submitLogin(page, 'admin', 'not-the-password');
  await waitForNotification(page, 'Usuario o contraseña incorrectos');
  await screenshot(page, 'login-wrong-password');
  await expect(page.getByRole('button', { name: 'Ingresar' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Hola/ })).toHaveCount(0);
});

test('when a clerk opens the users screen by its address, then access is denied', async ({ page }) => {
  await login(page, 'clerk');
  await expect(page.getByRole('heading', { name: 'Hola, Carla Administrativa' })).toBeVisible();
  await page.goto('/#/users');
  await expect(page.getByText('Acceso denegado')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
});

test('when failed logins pile up, then the login page shows the server’s rate-limit message', async ({ page }) => {
  const username = `intruso.${Date.now().toString(36)}`;
  await page.goto('/');
  for (let i = 0; i < 10; i++) {
    const res = await page.request.post('/api/auth/login', { data: { username, password: 'adivinanza' } });
    expect(res.status()).toBe(401);
  }
  allowHttpError(page, 429, '/api/auth/login');
  await submitLogin(page, username, 'adivinanza');
  await waitForNotification(page, /^Demasiados intentos fallidos\. Intente de nuevo en \d+ minuto\(s\)\.$/);
  await screenshot(page, 'login-rate-limited');
});

test('when the session ends on the server, then the next request leads back to the login page', async ({ page, context }) => {
  await login(page, 'admin');
  await context.clearCookies({ name: 'ctacte_session' });
  allowHttpError(page, 401, '/api/users');
  await sidebar(page).getByRole('menuitem', { name: 'Usuarios' }).click();
  await expect(page.getByRole('button', { name: 'Ingresar' })).toBeVisible();
  await expect(page).toHaveURL(/#\/login$/);
  await waitForNotification(page, 'Su sesión terminó; vuelva a ingresar.');
  await login(page, 'admin');
  await expect(page.getByRole('heading', { name: 'Hola, Alicia Administradora' })).toBeVisible();
});
