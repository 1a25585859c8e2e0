/**
 * The ledger export (台账) from the real read model: cases in several stages, with measures, talks and
 * escalations, exported for the campaign, a township and a domain, re-opened with exceljs, and
 * compared with case_record / case_event.
 */
import { exportLedger, readLedgerWorkbook, LEDGER_SHEETS, FIGURE_LABELS, stageFigureLabel, SUPERVISION_EVENT_TYPES, type ReadLedger } from '@zhengdun/campaigns';
import { MEASURE_STATUS_LABELS, ORG_DOMAIN_LABELS, STAGE_LABELS, STAGES, type Actor, type CampaignPolicy, type OpenCaseInput } from '@zhengdun/domain';
import type { CaseSnapshot } from '@zhengdun/workflows';
import { CampaignProgressRepository, CaseQueryRepository, type CaseRecordEntity } from '@zhengdun/persistence';
import { ALL_CHECKS, caseInput, committee, completeVerified, county, COUNTY, measuresFor, secretaryOf, SECONDS_POLICY, testCampaign, assessmentOf } from '../support/cases';
import { eventually } from '../support/environment';
import { expectReadModelMatchesWorkflows } from '../support/read-model-consistency';
import { startCampaignEnv, type CampaignTestEnv } from './support/campaign-env';

let env: CampaignTestEnv;
const POLICY: CampaignPolicy = { ...SECONDS_POLICY, reviewDelay: { amount: 600, unit: 'seconds' }, escalationInterval: { amount: 1, unit: 'seconds' }, reminderLead: { amount: 1, unit: 'seconds' } };
const { campaign } = testCampaign(POLICY);
const HEKOU = '河口镇';

beforeAll(async () => {
  env = await startCampaignEnv('ledger');
});

afterAll(async () => {
  await env?.terminateRunning();
  await env?.stop();
});

function input(domain: Parameters<typeof caseInput>[0], options: { withTeam?: boolean; township?: string } = {}): OpenCaseInput {
  const base = caseInput(domain, { policy: POLICY, withTeam: options.withTeam });
  return { ...base, campaign, org: { ...base.org, township: options.township ?? base.org.township } };
}

/**
 * The overdue case's accountability as people record it: the talk the system proposes for the first
 * lapse is held by the committee; the measures are then done, a new one falls overdue, the second
 * proposed talk is held by the county, and the county decides the organizational handling proposed.
 */
async function talkTwiceAndDecide(caseId: string, secretary: Actor, hekou: Actor): Promise<void> {
  const proposal = async (n: number) =>
    eventually(async () => {
      const state = await env.cases.state(caseId);
      return (state.escalation.proposals ?? []).length >= n ? state.escalation.proposals![n - 1] : undefined;
    }, 20_000, `talk proposal ${n}`);
  const talk = (proposalId: string) => ({ type: 'recordTalk' as const, proposalId, heldAt: new Date().toISOString(), talkedTo: ['branch_secretary' as const], record: '指出逾期问题，要求限期整改' });
  await env.cases.act(caseId, hekou, talk((await proposal(1)).id));
  for (const measure of (await env.cases.state(caseId)).measures.filter((m) => m.status === 'pending')) {
    await completeVerified(env.cases, caseId, measure.id, '已整改', hekou);
  }
  await env.cases.act(caseId, hekou, { type: 'addMeasures', measures: measuresFor(await env.cases.state(caseId), 2_000).slice(0, 1) });
  const after = await env.cases.act(caseId, county, talk((await proposal(2)).id));
  const handling = after.escalation.proposals!.find((p) => p.kind === 'organizational_handling')!;
  await env.cases.act(caseId, county, { type: 'decideHandling', proposalId: handling.id, decision: 'adjust_secretary', reason: '累计约谈两次，调整支部书记' });
}

