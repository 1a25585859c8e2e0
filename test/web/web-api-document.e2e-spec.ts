/**
 * The web app's API types (apps/web/src/api/schema.gen.ts) are generated from an OpenAPI document
 * built without a database or Temporal (apps/api/src/commands/openapi-document.ts). It must be the very
 * document a running development-mode API serves at /docs-json, or the types describe another API.
 */
import { apiOpenApiDocument } from '../../apps/api/src/commands/openapi-document';
import { startApiHarness, type ApiHarness } from '../support/api-harness';

let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness('web-api-document');
});

afterAll(async () => {
  await h?.stop();
});

it('the document the web types are generated from is the one /docs-json serves', async () => {
  const served = await h.get('/docs-json');
  expect(served.status).toBe(200);
  const generatedFrom = JSON.parse(JSON.stringify(await apiOpenApiDocument())) as unknown;
  expect(served.body).toEqual(generatedFrom);
});
