/** Where the web app's generated API types live and how to regenerate them (generate-web-api-types.ts, its test). */
export const WEB_API_TYPES_PATH = 'apps/web/src/api/schema.gen.ts';
export const REGENERATE_WEB_API_TYPES = 'node -r @swc-node/register infra/scripts/generate-web-api-types.ts';
