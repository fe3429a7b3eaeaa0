import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const RESULTS = path.join(ROOT, 'test', 'e2e', 'results');

function run(label: string, command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status})`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break;
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-4000) : '';
  throw new Error(`The server did not become healthy at ${url}\n${log}`);
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops the server's whole process group (npm, the server, PostgreSQL): SIGTERM
 * first, so the server closes its pool and PostgreSQL shuts down cleanly, then
 * SIGKILL for whatever is still there after 20 s.
 */
async function stop(server: ChildProcess): Promise<void> {
  const pid = server.pid;
  if (!pid || !groupAlive(pid)) return;
  process.kill(-pid, 'SIGTERM');
  const deadline = Date.now() + 20_000;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
  while (groupAlive(pid)) await new Promise((r) => setTimeout(r, 100));
}

/**
 * Checks the formatting helpers, rebuilds the admin (never test a stale bundle),
 * starts the app on a fresh embedded database and a free port, and returns the
 * teardown that stops it and removes the data. With E2E_BASE_URL set, the tests
 * use that server instead (handy while writing them); CI never sets it.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  fs.mkdirSync(RESULTS, { recursive: true });
  run('Formatting self-check', process.execPath, [
    path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
    'admin/src/common/selfcheck.ts',
  ]);
  run('Admin build', 'npm', ['run', 'build:admin', '--silent']);
  // While working on the tests, E2E_BASE_URL may point at a server already running.
  if (process.env.E2E_BASE_URL) return async () => undefined;

  // PostgreSQL runs as the `postgres` user: its folder must be reachable by it.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctacte-e2e-'));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(RESULTS, 'server.log');
  const log = fs.openSync(logFile, 'w');
  const server = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, CTACTE_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', log, log],
    detached: true,
  });
  try {
    await waitForHealth(url, server, logFile);
  } catch (error) {
    await stop(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  // Workers start after the global setup and inherit this.
  process.env.E2E_BASE_URL = url;

  return async () => {
    await stop(server);
    fs.closeSync(log);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
