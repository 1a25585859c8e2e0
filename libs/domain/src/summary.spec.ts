import { fire, objectionReceived, publicNotice, scheduledEvents, stageDurations, summarize, type CaseState } from '@zhengdun/domain';
import { act, ACTORS, at, ctxAt, findEvent, fireAt, planFor, REVIEW_ALL_PASS, walkTo } from './testing/fixtures';

const TEAM_IDS = ['lead-county', 'lead-township', 'lead-first', 'lead-agency'];

describe('summarize', () => {
  it('an assigned case: what it owes, by when, and who is named on it', () => {
    const { state } = walkTo('assigned');
    expect(summarize(state, at(50))).toEqual({
      caseId: 'case:c2025:610722-BW-001',
      campaignId: 'c2025',
      county: '城固县',
      orgCode: '610722-BW-001',
      orgName: '博望镇柳营村党支部',
      domain: 'rural',
      township: '博望镇',
      isKeyVillage: false,
      stage: 'assigned',
      round: 1,
      overdue: false,
      escalationLevel: 0,
      talks: 0,
      organizationalHandling: false,
      problemCount: 2,
      openProblemCount: 2,
      measureCount: 0,
      measuresDone: 0,
      measuresReported: 0,
      personIds: ['sec-1', ...TEAM_IDS],
      satisfactionRate: null,
      nextDueAt: at(100),
      stageEnteredAt: at(0),
      delistedAt: null,
      createdAt: at(0),
      updatedAt: at(0),
      seq: state.timeline.length,
    });
    expect(summarize(state, at(100)).overdue).toBe(true);
  });

  it('in remediation: measures done, problems closed, the earliest due date and measure owners', () => {
    let { state } = walkTo('remediating');
    state = act(
      state,
      { type: 'addMeasures', measures: [{ problemId: 'p2', description: '村民代表参与纠纷调处', ownerId: 'villager-1', ownerName: '村民代表周某', dueAt: at(450) }] },
      ACTORS.secretary,
      21,
    ).state;
    state = act(state, { type: 'completeMeasure', measureId: 'm1', evidence: '新书记到任' }, ACTORS.secretary, 22).state;
    const summary = summarize(state, at(30));
    expect(summary).toMatchObject({
      stage: 'remediating',
      problemCount: 2,
      openProblemCount: 1, // p1's only measure is done; p2 still has two open
      measureCount: 3,
      measuresDone: 1,
      nextDueAt: at(320), // the report comes before the measures (450, 501)
      stageEnteredAt: at(20),
      updatedAt: at(22),
      overdue: false,
    });
    expect(summary.personIds).toEqual(['sec-1', ...TEAM_IDS, 'villager-1']);
  });

  it('reflects escalation', () => {
    let { state } = walkTo('assigned');
    for (const event of scheduledEvents(state)) state = fire(state, event, ctxAt(200)).state;
    expect(summarize(state, at(200))).toMatchObject({ overdue: true, escalationLevel: 3, talks: 2, organizationalHandling: true });
  });

  it('a delisted case: satisfaction, delisting time, nothing open or owed', () => {
    const { state } = walkTo('delisted');
    expect(summarize(state, at(500))).toMatchObject({
      stage: 'delisted',
      satisfactionRate: 1,
      delistedAt: at(110),
      stageEnteredAt: at(110),
      openProblemCount: 0,
      measureCount: 2,
      measuresDone: 2,
      overdue: false,
      nextDueAt: null,
    });
  });

  it('a reopened case counts round 2 measures only and the problems still open', () => {
    const { state: reviewing } = walkTo('follow_up_review');
    let state = act(
      reviewing,
      {
        type: 'recordFollowUpReview',
        checks: { ...REVIEW_ALL_PASS, mechanismsWorking: false },
        opinion: '反弹',
        reboundedProblemIds: ['p2'],
        newProblems: [{ category: 'lax_member_management', description: '流动党员失联' }],
      },
      ACTORS.committee,
      1120,
    ).state;
    state = act(state, { type: 'submitPlan', measures: planFor(state, 1500) }, ACTORS.secretary, 1130).state;
    expect(summarize(state, at(1130))).toMatchObject({ round: 2, problemCount: 3, openProblemCount: 2, measureCount: 2, measuresDone: 0 });
  });
});

describe('stageDurations', () => {
  it('adds up the time spent in each stage; the current stage runs until now', () => {
    const { state } = walkTo('remediating');
    expect(stageDurations(state, at(100))).toEqual({ identified: 0, assigned: 10_000, planning: 10_000, remediating: 80_000 });
  });

  it('an archived case stops counting', () => {
    const { state } = walkTo('archived');
    expect(stageDurations(state, at(99_999))).toEqual({
      identified: 0,
      assigned: 10_000,
      planning: 10_000,
      remediating: 20_000,
      publicizing: 50_000,
      preliminary_acceptance: 10_000,
      county_acceptance: 10_000,
      delisted: 1_000_000,
      follow_up_review: 10_000,
      archived: 0,
    });
  });

  it('a stage visited twice is summed', () => {
    let { state } = walkTo('preliminary_acceptance');
    state = act(state, { type: 'recordPreliminaryAcceptance', checks: { ledger: false, plan: true, results: true }, opinion: '台账不全' }, ACTORS.committee, 100).state;
    state = act(state, { type: 'startPublicity' }, ACTORS.committee, 130).state;
    expect(stageDurations(state, at(140)).remediating).toBe(20_000 + 30_000);
    expect(stageDurations(state, at(140)).publicizing).toBe(50_000 + 10_000);
  });
});

