/**
 * The API's OpenAPI document as a development-mode API serves it at /docs-json (the only mode with
 * /dev/tokens, which the web sign-in page uses), built without a database or Temporal: Nest's
 * preview mode resolves the modules and controllers but runs no provider factory, and the document
 * needs nothing more. test/web/web-api-document.e2e-spec.ts checks it against a running API's.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { loadConfig } from '@zhengdun/config';
import { AppModule } from '../../apps/api/src/app.module';
import { buildOpenApiDocument } from '../../apps/api/src/core/openapi/openapi';

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
