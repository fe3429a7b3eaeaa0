import { loadConfig } from '../config';
import { openDatabase } from '../db/connect';
import { verifyLedger } from '../modules/ledger';
import { run } from './run';

/** npm run ledger:verify [-- --company N]: exits 1 when any invariant does not hold. */
run(async () => {
  const i = process.argv.indexOf('--company');
  const companyId = i > 0 ? Number(process.argv[i + 1]) : undefined;
  const db = await openDatabase(loadConfig(), { migrate: false });
  try {
    const started = Date.now();
    const found = await verifyLedger(db.knex, companyId);
    const counts = (
      await db.knex.raw(
        'SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM applications) AS applications, (SELECT count(*) FROM customers) AS customers',
      )
    ).rows[0];
    if (found.length === 0) {
      console.log(
        `ledger:verify OK — ${counts.documents} documents, ${counts.applications} applications, ${counts.customers} customers checked in ${Date.now() - started} ms`,
      );
      return;
    }
    for (const d of found) console.log(`invariant ${d.invariant} · company ${d.companyId} · ${d.subject}: ${d.detail}`);
    console.log(`ledger:verify FAILED — ${found.length} discrepancies`);
    process.exitCode = 1;
  } finally {
    await db.close();
  }
});
