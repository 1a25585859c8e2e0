/**
 * The web UI (apps/web, built by `vite build --config apps/web/vite.config.ts` into apps/web/dist) on
 * the API's own origin:
 *  - its files at `/`: `/assets/*` (content-hashed names) cached for a year as immutable, everything
 *    else (index.html) `no-cache`, so that a new build is picked up at the next page load;
 *  - page navigations: a GET or HEAD whose Accept names text/html and that matches no file gets
 *    index.html (200), even where the path is also an API route (`/cases/:caseId`), except for Swagger
 *    (/docs, /docs-json) and /health. Everything else (fetch's and curl's default Accept of any type, the
 *    UI's own calls with Accept: application/json, any other method) goes on to the controllers unchanged.
 * Registered on Express ahead of Nest's routes. Without a build, nothing is served and a line says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** apps/web/dist of this repository (this file is apps/api/src/core/web/web-ui.ts). */
export const WEB_DIST = path.resolve(__dirname, '../../../../..', 'apps/web/dist');

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Paths that are never the UI's: Swagger UI and its documents, the health check. */
const NOT_THE_UI = /^\/(?:docs(?:$|[/-])|health(?:$|\/))/i;

function wantsHtml(request: Request): boolean {
  const accept = request.headers.accept;
  return typeof accept === 'string' && accept.toLowerCase().includes('text/html');
}

/** index.html for page navigations that no file answered. */
function pageFallback(indexFile: string): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || NOT_THE_UI.test(request.path)) return next();
    // The same URL answers HTML or JSON depending on Accept: say so to caches.
    response.vary('Accept');
    if (!wantsHtml(request)) return next();
    response.sendFile(indexFile, { cacheControl: false, headers: { 'Cache-Control': REVALIDATE } }, (error?: Error) => {
      // Gone meanwhile (a rebuild empties dist): let the API answer rather than fail the request.
      if (error && !response.headersSent) next();
    });
  };
}

/** Serves the UI from `root` if it holds a build; answers whether it does. */
export function serveWebUi(app: NestExpressApplication, root: string = WEB_DIST): boolean {
  const indexFile = path.join(root, 'index.html');
  if (!fs.existsSync(indexFile)) {
    new Logger('WebUi').log(`No web UI build at ${root}: serving the API only (build it with \`npx nx run web:build\`)`);
    return false;
  }
  const assets = path.join(root, 'assets') + path.sep;
  app.useStaticAssets(root, {
    index: 'index.html',
    redirect: false,
    fallthrough: true,
    setHeaders: (response: Response, file: string) => response.setHeader('Cache-Control', file.startsWith(assets) ? IMMUTABLE : REVALIDATE),
  });
  app.use(pageFallback(indexFile));
  return true;
}
