import { log } from '../lib/log';

/** Runs a command-line entry point: logs a failure and sets the exit code. */
export function run(main: () => Promise<void>): void {
  main().then(
    () => undefined,
    (err: unknown) => {
      log.error(err instanceof Error ? err.message : String(err), { stack: err instanceof Error ? err.stack : undefined });
      process.exitCode = 1;
    },
  );
}
