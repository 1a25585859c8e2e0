/**
 * Writes the web app's API types (apps/web/src/api/schema.gen.ts) from the API's OpenAPI document
 * with openapi-typescript, so the UI's types follow the controllers and DTOs instead of a hand copy.
 *   node -r @swc-node/register infra/scripts/generate-web-api-types.ts [--print]
 * The web build runs it first; apps/web/test/web-api-types.spec.ts fails when the committed file is
 * stale (it runs this with --print, which writes the fresh text to stdout instead of the file).
 *
 * The document is the one /docs-json serves in development mode (api-openapi-document.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { apiOpenApiDocument } from './api-openapi-document';
import { REGENERATE_WEB_API_TYPES, WEB_API_TYPES_PATH } from './web-api-types-location';

const ROOT = path.resolve(__dirname, '../..');

const HEADER = `/**
 * Generated from the API's OpenAPI document by openapi-typescript: do not edit.
 * Regenerate with \`${REGENERATE_WEB_API_TYPES}\` (the web build does).
 */

`;

/** The text of schema.gen.ts for the current API. */
export async function webApiTypesSource(): Promise<string> {
  const document = await apiOpenApiDocument();
  // openapi-typescript takes the document as an object; JSON round trip drops class prototypes.
  const ast = await openapiTS(JSON.parse(JSON.stringify(document)) as Parameters<typeof openapiTS>[0]);
  return HEADER + astToString(ast);
}

async function main(): Promise<void> {
  const target = path.join(ROOT, WEB_API_TYPES_PATH);
  const source = await webApiTypesSource();
  // For the staleness test: the fresh text, without touching the file.
  if (process.argv.includes('--print')) {
    process.stdout.write(source);
    return;
  }
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
  if (current === source) {
    process.stdout.write(`${WEB_API_TYPES_PATH} is up to date\n`);
    return;
  }
  fs.writeFileSync(target, source);
  process.stdout.write(`wrote ${WEB_API_TYPES_PATH}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`generating the web API types failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
