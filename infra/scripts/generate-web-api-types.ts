/**
 * Writes the web app's API types (apps/web/src/api/schema.gen.ts) from the API's OpenAPI document
 * with openapi-typescript, so the UI's types follow the controllers and DTOs instead of a hand copy.
 *   node -r @swc-node/register infra/scripts/generate-web-api-types.ts [--print]
 * The web build runs it first; apps/web/test/web-api-types.spec.ts fails when the committed file is
 * stale (it runs this with --print, which writes the fresh text to stdout instead of the file).
 *
 * The document comes from the API's own command (apps/api/src/commands/openapi-document.ts), run as
 * a process: infra code does not import the apps.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const ROOT = path.resolve(__dirname, '../..');
const WEB_API_TYPES_PATH = 'apps/web/src/api/schema.gen.ts';
const REGENERATE = 'node -r @swc-node/register infra/scripts/generate-web-api-types.ts';

const HEADER = `/**
 * Generated from the API's OpenAPI document by openapi-typescript: do not edit.
 * Regenerate with \`${REGENERATE}\` (the web build does).
 */

`;

function apiOpenApiDocument(): Parameters<typeof openapiTS>[0] {
  const json = execFileSync(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/commands/openapi-document.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(json) as Parameters<typeof openapiTS>[0];
}

/** The text of schema.gen.ts for the current API. */
async function webApiTypesSource(): Promise<string> {
  return HEADER + astToString(await openapiTS(apiOpenApiDocument()));
}

async function main(): Promise<void> {
  const source = await webApiTypesSource();
  // For the staleness test: the fresh text, without touching the file.
  if (process.argv.includes('--print')) {
    process.stdout.write(source);
    return;
  }
  const target = path.join(ROOT, WEB_API_TYPES_PATH);
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
  if (current === source) {
    process.stdout.write(`${WEB_API_TYPES_PATH} is up to date\n`);
    return;
  }
  fs.writeFileSync(target, source);
  process.stdout.write(`wrote ${WEB_API_TYPES_PATH}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`generating the web API types failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
