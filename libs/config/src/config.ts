/**
 * Configuration read from the environment once, validated at start: a wrong or missing value stops
 * the process with a message naming the variable.
 */
import { isIP } from 'node:net';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  Validate,
  validateSync,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { readUploadLimits, type LedgerLimits, type UploadLimits } from './upload-limits.config';

const toBool = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** A key given as hex or base64, decoded; undefined when it is neither. */
export function decodeKey(text: string): Uint8Array | undefined {
  if (/^(?:[0-9a-f]{2})+$/i.test(text)) return Uint8Array.from(Buffer.from(text, 'hex'));
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return Uint8Array.from(Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64'));
  return undefined;
}

/** Fewest key bytes accepted for a signing key. */
export const MIN_KEY_BYTES = 32;

@ValidatorConstraint({ name: 'actorSigningKey' })
class IsActorSigningKey implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    const key = typeof value === 'string' ? decodeKey(value) : undefined;
    return key !== undefined && key.length >= MIN_KEY_BYTES && new Set(key).size > 8;
  }
  defaultMessage(): string {
    return `ACTOR_SIGNING_KEY must be at least ${MIN_KEY_BYTES} random bytes as hex or base64 (e.g. openssl rand -hex 32)`;
  }
}

/** AUDIT_HMAC_KEY's minimum length: 32 characters, i.e. 32 bytes of key or more. */
export const MIN_AUDIT_HMAC_KEY_LENGTH = 32;

/** Default lease on a claimed Idempotency-Key (IDEMPOTENCY_LEASE_MS), and its bounds. */
export const DEFAULT_IDEMPOTENCY_LEASE_MS = 15_000;
const MIN_IDEMPOTENCY_LEASE_MS = 1_000;
const MAX_IDEMPOTENCY_LEASE_MS = 600_000;

/** Notification delivery defaults (NOTIFY_MAX_ATTEMPTS, NOTIFY_RETRY_BASE_MS, NOTIFY_LEASE_MS) and bounds. */
export const DEFAULT_NOTIFY_MAX_ATTEMPTS = 8;
const MAX_NOTIFY_ATTEMPTS = 50;
export const DEFAULT_NOTIFY_RETRY_BASE_MS = 5_000;
const MIN_NOTIFY_RETRY_BASE_MS = 100;
const MAX_NOTIFY_RETRY_BASE_MS = 3_600_000;
export const DEFAULT_NOTIFY_LEASE_MS = 120_000;
const MIN_NOTIFY_LEASE_MS = 1_000;
const MAX_NOTIFY_LEASE_MS = 3_600_000;

/** `npm start` sets development; anything else (compose, a server, a test's production process) is production. */
export const RUN_MODES = ['development', 'production'] as const;
export type RunMode = (typeof RUN_MODES)[number];

/** What JWT_SECRET must be, in the words of the refusal. */
export const JWT_SECRET_RULE =
  'at least 32 random bytes, written as 64+ hex digits or 43+ base64 characters (generate one with `openssl rand -base64 48`)';
const MIN_SECRET_BYTES = 32;

/**
 * Why a JWT_SECRET is not a secret of at least 32 random bytes, or undefined if it is. Accepted: 64+ hex
 * digits mixing digits and letters with 10+ distinct symbols, or 43+ base64/base64url characters with
 * upper- and lower-case letters and 16+ distinct symbols (random output has these with near certainty;
 * a phrase, a repeated character or a word-like default does not).
 */
export function jwtSecretProblem(secret: string): string | undefined {
  const distinct = new Set(secret).size;
  if (/^[0-9a-fA-F]+$/.test(secret)) {
    if (secret.length < MIN_SECRET_BYTES * 2) return `JWT_SECRET must be ${JWT_SECRET_RULE}; this hex secret holds ${Math.floor(secret.length / 2)} bytes`;
    if (distinct < 10 || !/[0-9]/.test(secret) || !/[a-fA-F]/.test(secret)) return `JWT_SECRET must be ${JWT_SECRET_RULE}; this one does not look random`;
    return undefined;
  }
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(secret)) return `JWT_SECRET must be ${JWT_SECRET_RULE}; it may hold only hex or base64 characters`;
  const length = secret.replace(/=+$/, '').length;
  if (length < Math.ceil((MIN_SECRET_BYTES * 4) / 3)) return `JWT_SECRET must be ${JWT_SECRET_RULE}; this one is ${length} characters`;
  if (distinct < 16 || !/[a-z]/.test(secret) || !/[A-Z]/.test(secret)) return `JWT_SECRET must be ${JWT_SECRET_RULE}; this one does not look random`;
  return undefined;
}

