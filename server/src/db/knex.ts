import knexFactory, { Knex } from 'knex';
import { knexSnakeCaseMappers } from 'objection';
import pg from 'pg';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMPILED, MIGRATIONS_DIR } from '../config';
import { BUSINESS_TZ } from '../lib/dates';

// DATE stays a 'YYYY-MM-DD' string: a JS Date would shift it by the time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// int8 (ids, counts) as a number while it is exact; NUMERIC keeps the driver's string.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});

/**
 * camelCase in JS, snake_case in SQL. Objection's mappers leave the rows of a
 * `knex.raw` result untouched; map them too so every query answers camelCase.
 */
function caseMappers() {
  const base = knexSnakeCaseMappers();
  return {
    wrapIdentifier: base.wrapIdentifier,
    postProcessResponse(result: unknown) {
      if (
        result &&
        typeof result === 'object' &&
        !Array.isArray(result) &&
        Array.isArray((result as pg.QueryResult).rows) &&
        'command' in result
      ) {
        const raw = result as pg.QueryResult;
        raw.rows = base.postProcessResponse(raw.rows) as unknown[] as typeof raw.rows;
        return raw;
      }
      return base.postProcessResponse(result);
    },
  };
}

/**
 * The compiled migrations (`dist/migrations/*.js`) under the names the database
 * recorded when they ran from TypeScript (`….ts`), so a database migrated by
 * `npm start` and one migrated by `npm run start:prod` agree on what has run.
 */
const compiledMigrations: Knex.MigrationSource<string> = {
  async getMigrations() {
    return fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((f) => f.endsWith('.js'))
      .sort();
  },
  getMigrationName: (file) => file.replace(/\.js$/, '.ts'),
  async getMigration(file) {
    const mod = (await import(pathToFileURL(path.join(MIGRATIONS_DIR, file)).href)) as Knex.Migration & {
      default?: Knex.Migration;
    };
    return mod.default ?? mod;
  },
};

export { MIGRATIONS_DIR };

export function createKnex(connectionString: string, pool: { min?: number; max?: number } = {}): Knex {
  return knexFactory({
    client: 'pg',
    connection: { connectionString, application_name: 'ctacte' },
    pool: {
      min: pool.min ?? 0,
      max: pool.max ?? 10,
      // "Today" in SQL (CURRENT_DATE, overdue days) is today in Argentina, whatever the server's zone.
      afterCreate(conn: pg.Client, done: (err: Error | null, conn: pg.Client) => void) {
        conn.query(`SET TIME ZONE '${BUSINESS_TZ}'`, (err) => done(err, conn));
      },
    },
    migrations: COMPILED
      ? { migrationSource: compiledMigrations, tableName: 'knex_migrations' }
      : { directory: MIGRATIONS_DIR, loadExtensions: ['.ts'], tableName: 'knex_migrations' },
    ...caseMappers(),
  });
}

export async function migrateLatest(knex: Knex): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest()) as [number, string[]];
  return applied;
}
