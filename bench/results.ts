import fs from 'node:fs';
import os from 'node:os';

export interface Row {
  group: string;
  operation: string;
  api: string;
  apiP95?: string;
  sql?: string;
  sqlP95?: string;
  ratio?: string;
  goal: string;
  pass: boolean;
}

export interface Report {
  started: Date;
  load: number[];
  facts: { customers: number; documents: number; openItems: number; applications: number; heavy: number; postgres: string };
  generation: Array<[string, number]> | null;
  rows: Row[];
  notes: string[];
  /** Free text kept between the table and the notes (analysis written by hand). */
  analysis?: string;
}

function machine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  return `${model}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/** The results table in Markdown. */
export function table(rows: Row[]): string {
  const head = '| # | operation | API median | API p95 | SQL median | SQL p95 | API/SQL | goal | result |';
  const rule = '|---|---|---|---|---|---|---|---|---|';
  const lines = rows.map(
    (r, i) =>
      `| ${i + 1} | ${r.operation} | ${r.api} | ${r.apiP95 ?? ''} | ${r.sql ?? ''} | ${r.sqlP95 ?? ''} | ${r.ratio ?? ''} | ${r.goal} | ${r.pass ? 'pass' : '**FAIL**'} |`,
  );
  return [head, rule, ...lines].join('\n');
}

const ANALYSIS_START = '<!-- analysis -->';
const ANALYSIS_END = '<!-- /analysis -->';

/** Writes bench/RESULTS.md (keeping any hand-written analysis section) and answers the table. */
export function writeResults(file: string, report: Report): string {
  let analysis = report.analysis;
  if (analysis === undefined && fs.existsSync(file)) {
    const old = fs.readFileSync(file, 'utf8');
    const a = old.indexOf(ANALYSIS_START);
    const b = old.indexOf(ANALYSIS_END);
    if (a >= 0 && b > a) analysis = old.slice(a + ANALYSIS_START.length, b).trim();
  }
  const f = report.facts;
  const passed = report.rows.filter((r) => r.pass).length;
  const md = [
    '# ctacte — performance bench (SPEC §9)',
    '',
    `Measured ${report.started.toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\` on ${machine()}; ${f.postgres} (embedded).`,
    `Load average (1 min) at start / end: ${report.load.map((l) => l.toFixed(1)).join(' / ')} — the machine is shared, so absolute figures are noisy; the API/SQL ratios are the goal.`,
    '',
    `Data set (\`npm run db:generate\`): ${f.customers.toLocaleString('en')} customers, ${f.documents.toLocaleString('en')} documents ` +
      `(${f.openItems.toLocaleString('en')} open), ${f.applications.toLocaleString('en')} applications; the big customer has ${f.heavy.toLocaleString('en')} documents.` +
      (report.generation
        ? ` Generated in this run in ${((report.generation.find(([n]) => n === 'total')?.[1] ?? 0) / 1000).toFixed(0)} s.`
        : ''),
    '',
    'API = through HTTP on a real server process (`npm start` with DATABASE_URL), logged in, reading the whole answer; ' +
      'SQL = the same operation as bare SQL on a plain connection (lists and the export replay the exact statements the server sends; ' +
      'reports and the receipt are hand-written SQL, see bench/sql.ts). Medians and p95 of sequential runs; API/SQL is the ratio of the medians ' +
      '(of the rates for receipts and the export).',
    '',
    table(report.rows),
    '',
    `${passed} of ${report.rows.length} goals met.`,
    '',
    ANALYSIS_START,
    analysis ?? '',
    ANALYSIS_END,
    '',
    ...(report.notes.length ? ['## Notes of this run', '', ...report.notes.map((n) => `- ${n}`), ''] : []),
    ...(report.generation
      ? ['## Generation phases', '', ...report.generation.map(([name, ms]) => `- ${name}: ${(ms / 1000).toFixed(2)} s`), '']
      : []),
  ].join('\n');
  fs.writeFileSync(file, md);
  return table(report.rows);
}
