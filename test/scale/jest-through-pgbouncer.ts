import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensurePackages, startPgbouncer, startPrimary, workDir } from './parts';

/**
 * The whole jest suite once more with DATABASE_URL pointing at PgBouncer in
 * transaction mode (in front of Debian's PostgreSQL 15): proves that the API keeps
 * no session state on pooled connections and that the COPY exports work through
 * the pool. Extra arguments go to jest.
 */
async function main(): Promise<number> {
  ensurePackages();
  const dir = workDir('bouncer');
  const primary = await startPrimary(dir, { fast: true });
  try {
    const bouncer = await startPgbouncer(dir, primary, { poolSize: 30 });
    try {
      console.log(`jest through PgBouncer (transaction mode) on 127.0.0.1:${bouncer.port} → PostgreSQL 15 on ${primary.port}`);
      const root = path.join(__dirname, '..', '..');
      const jest = spawn(
        process.execPath,
        [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), ...process.argv.slice(2)],
        {
          cwd: root,
          stdio: 'inherit',
          env: { ...process.env, DATABASE_URL: bouncer.url('postgres') },
        },
      );
      return await new Promise<number>((resolve) => jest.on('exit', (code) => resolve(code ?? 1)));
    } finally {
      await bouncer.stop();
    }
  } finally {
    primary.stop('immediate');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
