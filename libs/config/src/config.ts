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
  /** development only under `npm start`; production otherwise. */
  mode: RunMode;
  auth: {
    /** HS256 key; unset in production with JWKS_URL (requireTokenKeys refuses a start with neither). */
    jwtSecret?: string;
    jwksUrl?: string;
    issuer: string;
    audience: string;
  };
  notify: { webhookUrl?: string; smtpUrl?: string };
  idempotency: { leaseMs: number };
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
  if (vars.TEMPORAL_TLS_CERT_PATH && !vars.TEMPORAL_TLS_KEY_PATH) {
    throw new ConfigError('Invalid configuration:\n  TEMPORAL_TLS_KEY_PATH: required when TEMPORAL_TLS_CERT_PATH is set');
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
    logLevel: vars.LOG_LEVEL ?? 'info',
    auth: {
      jwtSecret: vars.JWT_SECRET,
      jwksUrl: vars.JWKS_URL,
      issuer: vars.JWT_ISSUER ?? 'zhengdun-dev',
      audience: vars.JWT_AUDIENCE ?? 'zhengdun-api',
    },
    notify: { webhookUrl: vars.NOTIFY_WEBHOOK_URL, smtpUrl: vars.SMTP_URL },
    idempotency: { leaseMs: vars.IDEMPOTENCY_LEASE_MS ?? DEFAULT_IDEMPOTENCY_LEASE_MS },
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
