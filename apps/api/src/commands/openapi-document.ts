/**
 * Prints the API's OpenAPI document (JSON) as a development-mode API serves it at /docs-json (the
 * only mode with /dev/tokens, which the web sign-in page uses), without a database or Temporal:
 *   node -r @swc-node/register apps/api/src/commands/openapi-document.ts
 * Nest's preview mode resolves the modules and controllers but runs no provider factory, and the
 * document needs nothing more. infra/scripts/generate-web-api-types.ts makes the web app's types
 * from it; test/web/web-api-document.e2e-spec.ts checks it is the document a running API serves.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { loadConfig } from '@zhengdun/config';
import { AppModule } from '../app.module';
import { buildOpenApiDocument } from '../core/openapi/openapi';

export async function apiOpenApiDocument(): Promise<OpenAPIObject> {
  // A fixed environment, not process.env: the document must not depend on who runs this.
  const config = loadConfig({ ZHENGDUN_MODE: 'development' });
  const app = await NestFactory.create(AppModule.register({ config }), { preview: true, logger: false, abortOnError: false });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  apiOpenApiDocument()
    .then((document) => process.stdout.write(`${JSON.stringify(document)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`building the OpenAPI document failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
