import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../db/connect';
import { verifyLedger } from '../modules/ledger';
import { generateBulk } from '../../../seeds/bulk-generate';
import { generateSmallTenants, tenantPrefix } from '../../../seeds/bulk-tenants';
import { setLogLevel } from '../lib/log';
import { run } from './run';

const HELP = `npm run db:generate -- [options]

Fills a database with one company and a large, realistic ledger (COPY, one transaction),
and with --companies N also N − 1 small companies beside it (many tenants on one server).
Database: DATABASE_URL when set; else the embedded PostgreSQL of --data-dir, or the one
of \`npm start\` (.data/). Big loads lock the loaded tables until they commit.

  --customers N      customers (default 50000)
  --documents N      documents, about, of all companies together (default 1000000)
  --companies N      companies (default 1): one large, the rest small, each with its own users
                     t0002_admin … (password bench1234); tenants already there are kept
  --large-documents N  documents of the large company when --companies > 1
                     (default min(1000000, documents / 5)); the rest are shared by the small ones
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
      companies: { type: 'string', default: '1' },
      'large-documents': { type: 'string' },
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
    const companies = Math.max(1, int('companies', values.companies)!);
    const documents = int('documents', values.documents)!;
    const largeDocuments =
      companies === 1
        ? documents
        : (int('large-documents', values['large-documents']) ?? Math.min(1_000_000, Math.floor(documents / 5)));
    if (companies > 1 && largeDocuments >= documents)
      throw new Error('--large-documents must leave documents for the small companies');
    // With several companies a rerun adds the missing ones: the large one is kept when it is there.
    const kept =
      companies > 1
        ? ((await db
            .knex('users')
            .where({ username: `${values.prefix}_manager` })
            .first('companyId')) as { companyId: number } | undefined)
        : undefined;
    const companyIds: number[] = [];
    if (kept) {
      console.log(`company ${kept.companyId} (${values.prefix}_…) is there already: kept`);
      companyIds.push(kept.companyId);
    } else {
      const result = await generateBulk(db.knex, {
        customers: int('customers', values.customers)!,
        documents: largeDocuments,
        years: int('years', values.years),
        heavyDocuments: int('heavy', values.heavy),
        seed: int('seed', values.seed),
        prefix: values.prefix,
        rebuild: values['no-rebuild'] ? false : values.rebuild,
        log: (line) => console.log(line),
      });
      companyIds.push(result.companyId);
      console.log(`\ncompany ${result.companyId}; users ${Object.values(result.usernames).join(', ')} (password bench1234)`);
      for (const [table, n] of Object.entries(result.counts))
        console.log(`  ${table.padEnd(18)} ${n.toLocaleString('en').padStart(10)}`);
      if (result.heavyCustomer)
        console.log(
          `  the big customer: ${result.heavyCustomer.code} (id ${result.heavyCustomer.id}), ${result.heavyCustomer.documents.toLocaleString('en')} documents`,
        );
    }
    if (companies > 1) {
      const t = Date.now();
      const documentsEach = Math.max(1, Math.floor((documents - largeDocuments) / (companies - 1)));
      companyIds.push(
        ...(await generateSmallTenants(db.knex, {
          companies,
          documentsEach,
          years: int('years', values.years),
          log: (line) => console.log(line),
        })),
      );
      console.log(
        `${companies - 1} small companies of about ${documentsEach.toLocaleString('en')} documents each, users ${tenantPrefix(2)}_… to ${tenantPrefix(companies)}_… (password bench1234), in ${((Date.now() - t) / 1000).toFixed(0)} s`,
      );
    }
    if (!values['no-verify']) {
      const t = Date.now();
      let failed = 0;
      for (const companyId of companyIds) {
        const found = await verifyLedger(db.knex, companyId);
        for (const d of found.slice(0, 20))
          console.log(`company ${companyId}: invariant ${d.invariant} · ${d.subject}: ${d.detail}`);
        failed += found.length;
      }
      console.log(
        `ledger:verify of ${companyIds.length} ${companyIds.length === 1 ? 'company' : 'companies'} ${failed ? `FAILED (${failed} discrepancies)` : 'OK'} in ${((Date.now() - t) / 1000).toFixed(2)} s`,
      );
      if (failed) process.exitCode = 1;
    }
  } finally {
    await db.close();
  }
});
