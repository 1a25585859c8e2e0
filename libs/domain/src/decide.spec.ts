import {
  CASE_ACTIONS,
  actionsFor,
  authorize,
  CASE_ACTION_TYPES,
  decide,
  objectionReceived,
  ratingReceived,
  roleMayTake,
  RuleViolation,
  STAGES,
  USER_ROLES,
  type Actor,
  type CaseAction,
  type CaseActionType,
  type CaseState,
  type Stage,
  type UserRole,
} from '@zhengdun/domain';
import {
  act,
  ACTORS,
  ALL_CHECKS_PASS,
  COUNTY,
  ctxAt,
  expectViolation,
  OUTSIDERS,
  planFor,
  snapshot,
  TOWNSHIP,
  walkTo,
} from './testing/fixtures';

/** Who may do what, as docs/domain.md describes the users — written out, not read back from CASE_ACTIONS. */
const EXPECTED_ROLES: Record<CaseActionType, UserRole[]> = {
  assignTeam: ['county_department', 'township_committee'],
  submitPlan: ['branch_secretary'],
  returnPlan: ['township_committee'],
  approvePlan: ['township_committee'],
  addMeasures: ['township_committee', 'branch_secretary'],
  approveMeasures: ['township_committee'],
  completeMeasure: ['assigned_leader', 'branch_secretary'],
  reportMeasureDone: ['assigned_leader', 'branch_secretary'],
  verifyMeasure: ['township_committee'],
  reportProgress: ['assigned_leader', 'branch_secretary', 'township_committee'],
  submitExplanation: ['branch_secretary'],
  startPublicity: ['township_committee'],
  resolveObjection: ['township_committee'],
  recordPreliminaryAcceptance: ['township_committee'],
  recordCountyAcceptance: ['county_department'],
  recordFollowUpReview: ['county_department', 'township_committee'],
  recordTalk: ['county_department', 'township_committee'],
  declineTalk: ['county_department', 'township_committee'],
  decideHandling: ['county_department'],
  reviewExplanation: ['township_committee'],
  replaceSecretary: ['county_department', 'township_committee'],
  setRectificationDeadline: ['county_department'],
  recordSupervision: ['county_department', 'township_committee'],
};

const ALL_BUT_ARCHIVED: Stage[] = ['identified', 'assigned', 'planning', 'remediating', 'publicizing', 'preliminary_acceptance', 'county_acceptance', 'delisted', 'follow_up_review'];

const EXPECTED_STAGES: Record<CaseActionType, Stage[]> = {
  assignTeam: ['identified', 'assigned', 'planning', 'remediating'],
  submitPlan: ['assigned', 'planning'],
  returnPlan: ['planning'],
  approvePlan: ['planning'],
  addMeasures: ['remediating'],
  approveMeasures: ['remediating'],
  completeMeasure: ['remediating'],
  reportMeasureDone: ['remediating'],
  verifyMeasure: ['remediating'],
  reportProgress: ['remediating', 'publicizing'],
  submitExplanation: ALL_BUT_ARCHIVED,
  startPublicity: ['remediating'],
  resolveObjection: ['publicizing'],
  recordPreliminaryAcceptance: ['preliminary_acceptance'],
  recordCountyAcceptance: ['county_acceptance'],
  recordFollowUpReview: ['follow_up_review'],
  recordTalk: ALL_BUT_ARCHIVED,
  declineTalk: ALL_BUT_ARCHIVED,
  decideHandling: ALL_BUT_ARCHIVED,
  reviewExplanation: ALL_BUT_ARCHIVED,
  replaceSecretary: ALL_BUT_ARCHIVED,
  setRectificationDeadline: ['assigned', 'planning', 'remediating'],
  recordSupervision: ALL_BUT_ARCHIVED,
};

/** The right person of each role for the fixture case. */
const ACTOR_OF: Record<UserRole, Actor> = {
  county_department: ACTORS.county,
  township_committee: ACTORS.committee,
  assigned_leader: ACTORS.leader,
  branch_secretary: ACTORS.secretary,
  auditor: ACTORS.auditor,
};

