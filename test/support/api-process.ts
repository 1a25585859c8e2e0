/** The real API app (apps/api/src/main.ts) as a child process, so a test can kill -9 it like a crash would. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { temporalAddress, testActorKeyHex, testAuditKeyHex } from './environment';
import { exited, processControls, type ProcessControls } from './child-process';
import { TEST_JWT_SECRET } from './test-auth';

const repoRoot = path.resolve(__dirname, '../..');

export interface ApiProcess extends ProcessControls {
  child: ChildProcess;
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  port: number;
  /** What it wrote to stdout and stderr so far. */
  output: () => string;
}

export interface ApiProcessOptions {
  databaseUrl: string;
  taskQueue: string;
  port: number;
  temporalAddress?: string;
  /**
   * More variables for the app (IDEMPOTENCY_LEASE_MS, LOG_LEVEL, …); undefined removes one. By default
   * it runs as deployed, in production mode, with JWT_SECRET = TEST_JWT_SECRET.
   */
  extraEnv?: Record<string, string | undefined>;
  /** How long to wait for /health to answer 200; 90 s by default (a cold start compiles the app). */
  startTimeoutMs?: number;
}

/** Starts main.ts with only its own variables set and resolves once /health answers 200. */
export async function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    DATABASE_URL: options.databaseUrl,
    TEMPORAL_ADDRESS: options.temporalAddress ?? temporalAddress(),
    TEMPORAL_TASK_QUEUE: options.taskQueue,
    ACTOR_SIGNING_KEY: testActorKeyHex(),
    AUDIT_HMAC_KEY: testAuditKeyHex(),
    ALLOW_SECONDS_PERIODS: 'true',
    PORT: String(options.port),
    LOG_LEVEL: 'warn',
    ZHENGDUN_MODE: 'production',
    // The application's own database role, as in production: it cannot rewrite the audit trail.
    DATABASE_APP_ROLE: 'zhengdun_app',
    JWT_SECRET: TEST_JWT_SECRET,
    ...options.extraEnv,
  };
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: repoRoot,
    env: Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const done = exited(child);
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 90_000);
  let gone = false;
  void done.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(`the API exited with ${child.exitCode ?? child.signalCode} before it answered:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the API did not answer /health within ${options.startTimeoutMs ?? 90_000} ms:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    child,
    url,
    port: options.port,
    output: () => output,
    ...processControls(child, done),
  };
}
