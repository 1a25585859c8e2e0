/**
 * The API as a value: main.ts and the tests build it the same way. Listens on config.port (0 for a
 * free port) and answers with the URL it is reachable at.
 */
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import compression from 'compression';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppModuleOptions } from './app.module';
import { setupOpenApi } from './core/openapi/openapi';
import { serveWebUi } from './core/web/web-ui';
import { answerClientErrorsWithProblems } from './core/errors/client-errors';
import { JSON_MEDIA_TYPES } from './core/http/json-body.guard';
import { securityHeaders } from './core/http/security-headers';

/** Largest JSON body accepted; larger ones are answered 413. */
export const JSON_BODY_LIMIT = '256kb';

export type ApiAppOptions = AppModuleOptions & {
  /** Interface to listen on; all interfaces by default. */
  host?: string;
  /** The web UI's build to serve at `/`: apps/web/dist of this repository by default. */
  webRoot?: string;
};

export interface RunningApi {
  app: NestExpressApplication;
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  port: number;
  /** Whether the web UI is served at `/` (false when its build is missing). */
  webUi: boolean;
  close: () => Promise<void>;
}

export async function createApiApp(options: ApiAppOptions): Promise<RunningApi> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(options), { bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.use(securityHeaders);
  app.use(compression());
  // Ahead of the API's routes: the UI's files, and index.html for page navigations.
  const webUi = serveWebUi(app, options.webRoot);
  // Any other body type is refused with 415 by JsonBodyGuard (or read by the route that declares it).
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT, type: JSON_MEDIA_TYPES });
  app.disable('x-powered-by');
  // The client's address (for rate limits) comes from X-Forwarded-For only through the proxies
  // TRUST_PROXY names (a hop count or CIDR ranges); by default from the TCP peer, whatever it sends.
  app.set('trust proxy', options.config.http.trustProxy);
  app.enableShutdownHooks();
  setupOpenApi(app);
  await app.listen(options.config.port, options.host ?? '0.0.0.0');
  answerClientErrorsWithProblems(app.getHttpServer());
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    port,
    webUi,
    url: `http://127.0.0.1:${port}`,
    close: () => app.close(),
  };
}