/** A person of that role whose scope does not cover the case. */
const OUT_OF_SCOPE: Record<Exclude<UserRole, 'auditor'>, Actor> = {
  county_department: OUTSIDERS.otherCountyDepartment,
  township_committee: OUTSIDERS.otherTownshipCommittee,
  branch_secretary: OUTSIDERS.otherVillageSecretary,
  assigned_leader: { ...ACTORS.leader, scope: { level: 'township', county: COUNTY, township: '原公镇' } },
};

const stateAt = Object.fromEntries(STAGES.map((stage) => [stage, walkTo(stage).state])) as Record<Stage, CaseState>;

function refusal(state: CaseState, type: CaseActionType, actor: Actor): string | null {
  try {
    authorize(state, type, actor);
    return null;
  } catch (error) {
    if (error instanceof RuleViolation) return error.code;
    throw error;
  }
}

describe('the fixture walk reaches every stage', () => {
  it.each(STAGES.map((s) => [s]))('%s', (stage) => {
    expect(stateAt[stage].stage).toBe(stage);
  });
});

describe('CASE_ACTIONS matches who does what in the domain', () => {
  it.each(CASE_ACTION_TYPES.map((t) => [t]))('%s', (type) => {
    expect([...CASE_ACTIONS[type].roles].sort()).toEqual([...EXPECTED_ROLES[type]].sort());
    expect([...CASE_ACTIONS[type].stages]).toEqual(EXPECTED_STAGES[type]);
  });

  it('every action is in the table', () => {
    expect([...CASE_ACTION_TYPES].sort()).toEqual(Object.keys(EXPECTED_ROLES).sort());
  });

  it('the auditor only reads', () => {
    for (const stage of STAGES) expect(actionsFor(stateAt[stage], { ...ACTORS.county, role: 'auditor' })).toEqual([]);
    for (const type of CASE_ACTION_TYPES) expect(roleMayTake('auditor', type)).toBe(false);
  });

  it('actionsFor offers each actor the actions of the stage', () => {
    // An explanation is offered only once one is asked for (then in any stage).
    expect(actionsFor(stateAt.assigned, ACTORS.secretary).sort()).toEqual(['submitPlan']);
    // 调整书记 is open to the committee and the county in every stage until the case is archived.
    expect(actionsFor(stateAt.planning, ACTORS.committee).sort()).toEqual(['approvePlan', 'assignTeam', 'recordSupervision', 'replaceSecretary', 'returnPlan']);
    expect(actionsFor(stateAt.publicizing, ACTORS.committee).sort()).toEqual(['recordSupervision', 'replaceSecretary', 'reportProgress', 'resolveObjection']);
    expect(actionsFor(stateAt.county_acceptance, ACTORS.county)).toEqual(['recordCountyAcceptance', 'replaceSecretary', 'recordSupervision']);
    expect(actionsFor(stateAt.remediating, ACTORS.leader).sort()).toEqual(['completeMeasure', 'reportProgress']);
    expect(actionsFor(stateAt.delisted, ACTORS.secretary)).toEqual([]);
  });

  it('actionsFor offers nothing to a person authorize() would refuse', () => {
    for (const stage of STAGES) {
      expect([stage, actionsFor(stateAt[stage], OUTSIDERS.otherVillageSecretary)]).toEqual([stage, []]);
      expect([stage, actionsFor(stateAt[stage], OUTSIDERS.anotherSecretaryInScope)]).toEqual([stage, []]);
      expect([stage, actionsFor(stateAt[stage], OUTSIDERS.leaderNotOnTeam)]).toEqual([stage, []]);
    }
    expect(actionsFor(stateAt.remediating, ACTORS.leader).length).toBeGreaterThan(0);
  });

  it('actionsFor offers what authorize lets through, less what has nothing to act on yet', () => {
    const actors = [...Object.values(ACTORS), ...Object.values(OUTSIDERS)] as Actor[];
    for (const stage of STAGES) {
      for (const actor of actors) {
        const allowed = CASE_ACTION_TYPES.filter((type) => refusal(stateAt[stage], type, actor) === null && (CASE_ACTIONS[type].offeredWhen?.(stateAt[stage], actor) ?? true));
        expect([stage, actor.userId, actionsFor(stateAt[stage], actor)]).toEqual([stage, actor.userId, allowed]);
      }
    }
  });
});

