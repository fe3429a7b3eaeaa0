import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../db/connect';
import { verifyLedger } from '../modules/ledger';
import { generateBulk } from '../../../seeds/bulk-generate';
import { setLogLevel } from '../lib/log';
import { run } from './run';

const HELP = `npm run db:generate -- [options]

Fills a database with one company and a large, realistic ledger (COPY, one transaction).
Database: DATABASE_URL when set; else the embedded PostgreSQL of --data-dir, or the one
of \`npm start\` (.data/). Big loads lock the loaded tables until they commit.

  --customers N      customers (default 50000)
  --documents N      documents, about (default 1000000)
  --years N          years of history (default 3)
  --heavy N          documents of one big customer (default min(10000, documents/50); 0: none)
  --prefix P         usernames P_admin, P_supervisor, P_clerk, P_manager (default bench; password bench1234)
  --seed N           random seed (same seed, same data)
  --data-dir DIR     embedded PostgreSQL under DIR/pg (like CTACTE_DATA_DIR=DIR npm start)
  --rebuild / --no-rebuild   drop and re-create indexes and foreign keys around the load
                     (default: from 100,000 documents)
  --no-verify        skip ledger:verify of the new company at the end`;

run(async () => {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '50000' },
      documents: { type: 'string', default: '1000000' },
      years: { type: 'string', default: '3' },
      heavy: { type: 'string' },
      prefix: { type: 'string', default: 'bench' },
      seed: { type: 'string' },
      'data-dir': { type: 'string' },
      rebuild: { type: 'boolean' },
      'no-rebuild': { type: 'boolean' },
      'no-verify': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const int = (name: string, raw: string | undefined) => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
    return n;
  };
  setLogLevel('warn');
  const env = { ...process.env };
  if (values['data-dir']) env.CTACTE_DATA_DIR = path.resolve(values['data-dir']);
  const started = Date.now();
  const db = await openDatabase(loadConfig(env));
  console.log(
    `database ready in ${((Date.now() - started) / 1000).toFixed(2)} s${db.embedded ? ` (embedded, port ${db.embedded.port})` : ''}`,
  );
  try {
    const result = await generateBulk(db.knex, {
      customers: int('customers', values.customers)!,
      documents: int('documents', values.documents)!,
      years: int('years', values.years),
      heavyDocuments: int('heavy', values.heavy),
      seed: int('seed', values.seed),
      prefix: values.prefix,
      rebuild: values['no-rebuild'] ? false : values.rebuild,
      log: (line) => console.log(line),
    });
    console.log(`\ncompany ${result.companyId}; users ${Object.values(result.usernames).join(', ')} (password bench1234)`);
    for (const [table, n] of Object.entries(result.counts))
      console.log(`  ${table.padEnd(18)} ${n.toLocaleString('en').padStart(10)}`);
    if (result.heavyCustomer)
      console.log(
        `  the big customer: ${result.heavyCustomer.code} (id ${result.heavyCustomer.id}), ${result.heavyCustomer.documents.toLocaleString('en')} documents`,
      );
    if (!values['no-verify']) {
      const t = Date.now();
      const found = await verifyLedger(db.knex, result.companyId);
      for (const d of found.slice(0, 20)) console.log(`invariant ${d.invariant} · ${d.subject}: ${d.detail}`);
      console.log(
        `ledger:verify ${found.length ? `FAILED (${found.length} discrepancies)` : 'OK'} in ${((Date.now() - t) / 1000).toFixed(2)} s`,
      );
      if (found.length) process.exitCode = 1;
    }
  } finally {
    await db.close();
  }
});
