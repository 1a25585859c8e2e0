/**
 * The web UI: built to apps/web/dist, served by the API under `/` with the API on the same origin
 * (`nx run web:build`; `nx run web:serve` for development, proxying API calls to :3000).
 * Vite 8 transforms TSX itself with Oxc: no React plugin.
 */
import { defineConfig } from 'vite';

const here = (relative: string) => decodeURIComponent(new URL(relative, import.meta.url).pathname);

/** First path segments of the API: the dev server proxies these, everything else is the SPA. */
const API_PREFIXES = ['/campaigns', '/cases', '/dashboard', '/public/cases', '/audit', '/health', '/docs', '/dev'];
const API_TARGET = 'http://127.0.0.1:3000';

export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  resolve: {
    alias: { '@zhengdun/domain': here('../../libs/domain/src/index.ts') },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 1600,
    sourcemap: false,
    rolldownOptions: {
      // antd marks its modules "use client" (for React Server Components); meaningless in this SPA.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 4200,
    // Page navigations (Accept: text/html) stay with the SPA, API calls (Accept: application/json) go to the API.
    proxy: Object.fromEntries(
      API_PREFIXES.map((prefix) => [
        prefix,
        {
          target: API_TARGET,
          bypass: (request: { headers: Record<string, string | string[] | undefined> }) =>
            String(request.headers.accept ?? '').includes('text/html') ? '/index.html' : undefined,
        },
      ]),
    ),
  },
});
