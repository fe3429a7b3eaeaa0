import type { Knex } from 'knex';
import { generateBulk, vacuumLoadedTables } from './bulk-generate';
import { makeCuit, rng } from './generate';

/*
 * Many tenants on one server (`npm run db:generate -- --companies N`): besides
 * the one large company that `generateBulk` loads, N − 1 small ones, each a
 * company of its own with its users `t0002_admin` … `t0002_manager` (password
 * bench1234), its reference tables and a believable ledger of about
 * `documentsEach` documents, loaded by the same generator (so a new column is
 * added once). Small loads keep the indexes in place; each tenant commits on its
 * own, so an interrupted run leaves whole companies only and a later run adds
 * the missing ones; the tables are vacuumed once, after the last.
 */

const TRADES = ['Ferretería', 'Distribuidora', 'Corralón', 'Librería', 'Autopartes', 'Mayorista', 'Farmacia', 'Agroinsumos'];
const PLACES = ['del Sur', 'Central', 'San Martín', 'del Oeste', 'Norte', 'del Litoral', 'Belgrano', 'Patagónica'];

/** The username prefix of small tenant number `n` (the large tenant is number 1, prefix `bench`). */
export const tenantPrefix = (n: number) => `t${String(n).padStart(4, '0')}`;

export interface TenantsOptions {
  /** Total companies wanted, the large one included. */
  companies: number;
  /** Documents of each small tenant, about. */
  documentsEach: number;
  years?: number;
  today?: string;
  log?: (line: string) => void;
}

/** Creates small tenants 2…companies that do not exist yet; answers the company ids of all of them, in order. */
export async function generateSmallTenants(knex: Knex, opts: TenantsOptions): Promise<number[]> {
  const log = opts.log ?? (() => undefined);
  const existing = new Map(
    (
      (await knex('users').where('username', 'like', 't____\\_manager').select('username', 'companyId')) as Array<{
        username: string;
        companyId: number;
      }>
    ).map((u) => [u.username.slice(0, 5), u.companyId]),
  );
  const ids: number[] = [];
  const started = performance.now();
  let created = 0;
  for (let n = 2; n <= opts.companies; n++) {
    const prefix = tenantPrefix(n);
    const known = existing.get(prefix);
    if (known !== undefined) {
      ids.push(known);
      continue;
    }
    const r = rng(n * 7919);
    const result = await generateBulk(knex, {
      customers: Math.max(20, Math.round(opts.documentsEach / 20)),
      documents: opts.documentsEach,
      years: opts.years,
      seed: 20_261_204 + n,
      prefix,
      companyName: `${r.pick(TRADES)} ${r.pick(PLACES)} ${prefix.toUpperCase()} S.R.L.`,
      companyTaxId: makeCuit(r, '30'),
      heavyDocuments: 0,
      rebuild: false,
      vacuum: false,
      today: opts.today,
    });
    ids.push(result.companyId);
    created++;
    if (created % 10 === 0 || n === opts.companies)
      log(`small tenants: ${n - 1} of ${opts.companies - 1} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  if (created) {
    // Once for all of them: vacuuming the tables after each small tenant re-read the large one's million rows each time.
    await vacuumLoadedTables(knex);
    log(`small tenants: vacuumed (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  return ids;
}
