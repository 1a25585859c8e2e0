/**
 * A production API refuses campaign policies in seconds and periods that would make reminders storm;
 * only the tests' API (ALLOW_SECONDS_PERIODS) takes seconds. A refused campaign leaves nothing behind.
 */
import { DEFAULT_POLICY } from '@zhengdun/domain';
import { createApiApp, type RunningApi } from '../../apps/api/src/create-app';
import { campaignBody } from '../support/api-fixtures';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { county, SECONDS_POLICY } from '../support/cases';
import { mintDevToken } from '../../apps/api/src/core/auth/dev-tokens';

let h: ApiHarness;
let production: RunningApi;

beforeAll(async () => {
  h = await startApiHarness('policy-periods');
  production = await createApiApp({ config: { ...h.config, allowSecondsPeriods: false }, host: '127.0.0.1', dataSource: h.db.dataSource, temporalClient: h.client });
});

afterAll(async () => {
  await production?.close();
  await h?.stop();
});

async function createCampaign(body: unknown): Promise<{ status: number; body: { errors?: { field: string; detail: string }[]; code?: string } }> {
  const response = await fetch(`${production.url}/campaigns`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await mintDevToken(h.config.auth, county)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

test('seconds are refused field by field, zero escalation days too; the defaults are accepted', async () => {
  const seconds = await createCampaign(campaignBody(SECONDS_POLICY));
  expect(seconds.status).toBe(400);
  expect(seconds.body.code).toBe('invalid_request');
  expect(seconds.body.errors?.map((error) => error.field)).toEqual(expect.arrayContaining(['policy.publicityPeriod', 'policy.escalationInterval']));
  expect(seconds.body.errors?.every((error) => /不能按秒计/.test(error.detail))).toBe(true);

  const storm = await createCampaign(campaignBody({ ...DEFAULT_POLICY, escalationInterval: { amount: 0, unit: 'days' } }));
  expect(storm.status).toBe(400);
  expect(storm.body.errors).toEqual([expect.objectContaining({ field: 'policy.escalationInterval' })]);

  const rows = await h.db.dataSource.query('SELECT count(*)::int AS n FROM campaign');
  expect(rows[0].n).toBe(0);
  expect((await createCampaign(campaignBody(DEFAULT_POLICY))).status).toBe(201);
});
