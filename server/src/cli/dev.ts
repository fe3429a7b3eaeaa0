import path from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT_DIR } from '../config';
import { log } from '../lib/log';
import { serve } from './start';

/**
 * Development: the API on PORT (3000) with the embedded database, and Vite's dev
 * server on 5173 with hot reload, proxying /api to the API.
 */
const vite = spawn(
  process.execPath,
  [path.join(ROOT_DIR, 'node_modules', 'vite', 'bin', 'vite.js'), '--config', 'admin/vite.config.ts'],
  {
    cwd: ROOT_DIR,
    stdio: 'inherit',
  },
);
serve({ serveAdmin: false, onStop: () => vite.kill('SIGTERM') }).catch((err: unknown) => {
  log.error('dev failed', { error: err instanceof Error ? err.message : String(err) });
  vite.kill('SIGTERM');
  process.exit(1);
});