export class EnvironmentVariables {
  /** postgres://… ; unset: `npm start` runs embedded Postgres and sets it for the apps. */
  @IsOptional() @Transform(emptyToUndefined) @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional() @Transform(emptyToUndefined) @Matches(/^[^\s:]+:\d{1,5}$/, { message: 'TEMPORAL_ADDRESS must be host:port' })
  TEMPORAL_ADDRESS?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString() @MinLength(1)
  TEMPORAL_NAMESPACE?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString() @MinLength(1)
  TEMPORAL_TASK_QUEUE?: string;

  @IsOptional() @Transform(toBool) @IsBoolean({ message: 'TEMPORAL_TLS must be true or false' })
  TEMPORAL_TLS?: boolean;

  @IsOptional() @Transform(emptyToUndefined) @IsString()
  TEMPORAL_TLS_CERT_PATH?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString()
  TEMPORAL_TLS_KEY_PATH?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString() @MinLength(8)
  TEMPORAL_API_KEY?: string;

  @IsOptional() @Transform(toInt) @IsInt({ message: 'PORT must be an integer' }) @Min(1) @Max(65535)
  PORT?: number;

  /** The worker's prebuilt workflow bundle (dist/workflow-bundle.js); unset, the worker bundles the workflows at start. */
  @IsOptional() @Transform(emptyToUndefined) @Matches(/\.js$/, { message: 'WORKFLOW_BUNDLE_PATH must be the path of a .js bundle (dist/workflow-bundle.js)' })
  WORKFLOW_BUNDLE_PATH?: string;

  // --- `npm start` only (infra/scripts/start.ts): what it starts itself when DATABASE_URL or TEMPORAL_ADDRESS is unset ---

  /** Where `npm start` keeps its data (embedded Postgres, Temporal's SQLite file, generated secrets); default `<repository>/.data`. */
  @IsOptional() @Transform(emptyToUndefined) @IsString() @MinLength(1)
  ZHENGDUN_DATA_DIR?: string;

  @IsOptional() @Transform(toInt) @IsInt({ message: 'EMBEDDED_PG_PORT must be an integer' }) @Min(1) @Max(65535)
  EMBEDDED_PG_PORT?: number;

  @IsOptional() @Transform(toInt) @IsInt({ message: 'TEMPORAL_DEV_PORT must be an integer' }) @Min(1) @Max(65535)
  TEMPORAL_DEV_PORT?: number;

  @IsOptional() @Transform(toInt) @IsInt({ message: 'TEMPORAL_UI_PORT must be an integer' }) @Min(1) @Max(65535)
  TEMPORAL_UI_PORT?: number;

  /** The Temporal CLI that runs the dev server; default: `temporal` on PATH, then the .temporal-cli cache. */
  @IsOptional() @Transform(emptyToUndefined) @IsString() @MinLength(1)
  TEMPORAL_CLI_PATH?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  /**
   * development only under `npm start` (dev sign-in, a per-data-directory secret, loopback only);
   * unset means production, so no start other than `npm start` gets a development convenience.
   */
  @IsOptional() @Transform(emptyToUndefined) @IsIn(RUN_MODES, { message: `ZHENGDUN_MODE must be one of ${RUN_MODES.join(', ')}` })
  ZHENGDUN_MODE?: RunMode;