describe('publicNotice (what the public may see)', () => {
  it('shows nothing before the plan is approved and posted', () => {
    for (const stage of ['identified', 'assigned', 'planning'] as const) expect(publicNotice(walkTo(stage).state)).toBeNull();
  });

  it('shows the approved plan: problems, measures with owner name and due date', () => {
    const { state } = walkTo('remediating');
    expect(publicNotice(state)).toEqual({
      caseId: state.caseId,
      orgName: '博望镇柳营村党支部',
      township: '博望镇',
      stage: 'remediating',
      round: 1,
      problems: [
        { id: 'p1', description: '支部书记年龄偏大，工作不在状态', status: 'open' },
        { id: 'p2', description: '土地流转纠纷长期信访', status: 'open' },
      ],
      measures: state.measures.map((m) => ({ id: m.id, problemId: m.problemId, description: m.description, ownerName: '王建国', dueAt: m.dueAt, status: 'pending' })),
      planPublicizedAt: at(20),
      publicity: null,
      objectionsReceived: 0,
      objectionsResolved: 0,
      acceptingObjections: false,
      acceptingRatings: false,
      results: [],
      audience: { members: '党员群众', people: '群众' },
    });
  });

  it('addresses an enterprise’s staff: 党员职工', () => {
    const { state } = walkTo('remediating', { org: { domain: 'state_owned_enterprise', isKeyVillage: false } });
    expect(publicNotice(state)?.audience).toEqual({ members: '党员职工', people: '职工' });
  });

  it('during publicity: counts objections but never shows their contents, reasons or who rated', () => {
    let { state } = walkTo('publicizing');
    state = objectionReceived(state, 'obj-secret-1', '举报人李四：书记亲属违规承包集体土地', ctxAt(50)).state;
    state = objectionReceived(state, 'obj-secret-2', '举报人王五：账目不公开', ctxAt(51)).state;
    state = act(state, { type: 'resolveObjection', objectionId: 'obj-secret-2', decision: 'dismissed', reason: '经核查王五所述账目已公开' }, ACTORS.committee, 60).state;
    const notice = publicNotice(state)!;
    expect(notice).toMatchObject({
      stage: 'publicizing',
      objectionsReceived: 2,
      objectionsResolved: 1,
      acceptingObjections: true,
      acceptingRatings: true,
      publicity: { startedAt: at(40), endsAt: at(90) },
    });
    expect(notice.measures.map((m) => [m.status, m.completedAt])).toEqual([
      ['done', at(30)],
      ['done', at(31)],
    ]);
    const text = JSON.stringify(notice);
    for (const secret of ['李四', '王五', '违规承包', 'obj-secret', '经核查', 'rating-1', 'sec-1', 'u-committee']) expect(text).not.toContain(secret);
  });

  it('after acceptance: shows the results, no longer takes objections or ratings once delisted', () => {
    const { state } = walkTo('delisted');
    const notice = publicNotice(state)!;
    expect(notice.results).toEqual([
      { level: 'preliminary', at: at(100), passed: true },
      { level: 'county', at: at(110), passed: true },
    ]);
    expect(notice).toMatchObject({ acceptingObjections: false, acceptingRatings: false });
    expect(notice.problems.map((p) => p.status)).toEqual(['resolved', 'resolved']);
  });

  it('is still shown in a second round, with that round’s measures', () => {
    const { state: reviewing } = walkTo('follow_up_review');
    let state: CaseState = act(
      reviewing,
      { type: 'recordFollowUpReview', checks: REVIEW_ALL_PASS, opinion: '新发现', reboundedProblemIds: [], newProblems: [{ category: 'irregular_dues', description: '党费未按月收缴' }] },
      ACTORS.committee,
      1120,
    ).state;
    const notice = publicNotice(state)!;
    expect(notice.round).toBe(2);
    expect(notice.measures).toEqual([]);
    state = act(state, { type: 'submitPlan', measures: planFor(state, 1500) }, ACTORS.secretary, 1130).state;
    state = act(state, { type: 'approvePlan' }, ACTORS.committee, 1131).state;
    expect(publicNotice(state)!.measures.map((m) => m.problemId)).toEqual(['p3']);
    expect(publicNotice(state)!.planPublicizedAt).toBe(at(1131));
  });

  it('the publicity period ending is visible as the case moving on', () => {
    const { state } = walkTo('publicizing');
    const ended = fireAt(state, findEvent(state, 'publicity_period_ended')).state;
    expect(publicNotice(ended)).toMatchObject({ stage: 'preliminary_acceptance', acceptingObjections: false, acceptingRatings: true });
  });
});
