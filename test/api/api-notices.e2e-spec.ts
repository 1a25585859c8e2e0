/**
 * 督查通报 over HTTP: the county issues a notice for a campaign — townships ranked from the read model,
 * the lagging organizations named, a township criticized with a deadline — numbered in turn; a township
 * user sees it listed; the downloaded Word document, opened again, holds the ranking the API reports.
 */
import JSZip from 'jszip';
import { rankingRows, RANKING_HEADERS } from '@zhengdun/campaigns';
import type { CaseState, NoticeContent } from '@zhengdun/domain';
import { campaignBody, newOrgCode, openCaseBody } from '../support/api-fixtures';
import { enc, startApiHarness, type ApiHarness } from '../support/api-harness';
import { committee, county, measuresFor, SECONDS_POLICY, secretaryOf } from '../support/cases';
import { eventually } from '../support/environment';

let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness('api-notices');
});

afterAll(async () => {
  await h?.stop();
});

const HEKOU = '河口镇';
const hekouCommittee = { ...committee, userId: 'hk-wang', name: '河口镇党委', scope: { level: 'township' as const, county: committee.scope.county, township: HEKOU } };

/** The text of each table row of a .docx, cell by cell. */
async function documentTables(buffer: ArrayBuffer): Promise<string[][]> {
  const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => [...cell[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
}

it('issues a numbered notice that every township of the county reads, and its document shows the ranking the API reports', async () => {
  const campaignId: string = (await h.post('/campaigns', { as: county, body: campaignBody(SECONDS_POLICY) })).body.id;
  // Two organizations of 青山镇, one of 河口镇 whose measures fall overdue.
  const open = async (township?: string) => (await h.post(`/campaigns/${campaignId}/cases`, { as: county, body: openCaseBody('rural', { orgCode: newOrgCode(), township }) })).body.caseId as string;
  await Promise.all([open(), open()]);
  const lagging = await open(HEKOU);
  const state = await eventually(async () => {
    const found = await h.get(`/cases/${enc(lagging)}`, { as: county });
    return found.body.case?.stage === 'assigned' ? (found.body.case as CaseState) : undefined;
  }, 20_000, 'assigned');
  expect((await h.post(`/cases/${enc(lagging)}/actions/submitPlan`, { as: secretaryOf(state.org.code), body: { measures: measuresFor(state, 1_000) } })).status).toBe(200);
  expect((await h.post(`/cases/${enc(lagging)}/actions/approvePlan`, { as: hekouCommittee, body: {} })).status).toBe(200);
  await eventually(async () => (await h.get(`/cases?campaignId=${campaignId}&overdue=true`, { as: county })).body.total === 1, 20_000, 'the 河口镇 case overdue');

  const ranking = (await h.get(`/campaigns/${campaignId}/ranking`, { as: county })).body.ranking as NoticeContent['ranking'];
  expect(ranking.map((row) => [row.township, row.total, row.overdue])).toEqual([
    ['青山镇', 2, 0],
    [HEKOU, 1, 1],
  ]);

  // Only the county issues; a criticism must name a township of the campaign.
  const byCommittee = await h.post(`/campaigns/${campaignId}/notices`, { as: committee, body: {} });
  expect(byCommittee.status).toBe(403);
  const unknown = await h.post(`/campaigns/${campaignId}/notices`, { as: county, body: { criticisms: [{ township: '不存在镇', text: '进展滞后', deadline: '2026-12-31T00:00:00+08:00' }] } });
  expect({ status: unknown.status, code: unknown.body.code, field: unknown.body.errors?.[0]?.field }).toEqual({ status: 422, code: 'unknown_township', field: 'criticisms[0].township' });

  const criticism = { township: HEKOU, text: '整改措施逾期未完成，督促不力', deadline: '2026-12-31T00:00:00+08:00' };
  const issued = await h.post(`/campaigns/${campaignId}/notices`, { as: county, body: { criticisms: [criticism], remarks: '各乡镇党委要对照排名，逐个销号。' } });
  expect(issued.status).toBe(201);
  expect(issued.body).toMatchObject({ number: 1, content: { ranking, criticisms: [criticism], lagging: [expect.objectContaining({ caseId: lagging, township: HEKOU, overdue: true })] } });
  const second = await h.post(`/campaigns/${campaignId}/notices`, { as: county, body: {} });
  expect(second.body.number).toBe(2);

  // Every township of the county reads the notices, the newest first.
  const listed = await h.get(`/campaigns/${campaignId}/notices`, { as: committee });
  expect(listed.status).toBe(200);
  expect(listed.body.items.map((notice: { number: number }) => notice.number)).toEqual([2, 1]);

  const download = await fetch(`${h.url}/campaigns/${campaignId}/notices/1/document`, { headers: { authorization: `Bearer ${await h.token(committee)}` } });
  expect(download.status).toBe(200);
  expect(download.headers.get('content-type')).toContain('wordprocessingml');
  const tables = await documentTables(await download.arrayBuffer());
  expect(tables.slice(0, ranking.length + 1)).toEqual([RANKING_HEADERS, ...rankingRows(issued.body.content)]);
  const text = tables.flat().join('');
  expect(text).toContain(issued.body.content.lagging[0].orgName);
  expect((await fetch(`${h.url}/campaigns/${campaignId}/notices/9/document`, { headers: { authorization: `Bearer ${await h.token(committee)}` } })).status).toBe(404);
});

it('proposes the graded accountability of a township committee one grade at a time, and records the county’s decisions', async () => {
  const thresholds = { overdueShare: [0.3, 0.6, 0.9] as [number, number, number], talks: [100, 200, 300] as [number, number, number] };
  const created = await h.post('/campaigns', { as: county, body: campaignBody({ ...SECONDS_POLICY, committeeThresholds: thresholds }) });
  expect(created.status).toBe(201);
  const campaignId: string = created.body.id;
  // One organization of 河口镇, overdue: the whole township is overdue (100%), past every grade.
  const caseId: string = (await h.post(`/campaigns/${campaignId}/cases`, { as: county, body: openCaseBody('rural', { orgCode: newOrgCode(), township: HEKOU }) })).body.caseId;
  const state = await eventually(async () => {
    const found = await h.get(`/cases/${enc(caseId)}`, { as: county });
    return found.body.case?.stage === 'assigned' ? (found.body.case as CaseState) : undefined;
  }, 20_000, 'assigned');
  expect((await h.post(`/cases/${enc(caseId)}/actions/submitPlan`, { as: secretaryOf(state.org.code), body: { measures: measuresFor(state, 1_000) } })).status).toBe(200);
  expect((await h.post(`/cases/${enc(caseId)}/actions/approvePlan`, { as: hekouCommittee, body: {} })).status).toBe(200);
  const path = `/campaigns/${campaignId}/committee-accountability`;
  const hekou = async () => {
    const view = await h.get(path, { as: county });
    expect(view.status).toBe(200);
    expect(view.body.thresholds).toEqual(thresholds);
    return view.body.townships.find((row: { figures: { township: string } }) => row.figures.township === HEKOU);
  };
  await eventually(async () => (await hekou())?.proposed === 'serious_criticism', 20_000, 'serious criticism proposed');
  expect((await hekou()).reached).toEqual(['serious_criticism', 'talk_and_notice', 'accountability']);

  const decide = (grade: string, as = county) => h.post(path, { as, body: { township: HEKOU, grade, decision: 'carried_out', reason: '逾期占比过高，经部务会研究决定' } });
  expect((await decide('serious_criticism', hekouCommittee)).status).toBe(403);
  const outOfOrder = await decide('accountability');
  expect({ status: outOfOrder.status, code: outOfOrder.body.code }).toEqual({ status: 409, code: 'grade_not_proposed' });
  for (const [grade, next] of [['serious_criticism', 'talk_and_notice'], ['talk_and_notice', 'accountability'], ['accountability', undefined]] as const) {
    const decided = await decide(grade);
    expect(decided.status).toBe(201);
    const row = decided.body.townships.find((candidate: { figures: { township: string } }) => candidate.figures.township === HEKOU);
    expect(row.proposed).toBe(next);
  }
  const row = await hekou();
  expect(row.decisions.map((decision: { grade: string; decision: string; decidedBy: { name: string } }) => [decision.grade, decision.decision, decision.decidedBy.name])).toEqual([
    ['serious_criticism', 'carried_out', county.name],
    ['talk_and_notice', 'carried_out', county.name],
    ['accountability', 'carried_out', county.name],
  ]);
  // The township sees where it stands.
  expect((await h.get(path, { as: hekouCommittee })).status).toBe(200);
});
