/**
 * The campaign's progress over time (GET /campaigns/:id/progress) on the real stack: cases driven
 * through stages by the API, their timeline rows then spread over three days (one move at 23:30 and
 * one at 00:30 Beijing time, to pin the day boundary), and the counts per day held against what each
 * case's own stage history says; today's counts against the dashboard; the burn-down against the
 * counts, the ideal line reaching zero on the end date; each user sees its own scope.
 */
import { STAGE_LABELS, STAGES, isUnderRectification, type Actor, type CaseState, type Stage, type StageChange } from '@zhengdun/domain';
import { campaignBody, newOrgCode, openCaseBody } from '../support/api-fixtures';
import { enc, startApiHarness, type ApiHarness } from '../support/api-harness';
import { committee, county, measuresFor, otherCommittee, secretaryOf } from '../support/cases';
import { eventually } from '../support/environment';

let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness('api-progress');
});

afterAll(async () => {
  await h?.stop();
});

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;
/** The Beijing date of an instant. */
const beijingDate = (ms: number) => new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
/** The instant of hh:mm Beijing time, `daysAgo` Beijing days before today. */
function beijingAt(daysAgo: number, hours: number, minutes: number): Date {
  const today = beijingDate(Date.now());
  return new Date(Date.parse(`${today}T00:00:00Z`) - daysAgo * DAY_MS + (hours * 60 + minutes) * 60_000 - BEIJING_OFFSET_MS);
}

type CaseView = CaseState;

async function act(caseId: string, action: string, as: Actor, body: unknown = {}): Promise<CaseView> {
  const response = await h.post(`/cases/${enc(caseId)}/actions/${action}`, { as, body });
  if (response.status !== 200) throw new Error(`${action} answered ${response.status}: ${response.text}`);
  return response.body;
}

async function caseView(caseId: string): Promise<CaseView> {
  const response = await h.get(`/cases/${enc(caseId)}`, { as: county });
  expect(response.status).toBe(200);
  return response.body.case;
}

/** A case of `township` opened with its team (so 已落实包抓), moved on by the API to `until`. */
async function caseIn(campaignId: string, township: string, until: 'assigned' | 'planning' | 'remediating'): Promise<string> {
  const orgCode = newOrgCode();
  const opened = await h.post(`/campaigns/${campaignId}/cases`, { as: county, body: openCaseBody('rural', { orgCode, township }) });
  expect(opened.status).toBe(201);
  const caseId: string = opened.body.caseId;
  let state = await eventually(async () => {
    const view = await caseView(caseId);
    return view.stage === 'assigned' ? view : undefined;
  }, 20_000, 'assigned');
  if (until === 'assigned') return caseId;
  const approver = township === '河口镇' ? otherCommittee : committee;
  state = await act(caseId, 'submitPlan', secretaryOf(orgCode), { measures: measuresFor(state, 7 * DAY_MS) });
  if (until === 'planning') return caseId;
  state = await act(caseId, 'approvePlan', approver, { comment: '同意按此方案实施' });
  expect(state.stage).toBe('remediating');
  return caseId;
}

/** Waits until the read model's timeline has caught up with the case's stage (the projection is asynchronous). */
async function timelineRows(caseId: string, stage: Stage): Promise<{ seq: number; at: Date; type: string; summary: string }[]> {
  return eventually(async () => {
    const rows: { seq: number; at: Date; type: string; summary: string }[] = await h.db.dataSource.query(
      `SELECT seq, at, type, summary FROM case_event WHERE case_id = $1 ORDER BY seq`,
      [caseId],
    );
    const last = [...rows].reverse().find((row) => row.type === 'stage_changed');
    return last?.summary.includes(STAGE_LABELS[stage]) ? rows : undefined;
  }, 20_000, `the timeline of ${caseId} reaching ${stage}`);
}

/**
 * Moves a case's timeline rows (and, by the same map, its own stage history) to other instants, as if
 * the case had moved on earlier days: `when(row)` gives the new instant of a row, or undefined to keep it.
 */
