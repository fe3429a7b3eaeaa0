import { test as base, expect, type ConsoleMessage, type Locator, type Page } from '@playwright/test';
import path from 'node:path';

export { expect };

export const DEMO_PASSWORD = 'demo1234';
export const SCREENSHOTS = path.join(__dirname, 'screenshots');

const allowedHttpErrors = new WeakMap<Page, Array<{ status: number; path: string }>>();

/**
 * Declares a request the test provokes to fail (a wrong password, a duplicate):
 * Chromium logs every failed request on the console, and anything on the console
 * that was not declared fails the test.
 */
export function allowHttpError(page: Page, status: number, path: string): void {
  allowedHttpErrors.set(page, [...(allowedHttpErrors.get(page) ?? []), { status, path }]);
}

function isExpectedNetworkError(page: Page, msg: ConsoleMessage): boolean {
  const m = /^Failed to load resource: the server responded with a status of (\d{3})/.exec(msg.text());
  if (!m) return false;
  const url = new URL(msg.location().url);
  return (allowedHttpErrors.get(page) ?? []).some((a) => a.status === Number(m[1]) && url.pathname === a.path);
}

export const test = base.extend({
  // Playwright reads a fixture's dependencies from its first parameter, which must be a destructuring pattern.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error('E2E_BASE_URL is not set: run through `npm run test:e2e`');
    await use(url);
  },
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !isExpectedNetworkError(page, msg))
        problems.push(`console.error: ${msg.text()} (${msg.location().url})`);
      if (msg.type() === 'warning' && /Missing translation/i.test(msg.text()))
        problems.push(`missing translation: ${msg.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await use(page);
    expect(problems, 'the browser console stays clean').toEqual([]);
    // Whatever the test left on screen reads as text, never as a catalog key or a plural template.
    const text = page.isClosed() ? '' : await page.locator('body').innerText();
    expect(text, 'no untranslated text').not.toMatch(
      /\|\|\|\||\b(ra|ctacte|resources|ledger|collections|reports)\.[a-z_-]+\.[a-zA-Z_.-]+/,
    );
  },
});

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Fills and sends the login form (the page stays where the answer leaves it). */
export async function submitLogin(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Ingresar' }).click();
}

/** Logs in and waits for the home page's greeting. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await submitLogin(page, username, password);
  await expect(page.getByRole('heading', { name: /^(Hola|Hello), / })).toBeVisible();
}

/** The sidebar, where the menu groups and their items live. */
export const sidebar = (page: Page): Locator => page.locator('.RaSidebar-fixed');

export async function openUserMenu(page: Page, fullName: string): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: fullName }).click();
}

/** Waits for a notification and for its entrance animation to end (so screenshots show it). */
export async function waitForNotification(page: Page, text: string | RegExp): Promise<void> {
  const snackbar = page.locator('.MuiSnackbarContent-root', { hasText: text });
  await expect(snackbar).toBeVisible();
  await expect(snackbar).toHaveCSS('opacity', '1');
}

/** A short suffix that keeps codes unique across runs against the same server. */
export const uniqueSuffix = (): string =>
  `${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 36 ** 2).toString(36)}`.toUpperCase();

/** A valid CUIT with the given prefix (SPEC §4's check digit), different on every call. */
export function makeCuit(prefix = '30'): string {
  const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  for (;;) {
    const body = `${prefix}${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const r = weights.reduce((acc, w, i) => acc + w * Number(body[i]), 0) % 11;
    if (r === 1) continue;
    return `${body}${r === 0 ? 0 : 11 - r}`;
  }
}

/** The API as the logged-in browser sees it (session cookie and CSRF token), to set up what a test needs. */
export function api(page: Page) {
  const headers = async () => {
    const cookies = await page.context().cookies();
    const csrf = cookies.find((c) => c.name === 'ctacte_csrf')?.value ?? '';
    return { 'X-CSRF-Token': decodeURIComponent(csrf), 'Accept-Language': 'es' };
  };
  return {
    async get<T = unknown>(path: string): Promise<T> {
      const res = await page.request.get(path, { headers: await headers() });
      expect(res.ok(), `GET ${path}`).toBeTruthy();
      return (await res.json()) as T;
    },
    async post<T = unknown>(path: string, data: unknown): Promise<T> {
      const res = await page.request.post(path, { data, headers: await headers() });
      expect(res.status(), `POST ${path}: ${await res.text()}`).toBe(201);
      return (await res.json()) as T;
    },
  };
}

/** A screen's link in the sidebar (not a group header of the same name, such as "Clientes"). */
export const menuLink = (page: Page, name: string): Locator =>
  sidebar(page).locator('a[role="menuitem"]', { hasText: new RegExp(`^${name}$`) });

/**
 * Opens a screen from a sidebar group: unfolds the group only if it is folded (its header toggles, so a click on an
 * open group folds it), then clicks the screen's link until the address is the screen's. A click while the group
 * is still unfolding (and the sidebar scrolling to it) can land beside the link and go nowhere.
 */
export async function openFromMenu(page: Page, groupId: string, name: string, resource: string): Promise<void> {
  const header = sidebar(page).locator(`[data-menu-group="${groupId}"]`);
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await expect(header).toHaveAttribute('aria-expanded', 'true');
  await expect(async () => {
    await menuLink(page, name).click();
    await expect(page).toHaveURL(new RegExp(`#/${resource}([?/]|$)`), { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/**
 * A list's "Crear" button, found by where it leads: right after a menu click the previous list's
 * "Crear" may still be on screen, and a click on it would open the wrong form.
 */
export const createLink = (page: Page, resource: string): Locator =>
  page.locator(`a[href="#/${resource}/create"]`, { hasText: 'Crear' });
