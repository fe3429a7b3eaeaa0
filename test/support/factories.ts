import type { Knex } from 'knex';
import { hash as argon2 } from '@node-rs/argon2';
import { createCompany } from '../../server/src/modules/company/company.service';
import { ROLES, type Role } from '../../server/src/http/permissions';
import { testKnex } from './db';
import { loginAs, TEST_PASSWORD, type Agent } from './app';

/**
 * The fixture users' password hash: argon2id like every stored password, but with the smallest cost
 * (1 MiB, 1 pass) because a test file logs in 4+ times and the production cost (19 MiB, 2 passes,
 * ~130 ms a verify here) was a second of CPU per file. A login still runs the server's own verify, which
 * reads the cost from the stored hash; passwords set through the API (users, password change) keep the
 * production cost of `hashPassword`.
 */
const FIXTURE_HASH_COST = { memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;
let passwordHash: Promise<string> | undefined;
let seq = 0;

/** A unique suffix per call within this worker and run. */
export function uniq(prefix = ''): string {
  seq += 1;
  return `${prefix}${process.env.JEST_WORKER_ID ?? '1'}${Date.now().toString(36)}${seq}`;
}

export interface TestCompany {
  companyId: number;
  /** usernames by role */
  users: Record<Role, string>;
  knex: Knex;
}

/** A fresh company with one user of each role: every test file works in its own tenant. */
export async function createTestCompany(name = 'Empresa de prueba'): Promise<TestCompany> {
  const knex = await testKnex();
  passwordHash ??= argon2(TEST_PASSWORD, FIXTURE_HASH_COST);
  const hash = await passwordHash;
  const tag = uniq();
  const companyId = await knex.transaction((trx) => createCompany(trx, { name: `${name} ${tag}` }));
  const users = {} as Record<Role, string>;
  for (const role of ROLES) {
    const username = `${role}_${tag}`.toLowerCase();
    await knex('users').insert({ companyId, username, fullName: `${role} ${tag}`, role, passwordHash: hash });
    users[role] = username;
  }
  return { companyId, users, knex };
}

/** Logged-in agents for each role of a company. */
export async function agentsFor(company: TestCompany): Promise<Record<Role, Agent>> {
  const entries = await Promise.all(ROLES.map(async (role) => [role, await loginAs(company.users[role])] as const));
  return Object.fromEntries(entries) as Record<Role, Agent>;
}
