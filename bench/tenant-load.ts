import crypto from 'node:crypto';
import http from 'node:http';
import readline from 'node:readline';
import { ApiClient, countLines, managerCookie, receiptBody } from './measure';
import type { ReceiptJob } from './sql';

/*
 * The large tenant's load for the many-tenants bench (bench/tenants.ts), in a process
 * of its own: its export read through in a loop and its clerks posting receipts. In
 * the measuring process, reading 150 MB of CSV per export and eight clients' answers
 * took turns on the same event loop as the small tenant's requests being timed, so
 * the bench's own work counted as the server's. As a browser on another machine does,
 * the load now runs beside the measurement, not inside it.
 *
 * Protocol: one JSON line on stdin (LoadConfig); "ready" on stdout once the load
 * runs; on a "stop" line, the loops end after their request in flight and one JSON
 * line (LoadResult) goes to stdout.
 */

export interface LoadConfig {
  base: string;
  manager: string;
  clerk: string;
  password: string;
  today: string;
  jobs: ReceiptJob[];
  exports: boolean;
  clerks: number;
  /** Each clerk's pause after a receipt before the next (0: none, the stress case). */
  pauseMs: number;
}

export interface LoadResult {
  exports: number;
  exported: number;
  receipts: number;
  errors: number;
}

async function run(config: LoadConfig, stopped: Promise<void>): Promise<LoadResult> {
  let stop = false;
  void stopped.then(() => (stop = true));
  const result: LoadResult = { exports: 0, exported: 0, receipts: 0, errors: 0 };
  const manager = await ApiClient.login(config.base, config.manager, config.password);
  const clerks = await Promise.all(
    Array.from({ length: config.clerks }, () => ApiClient.login(config.base, config.clerk, config.password)),
  );
  const exporter = (async () => {
    while (!stop && config.exports) {
      const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
        http
          .get(`${config.base}/api/documents/export.csv`, { headers: { Cookie: managerCookie(manager) } }, resolve)
          .on('error', reject),
      );
      if (res.statusCode !== 200) throw new Error(`large tenant's export: ${res.statusCode}`);
      result.exported += (await countLines(res)).lines - 1;
      result.exports++;
    }
  })();
  const posters = clerks.map(async (c, w) => {
    for (let i = w; !stop; i += clerks.length) {
      const res = await c.post('/api/receipts', receiptBody(config.jobs[i % config.jobs.length], config.today), {
        'Idempotency-Key': crypto.randomUUID(),
      });
      if (res.status === 201) result.receipts++;
      else result.errors++;
      if (config.pauseMs > 0 && !stop) await new Promise((r) => setTimeout(r, config.pauseMs));
    }
  });
  process.stdout.write('ready\n');
  await Promise.all([exporter, ...posters]);
  return result;
}

if (require.main === module) {
  const lines = readline.createInterface({ input: process.stdin });
  let config: LoadConfig | undefined;
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  lines.on('line', (line) => {
    if (!config) {
      config = JSON.parse(line) as LoadConfig;
      run(config, stopped).then(
        (result) => {
          process.stdout.write(JSON.stringify(result) + '\n');
          process.exit(0);
        },
        (err: Error) => {
          process.stderr.write(`tenant load: ${err.stack ?? err.message}\n`);
          process.exit(1);
        },
      );
    } else if (line === 'stop') stop();
  });
}
