/**
 * The campaign workflow on the real Temporal dev server with real activities and Postgres:
 * progress summaries to the county on the cadence, and at the end date every unfinished case
 * escalated exactly once, with the list sent to the county. Periods in seconds.
 */
import { randomUUID } from 'node:crypto';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { CampaignWorkflowService } from '@zhengdun/campaigns';
import { CampaignClient } from '@zhengdun/temporal';
import { campaignEndDueItemKey, caseIdFor, type CampaignPolicy } from '@zhengdun/domain';
import type { CaseSnapshot } from '@zhengdun/workflows';
import { NotificationOutboxRepository } from '@zhengdun/persistence';
import { campaignEndedSignal, campaignWorkflowId, type CampaignResult } from '@zhengdun/workflows';
import { ALL_CHECKS, caseInput, committee, county, COUNTY, measuresFor, remediateAndPublicize, secretaryOf, SECONDS_POLICY, assessmentOf } from '../support/cases';
import { eventually, workflowBundlePath } from '../support/environment';
import { resultOf, startCampaignEnv, type CampaignTestEnv } from './support/campaign-env';

let env: CampaignTestEnv;

beforeAll(async () => {
  env = await startCampaignEnv('campaign');
});

afterAll(async () => {
  await env?.terminateRunning();
  await env?.stop();
});

const POLICY: CampaignPolicy = { ...SECONDS_POLICY, reviewDelay: { amount: 600, unit: 'seconds' }, summaryCadence: { amount: 3, unit: 'seconds' } };

async function replay(workflowId: string): Promise<void> {
  const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
  await Worker.runReplayHistory({ workflowBundle: { codePath: workflowBundlePath() } }, JSON.parse(historyToJSON(history)), workflowId);
}

/** Opens a case of this campaign and walks it to 已销号, or only as far as 县级验收. */
async function delistedCase(campaign: { id: string; name: string; county: string; endsAt: string }, until: 'delisted' | 'county_acceptance' = 'delisted'): Promise<string> {
  const input = { ...caseInput('state_owned_enterprise', { policy: POLICY }), campaign };
  const caseId = await env.cases.open(input, county);
  let state: CaseSnapshot = await env.cases.state(caseId);
  state = await env.cases.act(caseId, secretaryOf(input.org.code), { type: 'submitPlan', measures: measuresFor(state, 8_000) });
  await env.cases.act(caseId, committee, { type: 'approvePlan' });
  await remediateAndPublicize(env.cases, caseId);
  await env.cases.rateSatisfaction(caseId, { ratingId: `${caseId}-r1`, level: 'satisfied' });
  await eventually(async () => (await env.cases.state(caseId)).stage === 'preliminary_acceptance', 20_000, 'publicity to end');
  await env.cases.act(caseId, committee, { type: 'recordPreliminaryAcceptance', checks: ALL_CHECKS, opinion: '合格' });
  if (until === 'county_acceptance') return caseId;
  state = await env.cases.act(caseId, county, { type: 'recordCountyAcceptance', checks: ALL_CHECKS, opinion: '同意销号', assessment: assessmentOf() });
  expect(state.stage).toBe('delisted');
  return caseId;
}

