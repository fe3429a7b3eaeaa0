/** The server the kill test runs: `npm start` without the admin bundle (the API is what is under test). */
import { serve } from '../../server/src/cli/start';
import { log } from '../../server/src/lib/log';

serve({ serveAdmin: false }).catch((err: unknown) => {
  log.error('start failed', { error: err instanceof Error ? err.message : String(err) });
  process.exit(1);
});
