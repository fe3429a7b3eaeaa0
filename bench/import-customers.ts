/*
 * 50,000 customers through the CSV round trip, over real HTTP against a fresh
 * embedded PostgreSQL: export (es) → dry run → import into an empty company →
 * export again (must be byte-identical) → re-import (all unchanged) → an edited
 * file (updates). Prints the timings.
 *
 *   npx tsx bench/import-customers.ts [customers=50000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { startEmbedded } from '../server/src/db/embedded';
import { createKnex, migrateLatest } from '../server/src/db/knex';
import { createApp } from '../server/src/app/app';
import { setLogLevel } from '../server/src/lib/log';
import { createCompany } from '../server/src/modules/company/company.service';
import { hashPassword } from '../server/src/modules/auth/password';
import { seedReferences } from '../seeds/demo-master-data';
import { generateCustomers, rng } from '../seeds/generate';

const COUNT = Number(process.argv[2] ?? 50_000);
const PASSWORD = 'bench1234';

interface Session {
  cookie: string;
  csrf: string;
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

const results: Array<[string, string]> = [];
async function timed<T>(label: string, fn: () => Promise<T>, detail?: (value: T, ms: number) => string): Promise<T> {
  const started = performance.now();
  const value = await fn();
  const ms = performance.now() - started;
  const line = `${(ms / 1000).toFixed(2)} s${detail ? `  ${detail(value, ms)}` : ''}`;
  results.push([label, line]);
  console.log(`${label.padEnd(44)} ${line}`);
  return value;
}

const perSecond = (rows: number, ms: number) => `${Math.round((rows / ms) * 1000).toLocaleString('en')} rows/s`;

async function main(): Promise<void> {
  setLogLevel('warn');
  const base = path.join(os.tmpdir(), 'ctacte-bench');
  fs.mkdirSync(base, { recursive: true, mode: 0o755 });
  fs.chmodSync(base, 0o755);
  const dir = fs.mkdtempSync(path.join(base, 'run-'));
  fs.chmodSync(dir, 0o755);
  const db = await timed('start embedded PostgreSQL', () => startEmbedded(path.join(dir, 'pg')));
  const knex = createKnex(db.url('ctacte'));
  const server = { close: () => undefined as void };
  try {
    await db.createDatabase('ctacte');
    await migrateLatest(knex);

    const passwordHash = await hashPassword(PASSWORD);
    const [source, target] = await knex.transaction(async (trx) => {
      const ids: number[] = [];
      for (const [name, username] of [
        ['Origen S.A.', 'origen'],
        ['Destino S.A.', 'destino'],
      ]) {
        const companyId = await createCompany(trx, { name });
        await trx('users').insert({ companyId, username, fullName: name, role: 'admin', passwordHash });
        ids.push(companyId);
      }
      return ids;
    });
    const refs = await knex.transaction((trx) => seedReferences(trx, source));
    await knex.transaction((trx) => seedReferences(trx, target));
    await timed(
      `generate and insert ${COUNT.toLocaleString('en')} customers`,
      async () => {
        const rows = generateCustomers(rng(50_000), COUNT, refs, { complete: true, codePrefix: 'B', codeDigits: 6 });
        const snake = (k: string) => k.replace(/([A-Z])/g, '_$1').toLowerCase();
        const cols = ['company_id', ...Object.keys(rows[0]).map(snake)].join(', ');
        await knex.transaction(async (trx) => {
          for (let i = 0; i < rows.length; i += 5000) {
            const batch = rows
              .slice(i, i + 5000)
              .map((r) => Object.fromEntries([['company_id', source], ...Object.entries(r).map(([k, v]) => [snake(k), v])]));
            await trx.raw(
              `INSERT INTO customers (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::customers, ?::json)`,
              [JSON.stringify(batch)],
            );
          }
        });
        await knex.raw('ANALYZE customers');
      },
      (_, ms) => perSecond(COUNT, ms),
    );

    const app = createApp({ knex, databaseUrl: db.url('ctacte'), sessionSecret: 'bench-secret' });
    const http = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => http.once('listening', resolve));
    server.close = () => void http.close();
    const baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api`;

    const login = async (username: string): Promise<Session> => {
      const res = await fetch(`${baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
    };
    const [origin, destination] = [await login('origen'), await login('destino')];

    const exportCsv = async (s: Session, dialect: 'es' | 'rfc4180' = 'es'): Promise<Buffer> => {
      const res = await fetch(`${baseUrl}/customers/export.csv?dialect=${dialect}`, { headers: { Cookie: s.cookie } });
      if (res.status !== 200) throw new Error(`export: ${res.status}`);
      return Buffer.from(await res.arrayBuffer());
    };
    const importCsv = async (s: Session, body: Buffer, query = '') => {
      const res = await fetch(`${baseUrl}/imports/customers${query}`, {
        method: 'POST',
        headers: { Cookie: s.cookie, 'X-CSRF-Token': s.csrf, 'Content-Type': 'text/csv' },
        body,
      });
      const report = (await res.json()) as Record<string, unknown>;
      if (res.status !== 200) throw new Error(`import: ${res.status} ${JSON.stringify(report).slice(0, 500)}`);
      return report;
    };
    const counts = (r: Record<string, unknown>) => `created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}`;

    const file = await timed(
      'export es (COPY, streamed)',
      () => exportCsv(origin),
      (b, ms) => `${(b.length / 1e6).toFixed(1)} MB, ${perSecond(COUNT, ms)}`,
    );
    await timed(
      'export rfc4180',
      () => exportCsv(origin, 'rfc4180'),
      (b, ms) => `${(b.length / 1e6).toFixed(1)} MB, ${perSecond(COUNT, ms)}`,
    );
    await timed(
      'import dry run into the empty company',
      () => importCsv(destination, file, '?dryRun=true'),
      (r, ms) => `${counts(r)}; ${perSecond(COUNT, ms)}`,
    );
    await timed(
      'import commit into the empty company',
      () => importCsv(destination, file),
      (r, ms) => `${counts(r)}; ${perSecond(COUNT, ms)}`,
    );
    const again = await timed('export the imported company', () => exportCsv(destination));
    const identical = again.equals(file);
    results.push(['round trip byte-identical', String(identical)]);
    console.log(`${'round trip byte-identical'.padEnd(44)} ${identical}`);
    await timed(
      're-import the same file (nothing changes)',
      () => importCsv(destination, again),
      (r, ms) => `${counts(r)}; ${perSecond(COUNT, ms)}`,
    );
    const edited = Buffer.from(again.toString('utf8').replaceAll(';1.1.3.01;', ';1.1.3.09;'), 'utf8');
    await timed(
      'import an edited file (receivable account)',
      () => importCsv(destination, edited),
      (r, ms) => `${counts(r)}; ${perSecond(COUNT, ms)}`,
    );
    console.log(`${'peak RSS of this process (app + bench)'.padEnd(44)} ${(peakRss / 1e6).toFixed(0)} MB`);
    if (!identical) process.exitCode = 1;
  } finally {
    clearInterval(sampler);
    server.close();
    await knex.destroy();
    await db.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
