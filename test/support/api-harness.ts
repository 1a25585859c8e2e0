/**
 * One Supervisor API per test file, on the real services global setup started: a fresh database,
 * an in-process worker on its own task queue, and the Nest app (createApiApp) on a free port. Tests
 * talk to it over HTTP with fetch, and to the workflows directly only to check what they hold.
 */
import type { Client } from '@temporalio/client';
import { createWorkerActivities } from '@zhengdun/activities';
import { loadConfig, type AppConfig, type RateLimits } from '@zhengdun/config';
import type { Actor } from '@zhengdun/domain';
import type { CaseClient } from '@zhengdun/temporal';
import { createApiApp, type RunningApi } from '../../apps/api/src/create-app';
import type { PublicRateLimits } from '../../apps/api/src/app.module';
import { mintDevToken } from '../../apps/api/src/core/auth/dev-tokens';
import { TEST_JWT_SECRET } from './test-auth';
import { caseClientFor, createTestDatabase, startTestWorker, temporalAddress, testActorKeyHex, uniqueTaskQueue, type RunningTestWorker, type TestDatabase } from './environment';

/** Response bodies are read loosely in tests; the assertions say what is expected. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonBody = any;

export interface HttpResult<T = JsonBody> {
  status: number;
  headers: Headers;
  /** Parsed JSON (application/json or application/problem+json), else undefined. */
  body: T;
  text: string;
}

export interface RequestOptions {
  /** An actor (a token is minted for it), a raw token string, or nothing for no Authorization header. */
  as?: Actor | string;
  /** Serialized as JSON. */
  body?: unknown;
  /** Sent as is, with Content-Type application/json unless headers say otherwise. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ApiHarness {
  url: string;
  api: RunningApi;
  config: AppConfig;
  db: TestDatabase;
  worker: RunningTestWorker;
  cases: CaseClient;
  client: Client;
  taskQueue: string;
  token: (actor: Actor) => Promise<string>;
  request: <T = JsonBody>(method: string, path: string, options?: RequestOptions) => Promise<HttpResult<T>>;
  get: <T = JsonBody>(path: string, options?: RequestOptions) => Promise<HttpResult<T>>;
  post: <T = JsonBody>(path: string, options?: RequestOptions) => Promise<HttpResult<T>>;
  stop: () => Promise<void>;
}

export interface ApiHarnessOptions {
  publicRateLimits?: PublicRateLimits;
  /** Per-case and per-user limits; generous by default, so that only tests about limits meet them. */
  rateLimits?: Partial<RateLimits>;
  /** pino level for the app; ZD_TEST_LOG_LEVEL overrides, default silent. */
  logLevel?: string;
  /** The web UI build the API serves at `/` (apps/web/dist by default). */
  webRoot?: string;
}

/** Path segment for a case id (it contains colons). */
export const enc = (value: string) => encodeURIComponent(value);

export async function startApiHarness(name: string, options: ApiHarnessOptions = {}): Promise<ApiHarness> {
  const taskQueue = uniqueTaskQueue(name);
  const db = await createTestDatabase();
  const { cases, client, close: closeClient } = await caseClientFor(taskQueue);
  // Every workflow of the bundle with every activity, as the worker app runs them (cases, campaigns, imports).
  const worker = await startTestWorker(taskQueue, db.dataSource, createWorkerActivities({ dataSource: db.dataSource, client, taskQueue }));
  const config: AppConfig = {
    ...loadConfig({
      DATABASE_URL: db.url,
      TEMPORAL_ADDRESS: temporalAddress(),
      TEMPORAL_TASK_QUEUE: taskQueue,
      ACTOR_SIGNING_KEY: testActorKeyHex(),
      ALLOW_SECONDS_PERIODS: 'true',
      LOG_LEVEL: process.env.ZD_TEST_LOG_LEVEL ?? options.logLevel ?? 'silent',
      // In process, as `npm start` runs it: the development sign-in (/dev/tokens) exists.
      ZHENGDUN_MODE: 'development',
      JWT_SECRET: TEST_JWT_SECRET,
    }),
    port: 0,
  };
  const api = await createApiApp({
    config,
    host: '127.0.0.1',
    publicRateLimits: options.publicRateLimits ?? { readsPerMinute: 10_000, writesPerMinute: 10_000 },
    rateLimits: options.rateLimits ?? { caseWritesPerMinute: 10_000, userPerMinute: 100_000 },
    webRoot: options.webRoot,
  });
  const tokens = new Map<string, Promise<string>>();
  const token = (actor: Actor) => {
    const key = JSON.stringify(actor);
    if (!tokens.has(key)) tokens.set(key, mintDevToken(config.auth, actor));
    return tokens.get(key)!;
  };

  const request = async <T = JsonBody>(method: string, path: string, opts: RequestOptions = {}): Promise<HttpResult<T>> => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.as !== undefined) headers.authorization = `Bearer ${typeof opts.as === 'string' ? opts.as : await token(opts.as)}`;
    let body: string | undefined;
    if (opts.rawBody !== undefined) body = opts.rawBody;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    const response = await fetch(`${api.url}${path}`, { method, headers, body });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    let parsed: unknown;
    if (/json/.test(type) && text.length > 0) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  };

  return {
    url: api.url,
    api,
    config,
    db,
    worker,
    cases,
    client,
    taskQueue,
    token,
    request,
    get: (path, opts) => request('GET', path, opts),
    post: (path, opts) => request('POST', path, opts),
    stop: async () => {
      await api.close();
      await worker.stop();
      await closeClient();
      await db.drop();
    },
  };
}
