import readline from 'node:readline/promises';
import { loadConfig } from '../config';
import { openDatabase } from '../db/connect';
import { hashPassword } from '../modules/auth';
import { ROLES, type Role } from '../http/permissions';
import { run } from './run';
import { createCompany } from '../modules/company';

/**
 * Creates a user (the first admin of an external database, typically), and the
 * company when it does not exist yet. Flags or prompts:
 *   npm run user:create -- --company "Mi Empresa S.A." --username admin --name "Ana Admin" --role admin --password ...
 */
function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

run(async () => {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const ask = async (name: string, question: string, fallback?: string) =>
    flag(name) ?? ((await rl.question(`${question}${fallback ? ` [${fallback}]` : ''}: `)).trim() || fallback || '');
  const companyName = await ask('company', 'Empresa', 'Mi Empresa');
  const username = (await ask('username', 'Usuario', 'admin')).toLowerCase();
  const fullName = await ask('name', 'Nombre completo', 'Administrador');
  const role = (await ask('role', `Rol (${ROLES.join('/')})`, 'admin')) as Role;
  const password = flag('password') ?? process.env.CTACTE_PASSWORD ?? (await rl.question('Contraseña (mínimo 8): '));
  rl.close();
  if (!ROLES.includes(role)) throw new Error(`Unknown role ${role}`);
  if (!/^[a-z0-9._-]{3,60}$/.test(username)) throw new Error('Username: 3-60 of a-z 0-9 . _ -');
  if (password.length < 8) throw new Error('The password needs at least 8 characters');
  const db = await openDatabase(loadConfig());
  try {
    await db.knex.transaction(async (trx) => {
      let company = await trx('companies').where({ name: companyName }).first('id');
      if (!company) company = { id: await createCompany(trx, { name: companyName }) };
      await trx('users').insert({ companyId: company!.id, username, fullName, role, passwordHash: await hashPassword(password) });
    });
    console.log(`User ${username} (${role}) created in ${companyName}`);
  } finally {
    await db.close();
  }
});
