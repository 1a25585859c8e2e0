/**
 * apps/web/src/api/schema.gen.ts is generated from the API's OpenAPI document and committed. This
 * fails when the file on disk or the one committed is not what the API's controllers and DTOs
 * generate now (the web build regenerates the file on disk, so the committed one is checked too).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const WEB_API_TYPES_PATH = 'apps/web/src/api/schema.gen.ts';
const GENERATOR = 'infra/scripts/generate-web-api-types.ts';
const REGENERATE_WEB_API_TYPES = `node -r @swc-node/register ${GENERATOR}`;
const UP_TO_DATE = 'up to date';

/**
 * What the generator writes now. In a child process: openapi-typescript requires ESM-only packages,
 * which Node loads and Jest's module system does not.
 */
function freshTypes(): string {
  return execFileSync(process.execPath, ['-r', '@swc-node/register', GENERATOR, '--print'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The file as the current commit has it; null outside a git checkout (a source archive). */
function committedTypes(): string | null {
  try {
    return execFileSync('git', ['show', `HEAD:${WEB_API_TYPES_PATH}`], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

it('the web API types are what the API generates now, on disk and as committed', () => {
  const fresh = freshTypes();
  const onDisk = fs.readFileSync(path.join(ROOT, WEB_API_TYPES_PATH), 'utf8');
  const committed = committedTypes();
  expect(onDisk === fresh ? UP_TO_DATE : `${WEB_API_TYPES_PATH} is stale: run \`${REGENERATE_WEB_API_TYPES}\``).toBe(UP_TO_DATE);
  if (committed !== null) {
    expect(committed === fresh ? UP_TO_DATE : `${WEB_API_TYPES_PATH} as committed is stale: run \`${REGENERATE_WEB_API_TYPES}\` and commit it`).toBe(UP_TO_DATE);
  }
}, 120_000);
