import { serve } from '../../server/src/cli/start';

// `npm start` without the admin bundle, for tests that need a real process (signals, several processes).
serve({ serveAdmin: false }).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