async function reschedule(caseId: string, rows: Awaited<ReturnType<typeof timelineRows>>, when: (row: { type: string; summary: string; index: number }) => Date | undefined): Promise<Map<number, number>> {
  const moved = new Map<number, number>();
  for (const [index, row] of rows.entries()) {
    const at = when({ ...row, index });
    if (!at) continue;
    await h.db.dataSource.query(`UPDATE case_event SET at = $3 WHERE case_id = $1 AND seq = $2`, [caseId, row.seq, at]);
    moved.set(new Date(row.at).getTime(), at.getTime());
  }
  return moved;
}

/** The case's stage at the end of each Beijing day, from its own state: opened in 摸排确定, then its history. */
function stageOnDay(state: CaseView, moved: Map<number, number>, date: string): Stage | null {
  const shift = (iso: string) => moved.get(Date.parse(iso)) ?? Date.parse(iso);
  if (beijingDate(shift(state.createdAt)) > date) return null;
  let stage: Stage = 'identified';
  for (const change of state.history as StageChange[]) if (beijingDate(shift(change.at)) <= date) stage = change.to;
  return stage;
}

interface ProgressBody {
  startsOn: string;
  endsOn: string;
  today: string;
  listed: number;
  stages: { stage: Stage; label: string }[];
  days: { date: string; byStage: Record<Stage, number> | null; remaining: number | null; ideal: number }[];
}