it('sends the county a summary on its cadence and, at the end date, escalates each unfinished case exactly once', async () => {
  const endsAt = new Date(Date.now() + 15_000).toISOString();
  const campaign = { id: `c${randomUUID().slice(0, 8)}`, name: '2026年软弱涣散基层党组织整顿', county: COUNTY, endsAt };
  const assigned = { ...caseInput('rural', { policy: POLICY }), campaign };
  const identified = { ...caseInput('community', { policy: POLICY, withTeam: false }), campaign };
  const assignedId = await env.cases.open(assigned, county);
  const identifiedId = await env.cases.open(identified, county);
  const delistedId = await delistedCase(campaign);
  const outbox = new NotificationOutboxRepository(env.db.dataSource);
  // The read model has every case before the campaign looks at it.
  await eventually(async () => {
    const rows: { count: string }[] = await env.db.dataSource.query(`SELECT count(*) FROM case_record WHERE campaign_id = $1 AND (case_id <> $2 OR stage = 'delisted')`, [campaign.id, delistedId]);
    return Number(rows[0].count) === 3;
  }, 20_000, 'the read model');

  const service = new CampaignWorkflowService(new CampaignClient(env.client, env.taskQueue));
  const definition = { ...campaign, endsAt, policy: POLICY };
  expect(await service.start(definition)).toEqual({ workflowId: campaignWorkflowId(campaign.id), started: true });
  expect(await service.start(definition)).toEqual({ workflowId: campaignWorkflowId(campaign.id), started: false });

  const running = await service.status(campaign.id);
  expect(running).toMatchObject({ ended: false, daysLeft: 1, summariesSent: 0, campaign: { id: campaign.id, endsAt }, nextSummaryAt: expect.any(String) });
  expect(await service.daysLeft(campaign.id)).toBe(1);

  const firstSummary = await eventually(() => service.lastSummary(campaign.id).then((s) => s ?? undefined), 15_000, 'the first summary');
  expect(firstSummary).toMatchObject({ periodNo: 1, total: 3, unfinished: 2, converted: 1, byStage: { assigned: 1, identified: 1, delisted: 1 } });
  expect(firstSummary.conversionRate).toBeCloseTo(1 / 3);

  const result = await resultOf<CampaignResult>(env.client, campaignWorkflowId(campaign.id), 30_000);
  // One summary for every whole cadence period between the start and the end date.
  const periods = Math.ceil((Date.parse(endsAt) - Date.parse(running.startedAt)) / 3000) - 1;
  expect(periods).toBeGreaterThanOrEqual(2);
  expect(result).toMatchObject({ campaignId: campaign.id, summariesSent: periods, unfinished: 2, escalated: 2, notificationKey: `campaign:${campaign.id}:ended` });
  expect(await service.start(definition)).toMatchObject({ started: false }); // a finished campaign is not run again

  // Summaries: one per cadence period before the end date, each to the county with the figures.
  const campaignMessages = await outbox.forCase(campaignWorkflowId(campaign.id));
  expect(campaignMessages.map((n) => n.key)).toEqual([
    ...Array.from({ length: periods }, (_, i) => `campaign:${campaign.id}:summary:${i + 1}`),
    `campaign:${campaign.id}:ended`,
  ]);
  const summaries = campaignMessages.slice(0, periods);
  for (const summary of summaries) {
    expect(summary).toMatchObject({ kind: 'campaign_summary', recipients: [{ kind: 'role', role: 'county_department', scope: `${COUNTY}全县` }] });
    expect(summary.body).toContain('共列入整顿对象3个');
    expect(summary.body).toContain('转化率33.3%');
  }
  const times = summaries.map((n) => n.eventAt.getTime());
  for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(2_500);
  expect(Date.parse(endsAt) - times[times.length - 1]).toBeLessThan(3_500);

  // The end notice lists exactly the unfinished organizations.
  const notice = campaignMessages[periods];
  expect(notice).toMatchObject({ kind: 'campaign_ended', title: expect.stringContaining('2个党组织仍未完成') });
  expect(notice.body).toContain(assigned.org.name);
  expect(notice.body).toContain(identified.org.name);
  const delistedState = await env.cases.state(delistedId);
  expect(notice.body).not.toContain(delistedState.org.name);

  // Each unfinished case: one explanation request, one timeline entry, one notification; the delisted one: none.
  const dueItemKey = campaignEndDueItemKey(campaign.id);
  for (const caseId of [assignedId, identifiedId]) {
    const state = await eventually(async () => {
      const s = await env.cases.state(caseId);
      return s.escalation.records.some((r) => r.dueItemKey === dueItemKey) ? s : undefined;
    }, 10_000, 'the escalation');
    expect(state.escalation.records.filter((r) => r.dueItemKey === dueItemKey)).toEqual([expect.objectContaining({ step: 'explanation_requested', dueItemLabel: '整顿期限已到仍未完成' })]);
    expect(state.escalation.level).toBeGreaterThanOrEqual(1);
    expect(state.timeline.filter((e) => e.type === 'campaign_ended')).toHaveLength(1);
    const messages = await eventually(async () => {
      const found = (await outbox.forCase(caseId)).filter((n) => n.key === `${caseId}:${dueItemKey}:explanation`);
      return found.length > 0 ? found : undefined;
    }, 10_000, 'the notification');
    expect(messages).toHaveLength(1);
    // Still rectifying (or not yet started): the branch answers for it, the township committee with it.
    expect(messages[0].recipients).toEqual([expect.objectContaining({ kind: 'person', personId: state.org.secretary.personId }), expect.objectContaining({ kind: 'role', role: 'township_committee' })]);
  }
  expect((await env.cases.state(delistedId)).escalation.records.filter((r) => r.dueItemKey === dueItemKey)).toEqual([]);

  // A repeated signal (a retried activity) changes nothing.
  const before = await env.cases.state(assignedId);
  await env.client.workflow.getHandle(assignedId).signal(campaignEndedSignal, { campaignId: campaign.id, endsAt });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const after = await env.cases.state(assignedId);
  expect(after.seq).toBe(before.seq);
  expect(after.escalation.records.filter((r) => r.dueItemKey === dueItemKey)).toHaveLength(1);

  // The secretary answers for it; the read model shows the escalation.
  await env.cases.act(assignedId, secretaryOf(assigned.org.code), { type: 'submitExplanation', dueItemKey, explanation: '村“两委”班子调整，方案延后' });
  await eventually(async () => {
    const rows: { escalation_level: number }[] = await env.db.dataSource.query('SELECT escalation_level FROM case_record WHERE case_id = $1', [identifiedId]);
    return Number(rows[0]?.escalation_level) >= 1;
  }, 10_000, 'the read model to show the escalation');

  const ended = await service.status(campaign.id);
  expect(ended).toMatchObject({ ended: true, daysLeft: 0, summariesSent: periods, nextSummaryAt: null, end: { unfinished: 2, escalated: 2 } });
  expect(await service.lastSummary(campaign.id)).toMatchObject({ periodNo: periods, total: 3 });

  // Deterministic: the campaign and a signalled case replay against the current code.
  await replay(campaignWorkflowId(campaign.id));
  await replay(assignedId);
  expect(caseIdFor(campaign.id, assigned.org.code)).toBe(assignedId);
});

