import type { Knex } from 'knex';
import { hashPassword } from '../server/src/modules/auth/password';
import { createCompany } from '../server/src/modules/company/company.service';
import { seedDemoMasterData, seedDemoSecondCompany } from './demo-master-data';
import { seedDemoLedger } from './demo-ledger';
import { seedDemoCollections } from './demo-collections';

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_USERS = [
  { username: 'admin', fullName: 'Alicia Administradora', role: 'admin' },
  { username: 'supervisor', fullName: 'Sergio Supervisor', role: 'supervisor' },
  { username: 'clerk', fullName: 'Carla Administrativa', role: 'clerk' },
  { username: 'manager', fullName: 'Marta Gerente', role: 'manager' },
] as const;

/**
 * Two companies: "Distribuidora del Plata S.A." with the four demo users, and
 * "Ferretería Andina S.R.L." with `admin2`, to show that tenants never meet;
 * the first gets a full set of master data (seeds/demo-master-data.ts), a year
 * of ledger history (seeds/demo-ledger.ts) and the collections work of the last
 * weeks (seeds/demo-collections.ts), the second a handful of customers. All in
 * one transaction; does nothing when the demo users already exist.
 */
/** The first demo company's logo: a small SVG, as the company settings keep it (a data URL). */
const DEMO_LOGO = `data:image/svg+xml;base64,${Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">' +
    '<rect width="96" height="96" rx="14" fill="#1f4e79"/><path d="M14 62 Q48 30 82 62" stroke="#8fc1e3" stroke-width="6" fill="none"/>' +
    '<text x="48" y="84" font-family="Arial" font-size="20" font-weight="bold" fill="#fff" text-anchor="middle">DP</text></svg>',
).toString('base64')}`;

export async function seedDemo(knex: Knex): Promise<{ created: boolean }> {
  const existing = await knex('users').where({ username: 'admin' }).first('id');
  if (existing) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await knex.transaction(async (trx) => {
    const first = await createCompany(trx, {
      name: 'Distribuidora del Plata S.A.',
      taxId: '30712345671',
      street: 'Av. Corrientes 1234, piso 5',
      city: 'Ciudad Autónoma de Buenos Aires',
      province: 'AR-C',
      postalCode: 'C1043',
      phone: '011 4321-5678',
      email: 'administracion@delplata.com.ar',
      defaultReceiptPointOfSale: 1,
      overdueToleranceDays: 15,
      // The legal data its receipts, statements and collection sheets print (RG 1415 art. 10).
      ivaCondition: 1,
      grossIncomeRegime: 'multilateral',
      grossIncomeNumber: '901-712345-1',
      activityStartDate: '2009-03-02',
      logo: DEMO_LOGO,
    });
    const second = await createCompany(trx, {
      name: 'Ferretería Andina S.R.L.',
      taxId: '30698765433',
      street: 'San Martín 550',
      city: 'Mendoza',
      province: 'AR-M',
      postalCode: 'M5500',
      defaultReceiptPointOfSale: 2,
      overdueToleranceDays: 30,
      ivaCondition: 1,
      grossIncomeRegime: 'local',
      grossIncomeNumber: '0698765433',
      activityStartDate: '1998-08-17',
    });
    await trx('users').insert(
      DEMO_USERS.map((u) => ({ ...u, companyId: first, passwordHash, email: `${u.username}@delplata.com.ar` })),
    );
    await trx('users').insert({ companyId: second, username: 'admin2', fullName: 'Andrés Andino', role: 'admin', passwordHash });
    await seedDemoMasterData(trx, first);
    await seedDemoLedger(trx, first);
    await seedDemoCollections(trx, first);
    await seedDemoSecondCompany(trx, second);
  });
  return { created: true };
}