it('counts the cases in each stage at the end of each day from their timelines, and the work left against the end date', async () => {
  const endsAt = new Date(Date.now() + 20 * DAY_MS);
  const campaign = await h.post('/campaigns', { as: county, body: campaignBody(undefined, { name: '2026年整顿进度走势', endsAt: endsAt.toISOString() }) });
  expect(campaign.status).toBe(201);
  const campaignId: string = campaign.body.id;
  // The campaign began three days ago.
  await h.db.dataSource.query(`UPDATE campaign SET created_at = $2 WHERE id = $1`, [campaignId, beijingAt(3, 9, 0)]);

  const a = await caseIn(campaignId, '青山镇', 'remediating');
  const b = await caseIn(campaignId, '青山镇', 'planning');
  const c = await caseIn(campaignId, '河口镇', 'assigned');
  await timelineRows(c, 'assigned');

  // A: listed and assigned two days ago, plan submitted yesterday at 23:30, approved today.
  const aRows = await timelineRows(a, 'remediating');
  const toPlanning = aRows.findIndex((row) => row.type === 'stage_changed' && row.summary.includes(`→ ${STAGE_LABELS.planning}`));
  const toRemediating = aRows.findIndex((row) => row.type === 'stage_changed' && row.summary.includes(`→ ${STAGE_LABELS.remediating}`));
  expect(toPlanning).toBeGreaterThan(0);
  expect(toRemediating).toBeGreaterThan(toPlanning);
  const movedA = await reschedule(a, aRows, ({ index }) => (index < toPlanning ? beijingAt(2, 10, 0) : index < toRemediating ? beijingAt(1, 23, 30) : undefined));
  // B: everything yesterday at 00:30 Beijing time — still the day before in UTC.
  const bRows = await timelineRows(b, 'planning');
  const movedB = await reschedule(b, bRows, () => beijingAt(1, 0, 30));
  expect(new Date(beijingAt(1, 0, 30)).toISOString().slice(0, 10)).not.toBe(beijingDate(beijingAt(1, 0, 30).getTime()));

  const progress = await h.get(`/campaigns/${campaignId}/progress`, { as: county });
  expect(progress.status).toBe(200);
  const body = progress.body as ProgressBody;
  const today = beijingDate(Date.now());
  expect(body).toMatchObject({ startsOn: beijingDate(beijingAt(3, 9, 0).getTime()), endsOn: beijingDate(endsAt.getTime()), today, listed: 3 });
  expect(body.stages.map((s) => s.stage)).toEqual([...STAGES]);
  expect(body.stages.map((s) => s.label)).toEqual(STAGES.map((stage) => STAGE_LABELS[stage]));
  // Every day from the start to the end date; counted up to today.
  expect(body.days[0].date).toBe(body.startsOn);
  expect(body.days[body.days.length - 1].date).toBe(body.endsOn);
  expect(body.days.length).toBe(24);
  const counted = body.days.filter((day) => day.byStage !== null);
  expect(counted.map((day) => day.date)).toEqual(body.days.slice(0, 4).map((day) => day.date));
  expect(counted[counted.length - 1].date).toBe(today);

  // Each day's counts are what the cases' own histories say.
  const states = await Promise.all([a, b, c].map(caseView));
  const moves = [movedA, movedB, new Map<number, number>()];
  for (const day of counted) {
    const expected = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
    states.forEach((state, index) => {
      const stage = stageOnDay(state, moves[index], day.date);
      if (stage) expected[stage] += 1;
    });
    expect({ date: day.date, byStage: day.byStage }).toEqual({ date: day.date, byStage: expected });
    expect(day.remaining).toBe(STAGES.filter(isUnderRectification).reduce((sum, stage) => sum + expected[stage], 0));
  }
  // And, written out: nothing on the first day; A assigned; A and B in planning (B's 00:30 counts in Beijing's day); today A rectifying.
  const nonzero = (day: ProgressBody['days'][number]) => Object.fromEntries(Object.entries(day.byStage ?? {}).filter(([, n]) => n > 0));
  expect(counted.map(nonzero)).toEqual([{}, { assigned: 1 }, { planning: 2 }, { remediating: 1, planning: 1, assigned: 1 }]);

  // Today agrees with the dashboard (counted from case_record, not the timeline).
  const dashboard = await h.get(`/dashboard/summary?campaignId=${campaignId}`, { as: county });
  expect(Object.fromEntries(Object.entries(dashboard.body.byStage as Record<string, number>).filter(([, n]) => n > 0))).toEqual(nonzero(counted[3]));

  // The ideal line: all three listed, at an even pace to zero on the end date.
  expect(body.days[0].ideal).toBe(3);
  expect(body.days[body.days.length - 1].ideal).toBe(0);
  expect(body.days.every((day, i) => i === 0 || day.ideal <= body.days[i - 1].ideal)).toBe(true);
  expect(body.days.slice(4).every((day) => day.byStage === null && day.remaining === null)).toBe(true);

  // A township committee sees its township only; the other township its own.
  const qingshan = (await h.get(`/campaigns/${campaignId}/progress`, { as: committee })).body as ProgressBody;
  expect(qingshan.listed).toBe(2);
  expect(qingshan.days.filter((day) => day.byStage).map(nonzero)).toEqual([{}, { assigned: 1 }, { planning: 2 }, { remediating: 1, planning: 1 }]);
  const hekou = (await h.get(`/campaigns/${campaignId}/progress`, { as: otherCommittee })).body as ProgressBody;
  expect(hekou.days.filter((day) => day.byStage).map(nonzero)).toEqual([{}, {}, {}, { assigned: 1 }]);
});

it('refuses a malformed campaign id, and answers 404 for a campaign of another county, in Chinese', async () => {
  const malformed = await h.get('/campaigns/not%20an%20id!/progress', { as: county });
  expect(malformed.status).toBe(400);
  const elsewhere: Actor = { ...county, userId: 'other-county', scope: { level: 'county', county: '别的县' } };
  const campaign = await h.post('/campaigns', { as: county, body: campaignBody(undefined, { name: '2026年整顿（他县不可见）' }) });
  const hidden = await h.get(`/campaigns/${campaign.body.id}/progress`, { as: elsewhere });
  expect(hidden.status).toBe(404);
  expect(hidden.body.detail).toMatch(/[\u4e00-\u9fa5]/);
});
