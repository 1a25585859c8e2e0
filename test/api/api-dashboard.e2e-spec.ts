/**
 * The dashboard's satisfaction figures (群众满意度): summed over the cases in the caller's scope from
 * each case's tally (state.satisfaction), rated cases counted, and those below their own policy's
 * satisfactionThreshold. Rows seeded straight into the read model give exact figures; one real case,
 * rated by the public over the API, shows the figures follow the workflow's projection.
 */
import { randomUUID } from 'node:crypto';
import type { Actor, CaseState } from '@zhengdun/domain';
import { campaignBody, newOrgCode, openCaseBody } from '../support/api-fixtures';
import { enc, startApiHarness, type ApiHarness } from '../support/api-harness';
import { committee, county, COUNTY, measuresFor, SECONDS_POLICY, secretaryOf, TOWNSHIP } from '../support/cases';
import { eventually } from '../support/environment';

let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness('api-dashboard');
});

afterAll(async () => {
  await h?.stop();
});

interface Seed {
  campaignId: string;
  county?: string;
  township?: string;
  /** [满意, 基本满意, 不满意]; omitted: a state without a tally (as older rows may have). */
  tally?: [number, number, number];
  threshold?: number;
}

/** One case_record row, as the projection would have written it, with only what the figures read. */
async function seed(rows: Seed[]): Promise<void> {
  for (const row of rows) {
    const orgCode = newOrgCode();
    const state: Record<string, unknown> = {};
    if (row.tally) state.satisfaction = { satisfied: row.tally[0], basicallySatisfied: row.tally[1], dissatisfied: row.tally[2], ratingIds: [] };
    if (row.threshold !== undefined) state.policy = { ...SECONDS_POLICY, satisfactionThreshold: row.threshold };
    await h.db.dataSource.query(
      `INSERT INTO case_record (case_id, campaign_id, county, org_code, org_name, domain, township, stage, round, problem_count, open_problem_count,
         measure_count, measures_done, person_ids, satisfaction_rate, stage_entered_at, created_at, updated_at, seq, revision, stage_durations, state)
       VALUES ($1, $2, $3, $4, $5, 'rural', $6, 'publicizing', 1, 2, 0, 2, 2, ARRAY[]::text[], NULL, now(), now(), now(), 10, 10, '{}'::jsonb, $7::jsonb)`,
      [`case:${row.campaignId}:${orgCode}`, row.campaignId, row.county ?? COUNTY, orgCode, `${orgCode}党支部`, row.township ?? TOWNSHIP, JSON.stringify(state)],
    );
  }
}

const summary = async (as: Actor, campaignId?: string) => {
  const response = await h.get(`/dashboard/summary${campaignId ? `?campaignId=${campaignId}` : ''}`, { as });
  expect(response.status).toBe(200);
  return response.body;
};

