/**
 * `npm start`: the whole stack on one machine. Embedded Postgres and the Temporal dev server
 * (SQLite file) unless DATABASE_URL / TEMPORAL_ADDRESS point elsewhere; then migrations, the worker
 * and the API, each restarted if it dies. Data lives in .data/ and survives restarts. Ctrl-C stops every child cleanly.
 * Development mode (ZHENGDUN_MODE=development): the dev sign-in exists, tokens are signed with the data
 * directory's own generated secret (.data/dev-jwt-secret) unless JWT_SECRET is set, and the API listens on
 * loopback only. Every other way of starting the apps is production.
 * `npm start -- --demo` also loads the demo county into an empty database once the stack answers
 * (infra/demo/seed-demo.ts); without `--demo` nothing is loaded.
 * The pieces `npm run cluster` shares with it are in stack.ts.
 */
import path from 'node:path';
import { ConfigError } from '@zhengdun/config';
import { migrate, startEmbeddedPostgres } from '@zhengdun/persistence';
import { startTemporalDevServer } from '@zhengdun/temporal';
import { appEnvironment, describeTokenSigner, developmentSetup, ensureDashboardBuilt, ensureDatabase, ensureWorkflowBundle, loadDemoWhenHealthy, Supervisor } from './stack';

const say = (line: string) => console.log(`[start] ${line}`);
const supervisor = new Supervisor(say);

async function stopAll(exitCode: number): Promise<void> {
  await supervisor.stop();
  process.exit(exitCode);
}

async function main(): Promise<void> {
  const setup = developmentSetup(process.argv.slice(2));
  const { config, dataDir, demo } = setup;
  supervisor.stopOnSignals();
  const workflowBundle = config.workflowBundlePath ? Promise.resolve(config.workflowBundlePath) : ensureWorkflowBundle(dataDir);
  // Awaited below; a failure must not surface as an unhandled rejection meanwhile.
  workflowBundle.catch(() => undefined);

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const port = config.development.embeddedPostgresPort;
    say(`starting embedded Postgres on 127.0.0.1:${port} (data in ${path.join(dataDir, 'postgres')})`);
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port });
    supervisor.onStop(pg.stop);
    await ensureDatabase(pg.adminUrl, 'zhengdun');
    databaseUrl = pg.url('zhengdun');
  }

  let temporalAddress = config.temporal.address;
  let temporalUi: string | undefined;
  if (!temporalAddress) {
    const { temporalDevPort: port, temporalUiPort: uiPort, temporalCliPath: cliPath } = config.development;
    say(`starting the Temporal dev server on 127.0.0.1:${port} (history in ${path.join(dataDir, 'temporal.sqlite')})`);
    const temporal = await startTemporalDevServer({ port, uiPort, cliPath, dbFilename: path.join(dataDir, 'temporal.sqlite') });
    supervisor.onStop(temporal.stop);
    temporalAddress = temporal.address;
    temporalUi = temporal.uiUrl;
  }

  ensureDashboardBuilt(say);
  const applied = await migrate(databaseUrl);
  say(applied.length > 0 ? `migrations applied: ${applied.join(', ')}` : 'database schema up to date');

  const env = appEnvironment(setup, { databaseUrl, temporalAddress, workflowBundlePath: await workflowBundle });
  supervisor.superviseApp('worker', 'apps/worker/src/main.ts', env);
  supervisor.superviseApp('api', 'apps/api/src/main.ts', env);

  // 127.0.0.1, not localhost: the API listens on IPv4 loopback only, and localhost may resolve to ::1.
  const api = `http://127.0.0.1:${config.port}`;
  say(`development mode: tokens from ${describeTokenSigner(setup)}; the API listens on loopback only`);
  say(`API        ${api}  (health: ${api}/health, OpenAPI: ${api}/docs)`);
  say(`Dashboard  ${api}/`);
  if (temporalUi) say(`Temporal   ${temporalUi}`);
  say('Ctrl-C stops everything; data is kept for the next start.');
  if (demo) await loadDemoWhenHealthy(api, supervisor, say);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  await stopAll(1);
});
