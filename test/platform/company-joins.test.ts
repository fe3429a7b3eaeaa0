import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import type { Ctx } from '../../server/src/http/context';
import type { ResourceDef } from '../../server/src/http/resource';
import { REFERENCE_TABLES } from '../../server/src/db/distribution';
import { onKey } from '../../server/src/db/keys';

/*
 * Every key of a business table is (company_id, id): a join to one by id alone keeps PostgreSQL off
 * the composite keys and is refused by a distribution by company_id. The resources' joins are
 * checked here on the SQL they compile (not on their source text), so a join written any way
 * (onKey, a callback, three strings) is judged by what it sends. Reference tables (users, companies,
 * …) are keyed by id and exempt. Joins written in services' raw SQL are outside this test.
 */

const MODULES = path.resolve(__dirname, '../../server/src/modules');
const pg = knexFactory({ client: 'pg' });

function isResource(x: unknown): x is ResourceDef {
  const r = x as Partial<ResourceDef> | null;
  return !!r && typeof r === 'object' && typeof r.table === 'string' && typeof r.alias === 'string' && !!r.fields;
}

/** Every resource a module exports, from the files that declare resources and the modules' doors. */
function allResources(): ResourceDef[] {
  const found = new Set<ResourceDef>();
  for (const area of fs.readdirSync(MODULES)) {
    for (const file of fs.readdirSync(path.join(MODULES, area))) {
      if (!/^(index|.*\.(resources?|service|routes))\.ts$/.test(file)) continue;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      for (const value of Object.values(require(path.join(MODULES, area, file)) as Record<string, unknown>))
        if (isResource(value)) found.add(value);
    }
  }
  return [...found];
}

/** The joins of a compiled query: table, alias and ON condition of each. */
function joinsOf(sql: string): Array<{ table: string; alias: string; on: string }> {
  const re =
    /\bjoin\s+"(\w+)"\s+as\s+"(\w+)"\s+on\s+(.*?)(?=\s+(?:inner\s+|left\s+|right\s+|full\s+|cross\s+)?join\s|\s+where\s|$)/gis;
  return [...sql.matchAll(re)].map((m) => ({ table: m[1], alias: m[2], on: m[3] }));
}

/** Joins to a business table whose ON does not tie the joined table's company_id. */
function idOnlyJoins(sql: string): string[] {
  return joinsOf(sql)
    .filter((j) => !(j.table in REFERENCE_TABLES) && !new RegExp(`"${j.alias}"\\."company_id"\\s*=`).test(j.on))
    .map((j) => `${j.table} as ${j.alias} on ${j.on}`);
}

function compiledFrom(def: ResourceDef, join: 'from' | 'countFrom'): string {
  const ctx = { knex: pg, companyId: 1, lang: 'es', user: { id: 1, role: 'admin' } } as unknown as Ctx;
  const qb: Knex.QueryBuilder = pg(`${def.table} as ${def.alias}`).where(`${def.alias}.company_id`, 1);
  def[join]?.(qb, ctx);
  return qb.toSQL().sql;
}

describe('joins by company and id', () => {
  const resources = allResources();

  test('when every resource is compiled, then each join to a business table ties company_id as well as the id', () => {
    // The resources of customers, ledger, cards, collections, treasury, integrations and the reference data.
    expect(resources.length).toBeGreaterThan(30);
    const offenders = resources.flatMap((def) =>
      (['from', 'countFrom'] as const).flatMap((join) => idOnlyJoins(compiledFrom(def, join)).map((j) => `${def.name}: ${j}`)),
    );
    expect(offenders).toEqual([]);
  });

  test('when a join goes by id alone, then it is named; by company and id, or to a reference table, it is not', () => {
    const byId = pg('card_coupons as cc').join('customers as c', 'c.id', 'cc.customer_id').toSQL().sql;
    const byKey = pg('card_coupons as cc')
      .join('customers as c', (j) => j.on('c.company_id', 'cc.company_id').andOn('c.id', 'cc.customer_id'))
      .toSQL().sql;
    const toUsers = pg('collection_calls as k').join('users as u', 'u.id', 'k.user_id').toSQL().sql;
    expect(idOnlyJoins(byId)).toEqual(['customers as c on "c"."id" = "cc"."customer_id"']);
    expect(idOnlyJoins(byKey)).toEqual([]);
    expect(idOnlyJoins(toUsers)).toEqual([]);
  });

  test('when onKey is given the company, then the joined table is tied to that value and the id to the referrer', () => {
    const sql = pg('documents as d')
      .leftJoin('customers as c', onKey('c', 'd.customer_id', 7))
      .toSQL();
    expect(sql.sql).toBe(
      'select * from "documents" as "d" left join "customers" as "c" on "c"."company_id" = ? and "c"."id" = "d"."customer_id"',
    );
    expect(sql.bindings).toEqual([7]);
    expect(idOnlyJoins(sql.sql)).toEqual([]);
  });
});
