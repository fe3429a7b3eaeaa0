import { loadConfig } from '../config';
import { openDatabase } from '../db/connect';
import { startWorker, workerOptionsFromEnv } from '../modules/integrations';
import { emitBrokenPromises } from '../modules/collections';
import { log, setLogLevel } from '../lib/log';
import { run } from './run';

/**
 * npm run worker: the webhook worker alone, for when the API scales out (start the API
 * processes with CTACTE_WORKER=off). Any number of workers may run side by side.
 */
run(async () => {
  const config = loadConfig();
  setLogLevel(config.logLevel);
  const db = await openDatabase(config);
  const worker = startWorker(db.knex, { ...workerOptionsFromEnv(), producers: [emitBrokenPromises] });
  log.info('webhook worker started');
  const stop = async (signal: string) => {
    log.info('stopping', { signal });
    await worker.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
});
