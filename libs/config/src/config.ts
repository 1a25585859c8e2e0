/**
 * Configuration read from the environment once, validated at start: a wrong or missing value stops
 * the process with a message naming the variable.
 */
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { readUploadLimits, type LedgerLimits, type UploadLimits } from './upload-limits.config';

const toBool = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

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
  /** Screening-list uploads (upload-limits.config.ts). */
  uploads: UploadLimits;
  /** Ledger exports (upload-limits.config.ts). */
  ledger: LedgerLimits;
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
  const limits = readUploadLimits(env);
  if ('errors' in limits) throw new ConfigError(`Invalid configuration:\n${limits.errors.join('\n')}`);
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
    uploads: limits.uploads,
    ledger: limits.ledger,
  };
}

/** Variables the running apps need that only `npm start` may leave unset. */
export function requireSetting<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new ConfigError(`Invalid configuration:\n  ${name}: must be set`);
  return value;
}