describe('authorize: every role × action × stage', () => {
  const openStages = STAGES.filter((s) => s !== 'archived');
  for (const type of CASE_ACTION_TYPES) {
    for (const role of USER_ROLES) {
      it(`${role} → ${type}`, () => {
        for (const stage of openStages) {
          const expected = !EXPECTED_ROLES[type].includes(role)
            ? 'role_not_permitted'
            : !EXPECTED_STAGES[type].includes(stage)
              ? // A case in 摸排确定 that waits for its team says which member is missing.
                stage === 'identified' && EXPECTED_STAGES[type].includes('assigned')
                ? 'team_incomplete'
                : 'wrong_stage'
              : null;
          expect([stage, refusal(stateAt[stage], type, ACTOR_OF[role])]).toEqual([stage, expected]);
        }
      });
    }
  }

  it('role_not_permitted lists the roles that may', () => {
    const error = expectViolation(() => authorize(stateAt.planning, 'approvePlan', ACTORS.secretary), 'role_not_permitted');
    expect(error.details).toEqual({ allowedRoles: ['township_committee'] });
  });

  it('wrong_stage names the stage and the allowed stages', () => {
    const error = expectViolation(() => authorize(stateAt.planning, 'startPublicity', ACTORS.committee), 'wrong_stage');
    expect(error.details).toEqual({ stage: 'planning', allowedStages: ['remediating'] });
    expect(error.messageZh).toContain('制定整顿方案');
  });

  it('an archived case refuses every action of every role', () => {
    for (const type of CASE_ACTION_TYPES) {
      for (const role of USER_ROLES) expect(refusal(stateAt.archived, type, ACTOR_OF[role])).toBe('case_closed');
    }
  });
});

describe('authorize: out of scope and wrong person', () => {
  for (const type of CASE_ACTION_TYPES) {
    const stage = EXPECTED_STAGES[type][0];
    for (const role of EXPECTED_ROLES[type]) {
      it(`${type}: a ${role} outside the case's county/township/organization is out of scope`, () => {
        expect(refusal(stateAt[stage], type, OUT_OF_SCOPE[role as Exclude<UserRole, 'auditor'>])).toBe('out_of_scope');
      });
    }
    if (EXPECTED_ROLES[type].includes('branch_secretary')) {
      it(`${type}: another branch secretary in scope is the wrong person`, () => {
        expect(refusal(stateAt[stage], type, OUTSIDERS.anotherSecretaryInScope)).toBe('wrong_person');
      });
    }
    if (EXPECTED_ROLES[type].includes('assigned_leader')) {
      it(`${type}: an assigned leader not on this team is the wrong person`, () => {
        expect(refusal(stateAt[stage], type, OUTSIDERS.leaderNotOnTeam)).toBe('wrong_person');
      });
    }
  }

  it('every member of the team counts as an assigned leader of the case', () => {
    for (const member of stateAt.remediating.team) {
      const leader: Actor = { userId: member.personId, name: member.name, role: 'assigned_leader', scope: { level: 'county', county: COUNTY } };
      expect(refusal(stateAt.remediating, 'reportProgress', leader)).toBeNull();
    }
  });

  it('a township committee sees only its township, the county department the whole county', () => {
    const enterprise = walkTo('planning', { org: { township: '县非公党工委' } }).state;
    expect(refusal(enterprise, 'approvePlan', ACTORS.committee)).toBe('out_of_scope');
    const sectorCommittee: Actor = { ...ACTORS.committee, scope: { level: 'township', county: COUNTY, township: '县非公党工委' } };
    expect(refusal(enterprise, 'approvePlan', sectorCommittee)).toBeNull();
    expect(refusal(enterprise, 'assignTeam', ACTORS.county)).toBeNull();
    expect(refusal(stateAt.planning, 'approvePlan', { ...ACTORS.committee, scope: { level: 'township', county: '洋县', township: TOWNSHIP } })).toBe('out_of_scope');
  });
});