/** Four cases: in remediation, overdue through two talks, delisted, and still identified. */
async function openCases(): Promise<string[]> {
  const remediating = input('rural');
  const overdue = input('community', { township: HEKOU });
  const delisted = input('state_owned_enterprise', { township: HEKOU });
  const identified = input('school', { withTeam: false });
  const ids = await Promise.all([remediating, overdue, delisted, identified].map((i) => env.cases.open(i, county)));

  let state: CaseSnapshot = await env.cases.state(ids[0]);
  state = await env.cases.act(ids[0], secretaryOf(remediating.org.code), { type: 'submitPlan', measures: measuresFor(state, 600_000) });
  state = await env.cases.act(ids[0], committee, { type: 'approvePlan' });
  await completeVerified(env.cases, ids[0], state.measures[0].id, '已补选村委委员一名');

  const hekou = { ...committee, scope: { level: 'township' as const, county: COUNTY, township: HEKOU } };
  state = await env.cases.state(ids[1]);
  state = await env.cases.act(ids[1], secretaryOf(overdue.org.code), { type: 'submitPlan', measures: measuresFor(state, 2_000) });
  await env.cases.act(ids[1], hekou, { type: 'approvePlan' });

  state = await env.cases.state(ids[2]);
  state = await env.cases.act(ids[2], secretaryOf(delisted.org.code), { type: 'submitPlan', measures: measuresFor(state, 600_000) });
  await env.cases.act(ids[2], hekou, { type: 'approvePlan' });
  // The 河口镇 committee starts the publicity once every measure is done.
  for (const measure of (await env.cases.state(ids[2])).measures) {
    await completeVerified(env.cases, ids[2], measure.id, '已整改到位', hekou);
  }
  await env.cases.act(ids[2], hekou, { type: 'startPublicity' });
  await env.cases.rateSatisfaction(ids[2], { ratingId: `${ids[2]}-r1`, level: 'satisfied' });
  await eventually(async () => (await env.cases.state(ids[2])).stage === 'preliminary_acceptance', 20_000, 'publicity to end');
  await env.cases.act(ids[2], hekou, { type: 'recordPreliminaryAcceptance', checks: ALL_CHECKS, opinion: '合格' });
  await env.cases.act(ids[2], county, { type: 'recordCountyAcceptance', checks: ALL_CHECKS, opinion: '同意销号', assessment: assessmentOf(90) });

  await talkTwiceAndDecide(ids[1], secretaryOf(overdue.org.code), hekou);
  await expectReadModelMatchesWorkflows(env.db.dataSource, env.cases, { caseIds: ids, timeoutMs: 20_000 });
  return ids;
}

async function readModel(where = ''): Promise<CaseRecordEntity[]> {
  const qb = env.db.dataSource.getRepository('CaseRecordEntity').createQueryBuilder('r').where('r.campaign_id = :id', { id: campaign.id });
  if (where) qb.andWhere(where);
  return (await qb.orderBy('r.org_code').getMany()) as CaseRecordEntity[];
}

function byCode(ledger: ReadLedger) {
  return new Map(ledger.cases.map((row) => [String(row['组织代码']), row] as const));
}

