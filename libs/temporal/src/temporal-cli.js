// Finds the Temporal CLI (the real Temporal dev server) in the order the README documents.
// CommonJS so that the install script, the start script and the Jest setup all share it.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const TEMPORAL_CLI_VERSION = 'v1.5.1';
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const cacheDir = path.join(repoRoot, '.temporal-cli');
const cachedBinary = path.join(cacheDir, process.platform === 'win32' ? 'temporal.exe' : 'temporal');

/** @param {string} file */
function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(command) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * @param {string | undefined} configured TEMPORAL_CLI_PATH as libs/config read it; the install script,
 * which runs before any TypeScript can, reads the variable itself.
 * @returns {{ path: string, source: string } | undefined}
 */
function findTemporalCli(configured = process.env.TEMPORAL_CLI_PATH) {
  const fromEnv = configured;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      throw new Error(`TEMPORAL_CLI_PATH=${fromEnv} is not an executable file`);
    }
    return { path: fromEnv, source: 'TEMPORAL_CLI_PATH' };
  }
  const found = onPath('temporal');
  if (found) return { path: found, source: 'PATH' };
  if (isExecutable(cachedBinary)) return { path: cachedBinary, source: 'cache' };
  return undefined;
}

/**
 * The Go toolchain: `go` on PATH, else the official installer's location.
 * @returns {string | undefined}
 */
function findGo() {
  return onPath('go') || (isExecutable('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
}

/** Builds the CLI into the git-ignored cache with Go; returns undefined when Go is absent. */
function buildTemporalCliWithGo(log = console.log) {
  const go = findGo();
  if (!go) return undefined;
  fs.mkdirSync(cacheDir, { recursive: true });
  log(`[temporal-cli] building github.com/temporalio/cli ${TEMPORAL_CLI_VERSION} with ${go} (a few minutes the first time)`);
  execFileSync(go, ['install', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`], {
    env: { ...process.env, GOBIN: cacheDir },
    stdio: 'inherit',
  });
  return isExecutable(cachedBinary) ? { path: cachedBinary, source: 'built with go' } : undefined;
}

module.exports = { findTemporalCli, findGo, isExecutable, buildTemporalCliWithGo, cachedBinary, TEMPORAL_CLI_VERSION };