  /** HS256 key of this API's own tokens (at least 32 random bytes, see jwtSecretProblem); or JWKS_URL. */
  @IsOptional() @Transform(emptyToUndefined) @IsString()
  JWT_SECRET?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsUrl({ require_tld: false }, { message: 'JWKS_URL must be a URL' })
  JWKS_URL?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString()
  JWT_ISSUER?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString()
  JWT_AUDIENCE?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsUrl({ require_tld: false }, { message: 'NOTIFY_WEBHOOK_URL must be a URL' })
  NOTIFY_WEBHOOK_URL?: string;

  @IsOptional() @Transform(emptyToUndefined) @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /**
   * Lease on an Idempotency-Key claimed by a running request, in ms: the API instance renews it every
   * third of this while the request runs, so a key whose instance died is free again at most this long
   * after its last renewal.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'IDEMPOTENCY_LEASE_MS must be an integer (milliseconds)' })
  @Min(MIN_IDEMPOTENCY_LEASE_MS, { message: `IDEMPOTENCY_LEASE_MS must be at least ${MIN_IDEMPOTENCY_LEASE_MS}` })
  @Max(MAX_IDEMPOTENCY_LEASE_MS, { message: `IDEMPOTENCY_LEASE_MS must be at most ${MAX_IDEMPOTENCY_LEASE_MS}` })
  IDEMPOTENCY_LEASE_MS?: number;

  // ---- Audit trail (issue 16, finding 5) ----

  /**
   * Database role the API and worker act as on every connection (SET ROLE through the startup
   * parameter `role`). The migrations create `zhengdun_app`, which may only read the audit trail and
   * append to it through `audit_append`. Unset: the login's own role.
   */
  @IsOptional() @Transform(emptyToUndefined) @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DATABASE_APP_ROLE must be a lower-case database role name' })
  DATABASE_APP_ROLE?: string;

  /** Signs the audit trail's checkpoints; kept outside the database. Required in production. */
  @IsOptional() @Transform(emptyToUndefined) @IsString() @MinLength(MIN_AUDIT_HMAC_KEY_LENGTH, { message: `AUDIT_HMAC_KEY must be at least ${MIN_AUDIT_HMAC_KEY_LENGTH} characters (e.g. openssl rand -hex 32)` })
  AUDIT_HMAC_KEY?: string;

  /** A signed checkpoint after this many new audit entries (also on a timer and after every verification). */
  @IsOptional() @Transform(toInt) @IsInt({ message: 'AUDIT_CHECKPOINT_EVERY must be an integer (entries)' }) @Min(1) @Max(100_000)
  AUDIT_CHECKPOINT_EVERY?: number;