it('exports a campaign ledger that shows the same cases and figures as the read model', async () => {
  const ids = await openCases();
  const exported = await exportLedger(env.db.dataSource, { county: COUNTY, campaignId: campaign.id });
  expect(exported).toMatchObject({ cases: 4, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  expect(exported.fileName).toMatch(new RegExp(`^整顿台账-${campaign.id}-\\d{8}\\.xlsx$`));
  const ledger = await readLedgerWorkbook(exported.content);
  const rows = await readModel();
  expect(ledger.title).toBe(`${COUNTY}${campaign.name}台账`);

  // Cases: one row each, with the read model's figures.
  const cases = byCode(ledger);
  expect([...cases.keys()].sort()).toEqual(rows.map((r) => r.orgCode).sort());
  for (const row of rows) {
    const line = cases.get(row.orgCode)!;
    expect(line).toMatchObject({
      组织名称: row.orgName,
      领域: ORG_DOMAIN_LABELS[row.domain],
      '所属乡镇/党(工)委': row.township,
      当前阶段: STAGE_LABELS[row.stage],
      整顿轮次: row.round,
      问题数: row.problemCount,
      未解决问题: row.openProblemCount,
      整改措施: row.measureCount,
      已完成措施: row.measuresDone,
      约谈次数: row.talks,
      是否逾期: row.overdue ? '是' : '否',
      提请组织处理: row.organizationalHandling ? '是' : '否',
      整顿对象编号: row.caseId,
      群众满意率: row.satisfactionRate,
    });
  }
  expect(cases.get(rows.find((r) => r.caseId === ids[1])!.orgCode)).toMatchObject({ 督办等级: '提请组织处理', 约谈次数: 2, 是否逾期: '是' });
  expect(cases.get(rows.find((r) => r.caseId === ids[2])!.orgCode)!['销号时间']).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // Problems, measures (with owners and dates) and the supervision record, row for row.
  expect(ledger.problems).toHaveLength(rows.reduce((n, r) => n + r.state.problems.length, 0));
  expect(ledger.measures).toHaveLength(rows.reduce((n, r) => n + r.state.measures.length, 0));
  expect(ledger.measures.filter((m) => m['状态'] === MEASURE_STATUS_LABELS.done)).toHaveLength(rows.reduce((n, r) => n + r.state.measures.filter((m) => m.status === 'done').length, 0));
  expect(ledger.measures.every((m) => typeof m['责任人'] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(String(m['完成时限'])))).toBe(true);
  const events: { count: string }[] = await env.db.dataSource.query(
    `SELECT count(*) FROM case_event WHERE case_id = ANY($1) AND type = ANY($2)`,
    [rows.map((r) => r.caseId), SUPERVISION_EVENT_TYPES],
  );
  expect(ledger.supervision).toHaveLength(Number(events[0].count));
  expect(ledger.supervision.filter((s) => s['督办类型'] === '约谈')).toHaveLength(2);
  expect(ledger.supervision.filter((s) => s['督办类型'] === '提请组织处理')).toHaveLength(1);
  expect(ledger.supervision.filter((s) => s['督办类型'] === '提请约谈')).toHaveLength(2);
  expect(ledger.supervision.filter((s) => s['督办类型'] === '组织处理决定')).toHaveLength(1);

  // Figures: the same as the campaign's figures and the dashboard read from the read model.
  const figures = await new CampaignProgressRepository(env.db.dataSource).figures(campaign.id);
  const dashboard = await new CaseQueryRepository(env.db.dataSource).dashboard({ scope: { level: 'county', county: COUNTY }, campaignId: campaign.id });
  expect(ledger.figures[FIGURE_LABELS.total]).toBe(figures.total);
  expect(ledger.figures[FIGURE_LABELS.total]).toBe(dashboard.total);
  for (const stage of STAGES) expect(ledger.figures[stageFigureLabel(stage)]).toBe(figures.byStage[stage]);
  expect(ledger.figures[FIGURE_LABELS.overdue]).toBe(dashboard.overdue);
  expect(ledger.figures[FIGURE_LABELS.organizationalHandling]).toBe(dashboard.escalationsByLevel['3']);
  expect(ledger.figures[FIGURE_LABELS.talks]).toBe(figures.talks);
  expect(ledger.figures[FIGURE_LABELS.converted]).toBe(dashboard.converted);
  expect(ledger.figures[FIGURE_LABELS.conversionRate]).toBeCloseTo(dashboard.conversionRate!);
  expect(ledger.byTownship.map((t) => [t['乡镇/党(工)委'], t['整顿对象']])).toEqual(
    Object.entries(dashboard.byTownship).sort(([a], [b]) => a.localeCompare(b, 'zh-CN')),
  );

  // Ready to print: frozen header, landscape, fitted to the page width, header repeated on every page.
  for (const sheet of Object.values(LEDGER_SHEETS)) {
    expect(ledger.layout[sheet]).toMatchObject({ frozenRows: 1, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
    expect(ledger.layout[sheet].widths.every((w) => w > 0)).toBe(true);
  }
});

it('exports a township’s and a domain’s ledger with only their cases', async () => {
  const township = await readLedgerWorkbook((await exportLedger(env.db.dataSource, { county: COUNTY, campaignId: campaign.id, township: HEKOU })).content);
  const hekou = await readModel(`r.township = '${HEKOU}'`);
  expect([...byCode(township).keys()].sort()).toEqual(hekou.map((r) => r.orgCode).sort());
  expect(township.title).toContain(`（${HEKOU}）`);
  expect(township.figures[FIGURE_LABELS.total]).toBe(hekou.length);

  const domain = await readLedgerWorkbook((await exportLedger(env.db.dataSource, { county: COUNTY, domain: 'rural' })).content);
  const rural = await readModel(`r.domain = 'rural'`);
  expect([...byCode(domain).keys()].sort()).toEqual(rural.map((r) => r.orgCode).sort());
  expect(domain.cases.every((c) => c['领域'] === '农村')).toBe(true);

  const nobody = await exportLedger(env.db.dataSource, { county: '别的县' });
  expect(nobody.cases).toBe(0);
});