it('at the end date, a case waiting on 县级验收 is the county’s to answer for, not the branch’s', async () => {
  const service = new CampaignWorkflowService(new CampaignClient(env.client, env.taskQueue));
  const endsAt = new Date(Date.now() + 20_000).toISOString();
  const campaign = { id: `c${randomUUID().slice(0, 8)}`, name: '2026年整顿（验收待办）', county: COUNTY, endsAt };
  const waiting = await delistedCase(campaign, 'county_acceptance');
  expect((await env.cases.state(waiting)).stage).toBe('county_acceptance');
  await eventually(async () => {
    const rows: { stage: string }[] = await env.db.dataSource.query('SELECT stage FROM case_record WHERE case_id = $1', [waiting]);
    return rows[0]?.stage === 'county_acceptance';
  }, 20_000, 'the read model');
  await service.start({ ...campaign, policy: POLICY });
  await resultOf<CampaignResult>(env.client, campaignWorkflowId(campaign.id), 40_000);
  const key = `${waiting}:${campaignEndDueItemKey(campaign.id)}:explanation`;
  const [message] = await eventually(async () => {
    const found = (await new NotificationOutboxRepository(env.db.dataSource).forCase(waiting)).filter((n) => n.key === key);
    return found.length > 0 ? found : undefined;
  }, 10_000, 'the end-date request');
  expect(message.recipients).toEqual([{ kind: 'role', role: 'county_department', scope: `${COUNTY}全县` }]);
  expect((await env.cases.state(waiting)).timeline.at(-1)!.summary).toContain('要求县委组织部说明原因');
});

it('a campaign whose end date has already passed ends at once; with every case delisted there is no one to escalate', async () => {
  const service = new CampaignWorkflowService(new CampaignClient(env.client, env.taskQueue));
  const campaign = { id: `c${randomUUID().slice(0, 8)}`, name: '已结束批次', county: COUNTY, endsAt: new Date(Date.now() - 1000), policy: POLICY };
  await service.start(campaign);
  const result = await resultOf<CampaignResult>(env.client, campaignWorkflowId(campaign.id), 20_000);
  expect(result).toMatchObject({ summariesSent: 0, unfinished: 0, escalated: 0 });
  const [notice] = await new NotificationOutboxRepository(env.db.dataSource).forCase(campaignWorkflowId(campaign.id));
  expect(notice.body).toContain('所有整顿对象均已销号');
});

it('refuses to start a campaign with an invalid policy or end date', async () => {
  const service = new CampaignWorkflowService(new CampaignClient(env.client, env.taskQueue));
  await expect(service.start({ id: 'cx', name: 'x', county: COUNTY, endsAt: 'soon', policy: POLICY })).rejects.toMatchObject({ code: 'invalid_campaign' });
  await expect(service.start({ id: 'cx', name: 'x', county: COUNTY, endsAt: new Date(), policy: { ...POLICY, summaryCadence: { amount: 0, unit: 'days' } } })).rejects.toMatchObject({
    code: 'invalid_campaign',
  });
  await expect(service.status('never-started')).rejects.toMatchObject({ code: 'campaign_not_found' });
});
