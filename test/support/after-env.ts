import { runFileEnd } from './file-end';
import { closeTestKnex, testKnex } from './db';
import { unscopedStatements } from './company-guard';

afterAll(async () => {
  try {
    await runFileEnd();
    const offenders = await unscopedStatements(testKnex);
    if (offenders.length > 0) {
      throw new Error(
        `statements on distributed tables without company_id (Citus would send them to every shard; ` +
          `see test/support/company-guard.ts):\n${offenders.map((o) => `  ${o.count}× ${o.sql}`).join('\n')}`,
      );
    }
  } finally {
    await closeTestKnex();
  }
});