describe('decide: refused actions change nothing', () => {
  const cases: [string, CaseState, CaseAction, Actor, string][] = [
    ['role not permitted', stateAt.planning, { type: 'approvePlan' }, ACTORS.secretary, 'role_not_permitted'],
    ['out of scope', stateAt.planning, { type: 'approvePlan' }, OUTSIDERS.otherTownshipCommittee, 'out_of_scope'],
    ['wrong stage', stateAt.assigned, { type: 'startPublicity' }, ACTORS.committee, 'wrong_stage'],
    ['wrong person', stateAt.assigned, { type: 'submitPlan', measures: planFor(stateAt.assigned) }, OUTSIDERS.anotherSecretaryInScope, 'wrong_person'],
    ['invalid plan', stateAt.assigned, { type: 'submitPlan', measures: [] }, ACTORS.secretary, 'invalid_plan'],
    ['no return reason', stateAt.planning, { type: 'returnPlan', reasons: [] }, ACTORS.committee, 'reason_required'],
    ['measures not done', walkTo('remediating').state, { type: 'startPublicity' }, ACTORS.committee, 'measures_incomplete'],
    ['unknown objection', stateAt.publicizing, { type: 'resolveObjection', objectionId: 'nope', decision: 'dismissed', reason: '不成立' }, ACTORS.committee, 'unknown_objection'],
    ['blank acceptance opinion', stateAt.preliminary_acceptance, { type: 'recordPreliminaryAcceptance', checks: ALL_CHECKS_PASS, opinion: ' ' }, ACTORS.committee, 'reason_required'],
    ['archived', stateAt.archived, { type: 'assignTeam', members: [] }, ACTORS.county, 'case_closed'],
  ];

  it.each(cases)('%s', (_label, state, action, actor, code) => {
    const before = snapshot(state);
    expectViolation(() => decide(state, action, actor, ctxAt(500)), code);
    expect(state).toEqual(before);
  });

  it('an accepted action returns a new state and leaves the input as it was', () => {
    const state = stateAt.planning;
    const before = snapshot(state);
    const { state: after } = act(state, { type: 'approvePlan' }, ACTORS.committee, 20);
    expect(after).not.toBe(state);
    expect(after.stage).toBe('remediating');
    expect(state).toEqual(before);
  });

  it('every accepted action is recorded in the timeline with the acting person, seq counting entries', () => {
    const { state: after } = act(stateAt.planning, { type: 'approvePlan' }, ACTORS.committee, 20);
    expect(after.seq).toBe(after.timeline.length);
    expect(after.timeline.map((t) => t.seq)).toEqual(after.timeline.map((_, i) => i + 1));
    const added = after.timeline.slice(stateAt.planning.timeline.length);
    expect(added.length).toBeGreaterThan(0);
    for (const entry of added) expect(entry.actor).toEqual({ userId: 'u-committee', name: '博望镇党委', role: 'township_committee' });
    expect(after.updatedAt).toBe(ctxAt(20).now);
  });

  it('public signals outside publicity are not accepted and return the same state', () => {
    const state = stateAt.remediating;
    const objection = objectionReceived(state, 'o1', '有意见', ctxAt(30));
    expect(objection).toMatchObject({ changed: false, notifications: [] });
    expect(objection.state).toBe(state);
    const rating = ratingReceived(state, 'r1', 'satisfied', ctxAt(30));
    expect(rating.changed).toBe(false);
    expect(rating.state).toBe(state);
  });
});

describe('the whole happy path through decide', () => {
  it('visits the stages in lifecycle order and records every change', () => {
    const { state } = walkTo('archived');
    expect(state.history.map((h) => h.to)).toEqual([...STAGES]);
    expect(state.history.map((h) => h.from)).toEqual([null, ...STAGES.slice(0, -1)]);
  });
});
