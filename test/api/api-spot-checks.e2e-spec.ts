/**
 * 抽查 over HTTP on real Temporal and Postgres: the county draws a reproducible sample of one
 * township's 初验 results, re-checks it, and a re-check that disagrees shows on the township's figures.
 */
import { readLedgerWorkbook } from '@zhengdun/campaigns';
import { drawSample } from '@zhengdun/domain';
import { campaignBody, openCaseBody } from '../support/api-fixtures';
import { enc, startApiHarness, type ApiHarness } from '../support/api-harness';
import { auditor, committee, county, otherCommittee, SECONDS_POLICY, secretaryInPost, TOWNSHIP } from '../support/cases';
import { openedToPreliminaryAcceptance } from '../support/http-lifecycle';

let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness('api-spot-checks');
});

afterAll(async () => {
  await h?.stop();
});

it("draws a reproducible sample of a township's 初验 results once, and a disagreeing re-check counts against the township", async () => {
  const campaignId: string = (await h.post('/campaigns', { as: county, body: campaignBody({ ...SECONDS_POLICY, spotCheckShare: 0.5 }) })).body.id;
  const caseIds: string[] = [];
  for (let i = 0; i < 3; i += 1) caseIds.push(await openedToPreliminaryAcceptance(h, campaignId));
  // One more case of the township, not yet at 初验: not part of what is sampled.
  const pending: string = (await h.post(`/campaigns/${campaignId}/cases`, { as: county, body: openCaseBody('rural') })).body.caseId;
  const path = `/campaigns/${campaignId}/spot-checks`;

  expect((await h.post(path, { as: committee, body: { township: TOWNSHIP, stage: 'preliminary_acceptance' } })).status).toBe(403);
  const drawn = await h.post(path, { as: county, body: { township: TOWNSHIP, stage: 'preliminary_acceptance' } });
  expect(drawn.status).toBe(201);
  expect(drawn.body).toMatchObject({ township: TOWNSHIP, stageLabel: '乡镇初验', share: 0.5, reproducible: true, drawnBy: county.name, rechecked: 0, disagreed: 0 });
  expect(drawn.body.population).toEqual([...caseIds].sort());
  expect(drawn.body.population).not.toContain(pending);
  // Reproducible from what was recorded: the seed and the population give the same two cases.
  const sample: string[] = drawn.body.items.map((item: { caseId: string }) => item.caseId);
  expect(sample).toHaveLength(2);
  expect(drawSample(drawn.body.population, 0.5, drawn.body.seed)).toEqual(sample);
  expect(drawn.body.items[0]).toMatchObject({ townshipPassed: true, townshipOpinion: '台账完整，措施落实' });

  // Refusals, each changing nothing.
  const again = await h.post(path, { as: county, body: { township: TOWNSHIP, stage: 'preliminary_acceptance' } });
  expect(again.status).toBe(409);
  expect(again.body).toMatchObject({ code: 'spot_check_exists', detail: expect.stringContaining('不能重新抽取') });
  expect((await h.post(path, { as: county, body: { township: TOWNSHIP, stage: 'follow_up_review' } })).body.code).toBe('nothing_to_sample');
  expect((await h.post(path, { as: county, body: { township: '无此镇', stage: 'preliminary_acceptance' } })).body).toMatchObject({ code: 'unknown_township', errors: [expect.objectContaining({ field: 'township' })] });
  expect((await h.post(path, { as: county, body: { township: TOWNSHIP, stage: 'acceptance' } })).status).toBe(400);
  expect((await h.get(path, { as: county })).body.items).toHaveLength(1);

  const results = `${path}/${drawn.body.id}/results`;
  const outside = caseIds.find((caseId) => !sample.includes(caseId))!;
  expect((await h.post(results, { as: county, body: { caseId: outside, passed: true, finding: '抽查范围外' } })).body.code).toBe('not_in_sample');
  expect((await h.post(results, { as: county, body: { caseId: sample[0], passed: false, finding: '  ' } })).status).toBe(400);
  const disagreeing = await h.post(results, { as: county, body: { caseId: sample[0], passed: false, finding: '实地查看，“三会一课”记录系补写，与初验结论不符' } });
  expect(disagreeing.status).toBe(201);
  expect((await h.post(results, { as: county, body: { caseId: sample[1], passed: true, finding: '台账与实际一致' } })).body).toMatchObject({ rechecked: 2, disagreed: 1 });
  expect((await h.post(results, { as: county, body: { caseId: sample[0], passed: true, finding: '改口' } })).body.code).toBe('already_rechecked');

  // The township's figures show it; its committee sees its own spot-check, another township's sees none.
  const ranking = (await h.get(`/campaigns/${campaignId}/ranking`, { as: county })).body.ranking;
  expect(ranking.find((row: { township: string }) => row.township === TOWNSHIP)).toMatchObject({ spotChecksRechecked: 2, spotChecksDisagreed: 1 });
  const seen = (await h.get(path, { as: committee })).body.items;
  expect(seen).toHaveLength(1);
  expect(seen[0].items.find((item: { caseId: string }) => item.caseId === sample[0]).recheck).toMatchObject({ passed: false, agrees: false, checkedBy: county.name });
  expect((await h.get(path, { as: otherCommittee })).body.items).toEqual([]);
  expect((await h.get(path, { as: auditor })).body.items).toHaveLength(1);

  // On the case page: the spot-check that sampled the case, with only its own re-check; nothing on a case not sampled.
  const onCase = await h.get(`/cases/${enc(sample[0])}/spot-checks`, { as: committee });
  expect(onCase.status).toBe(200);
  expect(onCase.body.items).toHaveLength(1);
  expect(onCase.body.items[0]).toMatchObject({ id: drawn.body.id, stageLabel: '乡镇初验', drawnBy: county.name });
  expect(onCase.body.items[0].items).toEqual([
    expect.objectContaining({ caseId: sample[0], townshipPassed: true, recheck: expect.objectContaining({ passed: false, agrees: false, finding: expect.stringContaining('记录系补写') }) }),
  ]);
  expect((await h.get(`/cases/${enc(outside)}/spot-checks`, { as: county })).body.items).toEqual([]);
  // Who sees the case's spot-checks: as the campaign's list, not the branch; another township's committee finds no such case.
  const sampledState = (await h.get(`/cases/${enc(sample[0])}`, { as: county })).body.case;
  expect((await h.get(`/cases/${enc(sample[0])}/spot-checks`, { as: secretaryInPost(sampledState) })).status).toBe(403);
  expect((await h.get(`/cases/${enc(sample[0])}/spot-checks`, { as: otherCommittee })).status).toBe(404);

  // The ledger's supervision sheet (督办约谈) lists each re-check on its organization's rows.
  const ledger = await fetch(`${h.url}/ledger?campaignId=${campaignId}`, { headers: { authorization: `Bearer ${await h.token(county)}` } });
  expect(ledger.status).toBe(200);
  const read = await readLedgerWorkbook(Buffer.from(await ledger.arrayBuffer()));
  const rechecks = read.supervision.filter((row) => String(row['督办类型']).startsWith('抽查复核'));
  expect(rechecks).toHaveLength(2);
  expect(rechecks.map((row) => String(row['内容'])).join('\n')).toContain('复核结论：不合格，与乡镇结论不一致。实地查看');
});