  /**
   * How long after an action was applied the reconciler may record it from the case's timeline when
   * its request's own audit entry is missing (an API crash between the Update and the append). Longer
   * than a client takes to retry, so that the retry, which knows the payload, records it first.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'AUDIT_RECONCILE_AFTER_MS must be an integer (milliseconds)' })
  @Min(1_000, { message: 'AUDIT_RECONCILE_AFTER_MS must be at least 1000' })
  @Max(86_400_000, { message: 'AUDIT_RECONCILE_AFTER_MS must be at most 86400000 (a day)' })
  AUDIT_RECONCILE_AFTER_MS?: number;

  // --- Notification delivery (outbox dispatcher in the worker) ---

  /** Sender of notification e-mail, `Name <address>` or an address; required with SMTP_URL (a made-up sender is refused by real mail servers). */
  @IsOptional() @Transform(emptyToUndefined) @Matches(/^([^<>\r\n]{1,100} )?<?[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>?$/u, { message: 'SMTP_FROM must be an e-mail address, optionally as "Name <address>"' })
  SMTP_FROM?: string;

  /** Tries per channel before a notification is dead-lettered for the county. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'NOTIFY_MAX_ATTEMPTS must be an integer' })
  @Min(1, { message: 'NOTIFY_MAX_ATTEMPTS must be at least 1' })
  @Max(MAX_NOTIFY_ATTEMPTS, { message: `NOTIFY_MAX_ATTEMPTS must be at most ${MAX_NOTIFY_ATTEMPTS}` })
  NOTIFY_MAX_ATTEMPTS?: number;

  /** First retry delay in ms; doubles with every failed try (capped at one hour). */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'NOTIFY_RETRY_BASE_MS must be an integer (milliseconds)' })
  @Min(MIN_NOTIFY_RETRY_BASE_MS, { message: `NOTIFY_RETRY_BASE_MS must be at least ${MIN_NOTIFY_RETRY_BASE_MS}` })
  @Max(MAX_NOTIFY_RETRY_BASE_MS, { message: `NOTIFY_RETRY_BASE_MS must be at most ${MAX_NOTIFY_RETRY_BASE_MS}` })
  NOTIFY_RETRY_BASE_MS?: number;

  /** How long a dispatcher holds the rows it claimed: a killed worker's rows are sent by another after this. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'NOTIFY_LEASE_MS must be an integer (milliseconds)' })
  @Min(MIN_NOTIFY_LEASE_MS, { message: `NOTIFY_LEASE_MS must be at least ${MIN_NOTIFY_LEASE_MS}` })
  @Max(MAX_NOTIFY_LEASE_MS, { message: `NOTIFY_LEASE_MS must be at most ${MAX_NOTIFY_LEASE_MS}` })
  NOTIFY_LEASE_MS?: number;

  /**
   * Shared by the API (signs each action's actor) and the workers (the case workflow refuses an actor
   * not signed with it): at least 32 random bytes, as hex or base64. `npm start` generates one.
   */
  @IsOptional() @Transform(emptyToUndefined) @IsString() @Validate(IsActorSigningKey)
  ACTOR_SIGNING_KEY?: string;

  /** Campaign policies with periods in seconds: for the tests and benchmarks only, never in production. */
  @IsOptional() @Transform(toBool) @IsBoolean({ message: 'ALLOW_SECONDS_PERIODS must be true or false' })
  ALLOW_SECONDS_PERIODS?: boolean;

  // --- HTTP surface: proxy trust, rate limits, database statement timeout (issue 16, findings 3 and 12) ---

  /**
   * Which proxies in front of the API to believe about the client's address (X-Forwarded-For): a hop
   * count (`1` behind one nginx) or a comma-separated list of addresses and CIDR ranges. Unset: none,
   * the address is the TCP peer's, whatever the request says.
   */
  @IsOptional() @Transform(emptyToUndefined) @IsString()
  TRUST_PROXY?: string;

  @IsOptional() @Transform(toInt) @IsInt({ message: 'RATE_LIMIT_PUBLIC_READS_PER_MINUTE must be an integer' }) @Min(1) @Max(1_000_000)
  RATE_LIMIT_PUBLIC_READS_PER_MINUTE?: number;

  /**
   * Case workflows a worker keeps in memory between their events (the SDK's sticky cache); the rest
   * are replayed from their history when their next event comes. Bounds the worker's memory whatever
   * the number of open cases. Unset: the SDK's default, sized from the machine's memory.
   */
  @IsOptional() @Transform(toInt) @IsInt({ message: 'WORKER_MAX_CACHED_WORKFLOWS must be an integer' }) @Min(0) @Max(1_000_000)
  WORKER_MAX_CACHED_WORKFLOWS?: number;

  @IsOptional() @Transform(toInt) @IsInt({ message: 'RATE_LIMIT_PUBLIC_WRITES_PER_MINUTE must be an integer' }) @Min(1) @Max(1_000_000)
  RATE_LIMIT_PUBLIC_WRITES_PER_MINUTE?: number;

  @IsOptional() @Transform(toInt) @IsInt({ message: 'RATE_LIMIT_CASE_WRITES_PER_MINUTE must be an integer' }) @Min(1) @Max(1_000_000)
  RATE_LIMIT_CASE_WRITES_PER_MINUTE?: number;

  @IsOptional() @Transform(toInt) @IsInt({ message: 'RATE_LIMIT_USER_PER_MINUTE must be an integer' }) @Min(1) @Max(1_000_000)
  RATE_LIMIT_USER_PER_MINUTE?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'DATABASE_STATEMENT_TIMEOUT_MS must be an integer (milliseconds)' })
  @Min(100, { message: 'DATABASE_STATEMENT_TIMEOUT_MS must be at least 100' })
  @Max(3_600_000, { message: 'DATABASE_STATEMENT_TIMEOUT_MS must be at most 3600000' })
  DATABASE_STATEMENT_TIMEOUT_MS?: number;
}

