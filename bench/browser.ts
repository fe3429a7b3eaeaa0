import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { ROOT_DIR } from '../server/src/config';
import { ADMIN_DIST } from '../server/src/app/app';
import { stats, type Stats } from './measure';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the admin when admin/dist is missing or older than its sources (what `npm start` would serve). */
export function ensureAdminBuilt(log: (line: string) => void): void {
  const index = path.join(ADMIN_DIST, 'index.html');
  const admin = path.join(ROOT_DIR, 'admin');
  const sources = Math.max(newestMtime(path.join(admin, 'src')), fs.statSync(path.join(admin, 'index.html')).mtimeMs);
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  log('building the admin (admin/dist is missing or older than admin/src)…');
  const vite = path.join(ROOT_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'admin/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT_DIR,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('The admin build failed');
}

/** The scripts index.html loads before anything else (its module entry and the chunks it preloads), gzipped. */
export function initialJavaScript(): {
  files: Array<{ file: string; bytes: number; gzip: number }>;
  gzip: number;
  bytes: number;
} {
  const html = fs.readFileSync(path.join(ADMIN_DIST, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]);
  const files = [...new Set(refs)].map((ref) => {
    const content = fs.readFileSync(path.join(ADMIN_DIST, ref.replace(/^\//, '')));
    return { file: ref, bytes: content.length, gzip: zlib.gzipSync(content, { level: 6 }).length };
  });
  return { files, gzip: files.reduce((a, f) => a + f.gzip, 0), bytes: files.reduce((a, f) => a + f.bytes, 0) };
}

/**
 * Cold loads of the customer list in headless Chromium, each in a fresh profile
 * (empty cache) with the session cookie already set: from navigation to the first
 * customer row on screen.
 */
export async function firstLoads(
  base: string,
  cookies: Array<{ name: string; value: string }>,
  runs: number,
): Promise<{ stats: Stats; rowsShown: number }> {
  const times: number[] = [];
  let rowsShown = 0;
  for (let i = 0; i < runs + 1; i++) {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ctacte-bench-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      headless: true,
      locale: 'es-AR',
      viewport: { width: 1440, height: 900 },
    });
    try {
      await context.addCookies(cookies.map((c) => ({ ...c, url: base })));
      const page = context.pages()[0] ?? (await context.newPage());
      const started = performance.now();
      await page.goto(`${base}/#/customers`);
      const row = page.locator('tbody tr').filter({ hasText: /C\d{6}/ });
      await row.first().waitFor({ state: 'visible', timeout: 30_000 });
      const ms = performance.now() - started;
      rowsShown = await row.count();
      if (i > 0) times.push(ms); // the first launch warms the OS file cache of Chromium itself
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  }
  return { stats: stats(times), rowsShown };
}
