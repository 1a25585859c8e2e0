/**
 * Configuration read from the environment once, validated at start: a wrong or missing value stops
 * the process with a message naming the variable.
 */
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toBool = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

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
  notify: { webhookUrl?: string; smtpUrl?: string; smtpFrom?: string; maxAttempts: number; retryBaseMs: number; leaseMs: number };
  idempotency: { leaseMs: number };
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
  if (vars.SMTP_URL && !vars.SMTP_FROM) {
    throw new ConfigError('Invalid configuration:\n  SMTP_FROM: required when SMTP_URL is set (the sender address of notification e-mail, e.g. "整顿工作提醒 <noreply@your-county.gov.cn>")');
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
    notify: {
      webhookUrl: vars.NOTIFY_WEBHOOK_URL,
      smtpUrl: vars.SMTP_URL,
      smtpFrom: vars.SMTP_FROM,
      maxAttempts: vars.NOTIFY_MAX_ATTEMPTS ?? DEFAULT_NOTIFY_MAX_ATTEMPTS,
      retryBaseMs: vars.NOTIFY_RETRY_BASE_MS ?? DEFAULT_NOTIFY_RETRY_BASE_MS,
      leaseMs: vars.NOTIFY_LEASE_MS ?? DEFAULT_NOTIFY_LEASE_MS,
    },
    idempotency: { leaseMs: vars.IDEMPOTENCY_LEASE_MS ?? DEFAULT_IDEMPOTENCY_LEASE_MS },
  };
}

/** Variables the running apps need that only `npm start` may leave unset. */
export function requireSetting<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new ConfigError(`Invalid configuration:\n  ${name}: must be set`);
  return value;
}
