/**
 * Configuration read from the environment once, validated at start: a wrong or missing value stops
 * the process with a message naming the variable.
 */
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toBool = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** AUDIT_HMAC_KEY's minimum length: 32 characters, i.e. 32 bytes of key or more. */
export const MIN_AUDIT_HMAC_KEY_LENGTH = 32;

/** Default lease on a claimed Idempotency-Key (IDEMPOTENCY_LEASE_MS), and its bounds. */
export const DEFAULT_IDEMPOTENCY_LEASE_MS = 15_000;
const MIN_IDEMPOTENCY_LEASE_MS = 1_000;
const MAX_IDEMPOTENCY_LEASE_MS = 600_000;

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

  @IsOptional() @Transform(emptyToUndefined) @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  /** HS256 secret for the development token issuer; production uses JWKS_URL from the identity provider. */
  @IsOptional() @Transform(emptyToUndefined) @IsString() @MinLength(16, { message: 'JWT_SECRET must be at least 16 characters' })
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
  logLevel: string;
  auth: { jwtSecret: string; jwksUrl?: string; issuer: string; audience: string };
  notify: { webhookUrl?: string; smtpUrl?: string };
  idempotency: { leaseMs: number };
  /** Issue 16, finding 5: the database role the apps act as, and how the audit trail is anchored. */
  audit: {
    databaseAppRole?: string;
    /** AUDIT_HMAC_KEY; in development, DEV_AUDIT_HMAC_KEY when unset. */
    hmacKey: string;
    hmacKeyIsDevelopment: boolean;
    checkpointEvery: number;
    reconcileAfterMs: number;
  };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** A development-only secret: tokens signed with it are worthless outside this machine's dev stack. */
export const DEV_JWT_SECRET = 'zhengdun-development-secret-not-for-production';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const vars = plainToInstance(EnvironmentVariables, { ...env }, { excludeExtraneousValues: false });
  const errors = validateSync(vars, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((error) => `  ${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (vars.TEMPORAL_TLS_CERT_PATH && !vars.TEMPORAL_TLS_KEY_PATH) {
    throw new ConfigError('Invalid configuration:\n  TEMPORAL_TLS_KEY_PATH: required when TEMPORAL_TLS_CERT_PATH is set');
  }
  return {
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
    logLevel: vars.LOG_LEVEL ?? 'info',
    auth: {
      jwtSecret: vars.JWT_SECRET ?? DEV_JWT_SECRET,
      jwksUrl: vars.JWKS_URL,
      issuer: vars.JWT_ISSUER ?? 'zhengdun-dev',
      audience: vars.JWT_AUDIENCE ?? 'zhengdun-api',
    },
    notify: { webhookUrl: vars.NOTIFY_WEBHOOK_URL, smtpUrl: vars.SMTP_URL },
    idempotency: { leaseMs: vars.IDEMPOTENCY_LEASE_MS ?? DEFAULT_IDEMPOTENCY_LEASE_MS },
    audit: auditConfig(env, vars),
  };
}

/**
 * Signs the audit checkpoints of a development or test stack only: a start in production mode
 * (ZHENGDUN_MODE=production) without AUDIT_HMAC_KEY is refused.
 */
export const DEV_AUDIT_HMAC_KEY = 'zhengdun-development-audit-key-not-for-production';

function auditConfig(env: NodeJS.ProcessEnv, vars: EnvironmentVariables): AppConfig['audit'] {
  if (vars.AUDIT_HMAC_KEY === undefined && env.ZHENGDUN_MODE === 'production') {
    throw new ConfigError('Invalid configuration:\n  AUDIT_HMAC_KEY: must be set in production (at least 32 random characters, kept outside the database; e.g. openssl rand -hex 32)');
  }
  return {
    databaseAppRole: vars.DATABASE_APP_ROLE,
    hmacKey: vars.AUDIT_HMAC_KEY ?? DEV_AUDIT_HMAC_KEY,
    hmacKeyIsDevelopment: vars.AUDIT_HMAC_KEY === undefined,
    checkpointEvery: vars.AUDIT_CHECKPOINT_EVERY ?? 100,
    reconcileAfterMs: vars.AUDIT_RECONCILE_AFTER_MS ?? 60_000,
  };
}

/** Variables the running apps need that only `npm start` may leave unset. */
export function requireSetting<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new ConfigError(`Invalid configuration:\n  ${name}: must be set`);
  return value;
}
