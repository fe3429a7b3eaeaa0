import { loadConfig } from '../config';
import { openDatabase } from '../db/connect';
import { checkDistribution, citusCalls, REFERENCE_TABLES } from '../db/distribution';
import { run } from './run';

/**
 * Reads the migrated schema's catalog and says whether Citus would accept it
 * distributed by company_id; prints the calls that would distribute it. Exits 1
 * on any problem.
 */
run(async () => {
  const db = await openDatabase(loadConfig());
  try {
    const plan = await checkDistribution(db.knex);
    const count = (kind: string) => [...plan.kinds.values()].filter((k) => k === kind).length;
    console.log(
      `${count('distributed')} tables distributed by company_id, ${count('reference')} reference tables, ${count('local')} on the coordinator only`,
    );
    for (const [table, why] of Object.entries(REFERENCE_TABLES)) console.log(`  reference: ${table} — ${why}`);
    if (plan.problems.length) {
      console.log(`\n${plan.problems.length} problem(s) Citus would refuse:`);
      for (const p of plan.problems) console.log(`  ${p.table} · ${p.object}: ${p.problem}`);
      process.exitCode = 1;
      return;
    }
    console.log('\nNo problem: Citus accepts this schema. The calls, on the coordinator:\n');
    console.log(citusCalls(plan).join('\n'));
  } finally {
    await db.close();
  }
});
