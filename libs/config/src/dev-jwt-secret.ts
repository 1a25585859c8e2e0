/**
 * The development HS256 secret of one data directory: `npm start` generates it on first start (48
 * random bytes, base64, file mode 0600) and passes it to the API; the dev token command reads it. It
 * lives beside the data it protects and never in the source, so a token minted on one machine is
 * worthless on another.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, jwtSecretProblem, type AppConfig } from './config';

export const DEV_JWT_SECRET_FILE = 'dev-jwt-secret';

/** `ZHENGDUN_DATA_DIR`, else `<repository>/.data`, as `npm start` uses it. */
export function dataDirectory(repoRoot: string, config: Pick<AppConfig, 'development'>): string {
  return path.resolve(config.development.dataDir ?? path.join(repoRoot, '.data'));
}

/** The data directory's development secret, or undefined if `npm start` has not made one yet. */
export function readDevJwtSecret(dataDir: string): string | undefined {
  const file = path.join(dataDir, DEV_JWT_SECRET_FILE);
  let secret: string;
  try {
    secret = fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const problem = jwtSecretProblem(secret);
  if (problem) throw new ConfigError(`Invalid development secret in ${file}: ${problem.replace(/^JWT_SECRET/, 'it')}; delete the file to generate a new one`);
  return secret;
}

/** The data directory's development secret, generated (only readable by its owner) if there is none yet. */
export function readOrCreateDevJwtSecret(dataDir: string): string {
  return readOrCreateDataDirSecret(dataDir, DEV_JWT_SECRET_FILE, () => readDevJwtSecret(dataDir));
}

/**
 * A random secret of the data directory (48 bytes, base64) in the file `name`: created on first
 * start with mode 0600 and never overwritten, so each development key (the token secret, the actor
 * signing key, the audit HMAC key) lives beside the data it protects.
 */
export function readOrCreateDataDirSecret(dataDir: string, name: string, read: () => string | undefined = () => readSecretFile(path.join(dataDir, name))): string {
  const existing = read();
  if (existing) return existing;
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64');
  try {
    // wx: never overwrite a secret another start wrote meanwhile.
    fs.writeFileSync(path.join(dataDir, name), `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return read()!;
    throw error;
  }
  return secret;
}

function readSecretFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