it('sums the ratings of the cases in scope, counts rated cases and those below their own threshold', async () => {
  const a = `c${randomUUID().slice(0, 10)}`;
  const b = `c${randomUUID().slice(0, 10)}`;
  await seed([
    { campaignId: a, tally: [8, 1, 1], threshold: 0.8 }, // 90%: meets 80%
    { campaignId: a, tally: [3, 1, 1], threshold: 0.8 }, // exactly 80%: not below
    { campaignId: a, township: '河口镇', tally: [1, 0, 3], threshold: 0.8 }, // 25%: below
    { campaignId: a, township: '河口镇', tally: [6, 2, 2], threshold: 0.9 }, // 80% against its campaign's 90%: below
    { campaignId: a, tally: [0, 0, 0], threshold: 0.8 }, // not rated yet
    { campaignId: a }, // no tally in its state at all
    { campaignId: b, tally: [2, 0, 0], threshold: 0.8 },
    { campaignId: a, county: '邻县', township: '邻镇', tally: [100, 0, 0], threshold: 0.8 }, // another county's
  ]);

  const campaignA = await summary(county, a);
  expect(campaignA.total).toBe(6);
  expect(campaignA.satisfaction).toEqual({ satisfied: 18, basicallySatisfied: 4, dissatisfied: 7, rate: 22 / 29, ratedCases: 4, belowThreshold: 2 });

  // Without a campaign: every campaign of the county (other tests' cases have no ratings).
  const all = await summary(county);
  expect(all.satisfaction).toEqual({ satisfied: 20, basicallySatisfied: 4, dissatisfied: 7, rate: 24 / 31, ratedCases: 5, belowThreshold: 2 });

  // A township committee sees its own township only.
  const township = await summary(committee, a);
  expect(township.total).toBe(4);
  expect(township.satisfaction).toEqual({ satisfied: 11, basicallySatisfied: 2, dissatisfied: 2, rate: 13 / 15, ratedCases: 2, belowThreshold: 0 });
  const neighbour: Actor = { ...county, userId: 'county-neighbour', scope: { level: 'county', county: '邻县' } };
  expect((await summary(neighbour, a)).satisfaction).toEqual({ satisfied: 100, basicallySatisfied: 0, dissatisfied: 0, rate: 1, ratedCases: 1, belowThreshold: 0 });

  // Nothing rated: zeros and no rate.
  expect((await summary(county, `c${randomUUID().slice(0, 10)}`)).satisfaction).toEqual({
    satisfied: 0,
    basicallySatisfied: 0,
    dissatisfied: 0,
    rate: null,
    ratedCases: 0,
    belowThreshold: 0,
  });

  // The figures follow a case's state as the projection rewrites it.
  await h.db.dataSource.query(
    `UPDATE case_record SET state = jsonb_set(state, '{satisfaction,dissatisfied}', '0') WHERE campaign_id = $1 AND township = '河口镇' AND (state #>> '{satisfaction,satisfied}') = '1'`,
    [a],
  );
  expect((await summary(county, a)).satisfaction).toMatchObject({ dissatisfied: 4, rate: 22 / 26, belowThreshold: 1 });
});

it('counts the ratings the public sends to a case in publicity, as the workflow records them', async () => {
  const policy = { ...SECONDS_POLICY, publicityPeriod: { amount: 3600, unit: 'seconds' as const } };
  const campaignId: string = (await h.post('/campaigns', { as: county, body: campaignBody(policy) })).body.id;
  const orgCode = newOrgCode();
  const caseId: string = (await h.post(`/campaigns/${campaignId}/cases`, { as: county, body: openCaseBody('rural', { orgCode }) })).body.caseId;
  const act = async (action: string, as: Actor, body: unknown = {}): Promise<CaseState> => {
    const response = await h.post(`/cases/${enc(caseId)}/actions/${action}`, { as, body });
    if (response.status !== 200) throw new Error(`${action} answered ${response.status}: ${response.text}`);
    return response.body;
  };
  let state = await eventually(async () => {
    const current = await h.cases.state(caseId);
    return current.stage === 'assigned' ? current : undefined;
  }, 20_000, 'assigned');
  state = await act('submitPlan', secretaryOf(orgCode), { measures: measuresFor(state, 7 * 86_400_000) });
  state = await act('approvePlan', committee);
  for (const measure of state.measures.filter((m) => m.status === 'pending')) {
    await act('reportMeasureDone', secretaryOf(orgCode), { measureId: measure.id, evidence: '已召开党员大会通报整改情况，台账附后' });
    state = await act('verifyMeasure', committee, { measureId: measure.id, accepted: true, comment: '经实地核验，整改属实' });
  }
  expect((await act('startPublicity', committee)).stage).toBe('publicizing');

  for (const level of ['satisfied', 'basically_satisfied', 'dissatisfied']) {
    expect((await h.post(`/public/cases/${enc(caseId)}/ratings`, { body: { level } })).status).toBe(202);
  }
  const figures = await eventually(async () => {
    const current = (await summary(county, campaignId)).satisfaction;
    return current.ratedCases === 1 && current.dissatisfied === 1 ? current : undefined;
  }, 15_000, 'the three ratings on the dashboard');
  // Two of three content: 66.7%, below the campaign's 80%.
  expect(figures).toEqual({ satisfied: 1, basicallySatisfied: 1, dissatisfied: 1, rate: 2 / 3, ratedCases: 1, belowThreshold: 1 });
});