/** Express's `trust proxy`: nothing, a hop count, or the addresses/ranges of the trusted proxies. */
export type TrustProxy = false | number | string[];

/** Requests per minute allowed on the public endpoints and, by token subject, on the authenticated ones. */
export interface RateLimits {
  /** GET of a public notice, per client address. */
  publicReadsPerMinute: number;
  /** Objections and ratings, per client address. */
  publicWritesPerMinute: number;
  /** Objections and ratings on one case, from everyone together (each one grows the case's history). */
  caseWritesPerMinute: number;
  /** Any authenticated request, per user (token subject). */
  userPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { publicReadsPerMinute: 120, publicWritesPerMinute: 20, caseWritesPerMinute: 60, userPerMinute: 600 };
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;

/** Express's named ranges (proxy-addr): loopback, linklocal, uniquelocal. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrRange(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** TRUST_PROXY: unset → false; `0`…`10` → hops; else a list of addresses and CIDR ranges. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  if (value === undefined || value.trim() === '' || value.trim() === 'false') return false;
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new ConfigError('Invalid configuration:\n  TRUST_PROXY: a hop count must be between 0 and 10');
    return hops === 0 ? false : hops;
  }
  const entries = text.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  const wrong = entries.filter((entry) => !isAddressOrRange(entry));
  if (entries.length === 0 || wrong.length > 0) {
    throw new ConfigError(
      `Invalid configuration:\n  TRUST_PROXY: must be a hop count (e.g. 1) or a comma-separated list of addresses or CIDR ranges (e.g. 10.0.0.0/8,::1); not ${wrong.join(', ') || 'empty'}`,
    );
  }
  return entries;
}

export interface AppConfig {
  databaseUrl?: string;
  temporal: {
    address?: string;
    namespace: string;
    taskQueue: string;
    tls: boolean;
    tlsCertPath?: string;
    tlsKeyPath?: string;
    apiKey?: string;
  };
  port: number;
  /** WORKFLOW_BUNDLE_PATH: the worker loads this prebuilt bundle instead of bundling at start. */
  workflowBundlePath?: string;
  /** What `npm start` runs itself (EMBEDDED_PG_PORT, TEMPORAL_DEV_PORT, TEMPORAL_UI_PORT, TEMPORAL_CLI_PATH, ZHENGDUN_DATA_DIR). */
  development: { embeddedPostgresPort: number; temporalDevPort: number; temporalUiPort: number; temporalCliPath?: string; dataDir?: string };
  logLevel: string;
  /** development only under `npm start`; production otherwise. */
  mode: RunMode;
  auth: {
    /** HS256 key; unset in production with JWKS_URL (requireTokenKeys refuses a start with neither). */
    jwtSecret?: string;
    jwksUrl?: string;
    issuer: string;
    audience: string;
  };
  notify: { webhookUrl?: string; smtpUrl?: string; smtpFrom?: string; maxAttempts: number; retryBaseMs: number; leaseMs: number };
  idempotency: { leaseMs: number };
  /** ACTOR_SIGNING_KEY, decoded; the API and worker refuse to start without it. */
  actorSigningKey?: Uint8Array;
  /** ALLOW_SECONDS_PERIODS: accept campaign policies in seconds (tests, benchmarks). */
  allowSecondsPeriods: boolean;
  http: { trustProxy: TrustProxy; rateLimits: RateLimits; statementTimeoutMs: number };
  /** Issue 16, finding 5: the database role the apps act as, and how the audit trail is anchored. */
  audit: {
    databaseAppRole?: string;
    /** AUDIT_HMAC_KEY; in development, DEV_AUDIT_HMAC_KEY when unset. Unset only in a production start without it, which the API refuses (requireSetting). */
    hmacKey?: string;
    hmacKeyIsDevelopment: boolean;
    checkpointEvery: number;
    reconcileAfterMs: number;
  };
  /** Screening-list uploads (upload-limits.config.ts). */
  uploads: UploadLimits;
  /** Ledger exports (upload-limits.config.ts). */
  ledger: LedgerLimits;
  /** WORKER_MAX_CACHED_WORKFLOWS; undefined: the SDK's default. */
  workerMaxCachedWorkflows?: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const vars = plainToInstance(EnvironmentVariables, { ...env }, { excludeExtraneousValues: false });
  const errors = validateSync(vars, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((error) => `  ${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const weakSecret = vars.JWT_SECRET === undefined ? undefined : jwtSecretProblem(vars.JWT_SECRET);
  if (weakSecret) throw new ConfigError(`Invalid configuration:\n  JWT_SECRET: ${weakSecret}`);
  const limits = readUploadLimits(env);
  if ('errors' in limits) throw new ConfigError(`Invalid configuration:\n${limits.errors.join('\n')}`);
  if (vars.TEMPORAL_TLS_CERT_PATH && !vars.TEMPORAL_TLS_KEY_PATH) {
    throw new ConfigError('Invalid configuration:\n  TEMPORAL_TLS_KEY_PATH: required when TEMPORAL_TLS_CERT_PATH is set');
  }
  if (vars.TEMPORAL_TLS_KEY_PATH && !vars.TEMPORAL_TLS_CERT_PATH) {
    throw new ConfigError('Invalid configuration:\n  TEMPORAL_TLS_CERT_PATH: required when TEMPORAL_TLS_KEY_PATH is set');
  }
  if (vars.TEMPORAL_TLS === false && vars.TEMPORAL_TLS_CERT_PATH) {
    throw new ConfigError('Invalid configuration:\n  TEMPORAL_TLS: false contradicts TEMPORAL_TLS_CERT_PATH (a client certificate needs TLS)');
  }
  if (vars.SMTP_URL && !vars.SMTP_FROM) {
    throw new ConfigError('Invalid configuration:\n  SMTP_FROM: required when SMTP_URL is set (the sender address of notification e-mail, e.g. "整顿工作提醒 <noreply@your-county.gov.cn>")');
  }
  const mode = vars.ZHENGDUN_MODE ?? 'production';
  return {
    mode,
    databaseUrl: vars.DATABASE_URL,
    temporal: {
      address: vars.TEMPORAL_ADDRESS,
      namespace: vars.TEMPORAL_NAMESPACE ?? 'default',
      taskQueue: vars.TEMPORAL_TASK_QUEUE ?? 'zhengdun-cases',
      tls: vars.TEMPORAL_TLS ?? (!!vars.TEMPORAL_API_KEY || !!vars.TEMPORAL_TLS_CERT_PATH),
      tlsCertPath: vars.TEMPORAL_TLS_CERT_PATH,
      tlsKeyPath: vars.TEMPORAL_TLS_KEY_PATH,
      apiKey: vars.TEMPORAL_API_KEY,
    },
    port: vars.PORT ?? 3000,
    workflowBundlePath: vars.WORKFLOW_BUNDLE_PATH,
    development: {
      embeddedPostgresPort: vars.EMBEDDED_PG_PORT ?? 54329,
      temporalDevPort: vars.TEMPORAL_DEV_PORT ?? 7233,
      temporalUiPort: vars.TEMPORAL_UI_PORT ?? 8233,
      temporalCliPath: vars.TEMPORAL_CLI_PATH,
      dataDir: vars.ZHENGDUN_DATA_DIR,
    },
    logLevel: vars.LOG_LEVEL ?? 'info',
    auth: {
      jwtSecret: vars.JWT_SECRET,
      jwksUrl: vars.JWKS_URL,
      issuer: vars.JWT_ISSUER ?? 'zhengdun-dev',
      audience: vars.JWT_AUDIENCE ?? 'zhengdun-api',
    },
    notify: {
      webhookUrl: vars.NOTIFY_WEBHOOK_URL,
      smtpUrl: vars.SMTP_URL,
      smtpFrom: vars.SMTP_FROM,
      maxAttempts: vars.NOTIFY_MAX_ATTEMPTS ?? DEFAULT_NOTIFY_MAX_ATTEMPTS,
      retryBaseMs: vars.NOTIFY_RETRY_BASE_MS ?? DEFAULT_NOTIFY_RETRY_BASE_MS,
      leaseMs: vars.NOTIFY_LEASE_MS ?? DEFAULT_NOTIFY_LEASE_MS,
    },
    idempotency: { leaseMs: vars.IDEMPOTENCY_LEASE_MS ?? DEFAULT_IDEMPOTENCY_LEASE_MS },
    actorSigningKey: vars.ACTOR_SIGNING_KEY ? decodeKey(vars.ACTOR_SIGNING_KEY) : undefined,
    allowSecondsPeriods: vars.ALLOW_SECONDS_PERIODS ?? false,
    http: {
      trustProxy: parseTrustProxy(vars.TRUST_PROXY),
      rateLimits: {
        publicReadsPerMinute: vars.RATE_LIMIT_PUBLIC_READS_PER_MINUTE ?? DEFAULT_RATE_LIMITS.publicReadsPerMinute,
        publicWritesPerMinute: vars.RATE_LIMIT_PUBLIC_WRITES_PER_MINUTE ?? DEFAULT_RATE_LIMITS.publicWritesPerMinute,
        caseWritesPerMinute: vars.RATE_LIMIT_CASE_WRITES_PER_MINUTE ?? DEFAULT_RATE_LIMITS.caseWritesPerMinute,
        userPerMinute: vars.RATE_LIMIT_USER_PER_MINUTE ?? DEFAULT_RATE_LIMITS.userPerMinute,
      },
      statementTimeoutMs: vars.DATABASE_STATEMENT_TIMEOUT_MS ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    },
    audit: auditConfig(mode, vars),
    uploads: limits.uploads,
    ledger: limits.ledger,
    workerMaxCachedWorkflows: vars.WORKER_MAX_CACHED_WORKFLOWS,
  };
}

/**
 * Signs the audit checkpoints of a development stack only (`npm start` generates a key of its own):
 * a production start without AUDIT_HMAC_KEY is refused by the API.
 */
export const DEV_AUDIT_HMAC_KEY = 'zhengdun-development-audit-key-not-for-production';

function auditConfig(mode: RunMode, vars: EnvironmentVariables): AppConfig['audit'] {
  return {
    databaseAppRole: vars.DATABASE_APP_ROLE,
    hmacKey: vars.AUDIT_HMAC_KEY ?? (mode === 'development' ? DEV_AUDIT_HMAC_KEY : undefined),
    hmacKeyIsDevelopment: vars.AUDIT_HMAC_KEY === undefined && mode === 'development',
    checkpointEvery: vars.AUDIT_CHECKPOINT_EVERY ?? 100,
    reconcileAfterMs: vars.AUDIT_RECONCILE_AFTER_MS ?? 60_000,
  };
}

/** Variables the running apps need that only `npm start` may leave unset. */
export function requireSetting<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new ConfigError(`Invalid configuration:\n  ${name}: must be set`);
  return value;
}

/** Whether GET/POST /dev/tokens exist: development mode, and tokens are this API's own (no JWKS_URL). */
export function devSignInEnabled(config: Pick<AppConfig, 'mode' | 'auth'>): boolean {
  return config.mode === 'development' && !config.auth.jwksUrl;
}

/**
 * The API verifies tokens with the identity provider's keys (JWKS_URL) or its own HS256 key
 * (JWT_SECRET): with neither it must not start. `npm start` passes the data directory's generated secret.
 */
export function requireTokenKeys(config: AppConfig): void {
  if (config.auth.jwksUrl || config.auth.jwtSecret) return;
  throw new ConfigError(
    config.mode === 'production'
      ? `Invalid configuration:\n  JWT_SECRET or JWKS_URL: a production start needs JWKS_URL (the identity provider's keys) or JWT_SECRET (${JWT_SECRET_RULE}); ZHENGDUN_MODE=development is for npm start only`
      : 'Invalid configuration:\n  JWT_SECRET: must be set (npm start generates one in its data directory)',
  );
}
