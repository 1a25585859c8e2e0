// npm install step: makes sure Debian's chromium (and a CJK font, so Chinese text renders in
// screenshots) is there for the browser tests of apps/web (test/web, driven by playwright-core).
// Never fails the install: when chromium cannot be installed it says what to install, and the
// browser tests then fail with the same message (test/support/browser.ts).
//
//   CHROMIUM_PATH            use this browser binary instead of /usr/bin/chromium
//   ZHENGDUN_SKIP_CHROMIUM=1 do nothing (machines that never run the browser tests)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const DEFAULT_PATH = '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-noto-cjk'];
const APT_TIMEOUT_MS = 10 * 60_000;

const CHROMIUM_HINT =
  'Browser tests need Debian chromium: run `sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk`, ' +
  'or set CHROMIUM_PATH to a Chromium/Chrome binary.';

function log(message) {
  console.log(`[chromium] ${message}`);
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function findAptGet() {
  return ['/usr/bin/apt-get', '/bin/apt-get'].find((candidate) => isExecutable(candidate));
}

function run(command, args) {
  const result = spawnSync(command, args, {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: APT_TIMEOUT_MS,
    encoding: 'utf8',
  });
  if (result.error) return `${command} ${args.join(' ')}: ${result.error.message}`;
  if (result.status !== 0) {
    const tail = `${result.stderr || result.stdout || ''}`.trim().split('\n').slice(-3).join(' | ');
    return `${command} ${args.join(' ')} exited ${result.status}${tail ? `: ${tail}` : ''}`;
  }
  return null;
}

function main() {
  if (process.env.ZHENGDUN_SKIP_CHROMIUM === '1') {
    log('skipped (ZHENGDUN_SKIP_CHROMIUM=1)');
    return;
  }
  const wanted = process.env.CHROMIUM_PATH || DEFAULT_PATH;
  if (isExecutable(wanted)) {
    log(`using ${wanted}`);
    return;
  }
  if (process.env.CHROMIUM_PATH) {
    log(`CHROMIUM_PATH=${wanted} is not an executable file. ${CHROMIUM_HINT}`);
    return;
  }
  const aptGet = findAptGet();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!aptGet || !isRoot) {
    log(`${DEFAULT_PATH} not found${!aptGet ? ' and apt-get is not available' : ' (not root, so not installing it)'}. ${CHROMIUM_HINT}`);
    return;
  }
  log(`installing ${PACKAGES.join(' ')} with apt-get (quiet, non-interactive)…`);
  const failure =
    run(aptGet, ['-qq', 'update']) ??
    run(aptGet, ['-qq', '-y', '--no-install-recommends', '-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold', 'install', ...PACKAGES]);
  if (failure || !isExecutable(DEFAULT_PATH)) {
    log(`could not install chromium (${failure ?? `${DEFAULT_PATH} still missing`}). ${CHROMIUM_HINT}`);
    return;
  }
  log(`installed ${DEFAULT_PATH}`);
}

try {
  main();
} catch (error) {
  log(`check failed: ${error instanceof Error ? error.message : String(error)}. ${CHROMIUM_HINT}`);
}
