import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, DEV_JWT_SECRET_FILE, jwtSecretProblem, readDevJwtSecret, readOrCreateDevJwtSecret } from '@zhengdun/config';

describe('the development secret of a data directory', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zd-dev-secret-')), 'nested', '.data');
  });
  afterEach(() => fs.rmSync(path.dirname(path.dirname(dataDir)), { recursive: true, force: true }));

  it('is generated on first use, readable by its owner only, and the same on every later start', () => {
    expect(readDevJwtSecret(dataDir)).toBeUndefined();
    const secret = readOrCreateDevJwtSecret(dataDir);
    expect(jwtSecretProblem(secret)).toBeUndefined();
    const file = path.join(dataDir, DEV_JWT_SECRET_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readOrCreateDevJwtSecret(dataDir)).toBe(secret);
    expect(readDevJwtSecret(dataDir)).toBe(secret);
  });

  it('differs between data directories', () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-dev-secret-other-'));
    try {
      expect(readOrCreateDevJwtSecret(other)).not.toBe(readOrCreateDevJwtSecret(dataDir));
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses a weak secret someone wrote into the file, naming the file', () => {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, DEV_JWT_SECRET_FILE), 'zhengdun-development-secret-not-for-production\n');
    expect(() => readOrCreateDevJwtSecret(dataDir)).toThrow(ConfigError);
    expect(() => readOrCreateDevJwtSecret(dataDir)).toThrow(new RegExp(DEV_JWT_SECRET_FILE));
  });
});
