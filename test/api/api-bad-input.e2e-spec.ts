/**
 * Bad input to every endpoint: missing fields, wrong types, unknown fields, oversized and malformed
 * bodies, unknown ids, injection strings. Every answer is a 4xx problem (naming the field for a 400),
 * and afterwards no case, no read-model row and no timeline row has changed.
 */
import { CASE_ACTION_TYPES, type CaseActionType, type CaseState } from '@zhengdun/domain';
import { campaignBody, newOrgCode, openCaseBody } from '../support/api-fixtures';
import { enc, startApiHarness, type ApiHarness, type RequestOptions } from '../support/api-harness';
import { ALL_CHECKS, committee, county, leaderOf, measuresFor, REVIEW_OK, secretaryOf, teamFor, assessmentOf } from '../support/cases';
import { expectReadModelMatchesWorkflows } from '../support/read-model-consistency';
import { takeWriteSnapshot } from '../support/write-snapshot';

const SQL = "'; DROP TABLE case_record; --";
const XSS = '<script>alert(1)</script>';
const HUGE = 'x'.repeat(300 * 1024);

let h: ApiHarness;
let campaignId: string;
let assignedCase: string;
let remediatingCase: string;
let remediatingCode: string;
let unknownCase: string;

/** Everything these requests could have written (see write-snapshot.ts). */
const snapshot = () => takeWriteSnapshot(h.db.dataSource, h.cases);

interface BadRequest {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  options: RequestOptions;
  status: number;
  code?: string;
  /** For a 400: a field the problem must name. */
  field?: string;
}

const requests: BadRequest[] = [];
function bad(name: string, method: BadRequest['method'], path: string, options: RequestOptions, status: number, expectation: { code?: string; field?: string } = {}) {
  requests.push({ name, method, path, options, status, ...expectation });
}

/** A valid body per action against the assigned case (used to vary one thing at a time). */
function validBody(action: CaseActionType, state: CaseState): Record<string, unknown> {
  switch (action) {
    case 'assignTeam':
      // The township leader: a member both the county and the township committee may name.
      return { members: [teamFor('rural')[1]] };
    case 'submitPlan':
    case 'addMeasures':
      return { measures: measuresFor(state) };
    case 'returnPlan':
      return { reasons: ['措施不够具体'] };
    case 'approvePlan':
    case 'startPublicity':
      return {};
    case 'approveMeasures':
      return { comment: '同意补充措施' };
    case 'completeMeasure':
    case 'reportMeasureDone':
      return { measureId: 'm1', evidence: '已完成' };
    case 'verifyMeasure':
      return { measureId: 'm1', accepted: true, comment: '核验属实' };
    case 'replaceSecretary':
      return { personId: 'sec-new-1', name: '李选派', sentFrom: '县农业农村局', effectiveAt: '2026-01-01T09:00:00+08:00', reason: '原书记不胜任' };
    case 'recordSupervision':
      return { kind: 'covert', visitedAt: '2026-01-01T09:00:00+08:00', visitors: '县委组织部 张科长', findings: '党员活动室被占用' };
    case 'setRectificationDeadline':
      return { dueAt: '2099-06-30T00:00:00+08:00', reason: '本轮整顿截止后限期整改' };
    case 'reportProgress':
      return { summary: '本月召开党员大会1次' };
    case 'submitExplanation':
      return { dueItemKey: 'plan:r1', explanation: '书记住院' };
    case 'resolveObjection':
      return { objectionId: 'obj-1', decision: 'dismissed', reason: '不属实' };
    case 'recordPreliminaryAcceptance':
    case 'recordCountyAcceptance':
      return { checks: ALL_CHECKS, opinion: '合格' };
    case 'recordFollowUpReview':
      return { checks: REVIEW_OK, opinion: '未发现反弹', reboundedProblemIds: [], newProblems: [] };
    case 'recordTalk':
      return { proposalId: 'proposal-1', heldAt: '2026-01-01T09:00:00+08:00', talkedTo: ['branch_secretary'], record: '指出逾期问题' };
    case 'declineTalk':
      return { proposalId: 'proposal-1', reason: '已书面说明' };
    case 'decideHandling':
      return { proposalId: 'proposal-2', decision: 'admonishment', reason: '研究决定' };
    case 'reviewExplanation':
      return { lapseId: 'lapse-1', accepted: false, comment: '理由不成立' };
  }
}

/** Bodies that are wrong in their own way for each action: [name, body, field named]. */
function wrongBodies(action: CaseActionType, state: CaseState): [string, unknown, string][] {
  const [measure] = measuresFor(state);
  switch (action) {
    case 'assignTeam':
      return [
        ['members missing', {}, 'members'],
        ['members not an array', { members: 'all of them' }, 'members'],
        ['empty members', { members: [] }, 'members'],
        ['unknown team role', { members: [{ ...teamFor('rural')[0], teamRole: 'boss' }] }, 'members[0].teamRole'],
        ['injection as person id', { members: [{ ...teamFor('rural')[0], personId: SQL }] }, 'members[0].personId'],
        ['number as name', { members: [{ ...teamFor('rural')[0], name: 42 }] }, 'members[0].name'],
      ];
    case 'submitPlan':
    case 'addMeasures':
      return [
        ['measures missing', {}, 'measures'],
        ['measure not an object', { measures: ['do better'] }, 'measures[0]'],
        ['date that is not a date', { measures: [{ ...measure, dueAt: 'next Tuesday' }] }, 'measures[0].dueAt'],
        ['injection as problem id', { measures: [{ ...measure, problemId: SQL }] }, 'measures[0].problemId'],
        ['script as owner id', { measures: [{ ...measure, ownerId: XSS }] }, 'measures[0].ownerId'],
        ['too many measures', { measures: Array.from({ length: 201 }, () => measure) }, 'measures'],
        ...(action === 'submitPlan'
          ? ([
              ['root cause not an object', { measures: [measure], rootCauses: ['懒'] }, 'rootCauses[0]'],
              ['injection as a root cause’s problem', { measures: [measure], rootCauses: [{ problemId: SQL, cause: '原因' }] }, 'rootCauses[0].problemId'],
            ] satisfies [string, unknown, string][])
          : []),
      ];
    case 'returnPlan':
      return [
        ['reasons missing', {}, 'reasons'],
        ['reasons a string', { reasons: '不具体' }, 'reasons'],
        ['reasons of numbers', { reasons: [1, 2] }, 'reasons'],
      ];
    case 'approvePlan':
      return [['comment a number', { comment: 5 }, 'comment']];
    case 'approveMeasures':
      return [
        ['comment missing', {}, 'comment'],
        ['comment a number', { comment: 5 }, 'comment'],
      ];
    case 'verifyMeasure':
      return [
        ['accepted missing', { measureId: 'm1', comment: '属实' }, 'accepted'],
        ['accepted a string', { measureId: 'm1', accepted: 'yes', comment: '属实' }, 'accepted'],
        ['new date that is not a date', { measureId: 'm1', accepted: false, comment: '不全', newDueAt: 'next week' }, 'newDueAt'],
        ['injection as measure id', { measureId: SQL, accepted: true, comment: '属实' }, 'measureId'],
      ];
    case 'recordSupervision':
      return [
        ['kind unknown', { kind: 'surprise', visitedAt: '2026-01-01T09:00:00+08:00', visitors: '张科长', findings: '无' }, 'kind'],
        ['visitors blank', { kind: 'covert', visitedAt: '2026-01-01T09:00:00+08:00', visitors: ' ', findings: '无' }, 'visitors'],
        ['date that is not a date', { kind: 'covert', visitedAt: 'yesterday', visitors: '张科长', findings: '无' }, 'visitedAt'],
      ];
    case 'setRectificationDeadline':
      return [
        ['date that is not a date', { dueAt: 'end of next quarter', reason: '限期整改' }, 'dueAt'],
        ['reason missing', { dueAt: '2099-06-30T00:00:00+08:00' }, 'reason'],
      ];
    case 'replaceSecretary':
      return [
        ['name missing', { personId: 'sec-new-1', effectiveAt: '2026-01-01T09:00:00+08:00', reason: '不胜任' }, 'name'],
        ['blank name', { personId: 'sec-new-1', name: '  ', effectiveAt: '2026-01-01T09:00:00+08:00', reason: '不胜任' }, 'name'],
        ['injection as person id', { personId: SQL, name: '李', effectiveAt: '2026-01-01T09:00:00+08:00', reason: '不胜任' }, 'personId'],
        ['date that is not a date', { personId: 'sec-new-1', name: '李', effectiveAt: 'last Monday', reason: '不胜任' }, 'effectiveAt'],
        ['agency a number', { personId: 'sec-new-1', name: '李', sentFrom: 7, effectiveAt: '2026-01-01T09:00:00+08:00', reason: '不胜任' }, 'sentFrom'],
      ];
    case 'completeMeasure':
    case 'reportMeasureDone':
      return [
        ['measure id missing', { evidence: '完成' }, 'measureId'],
        ['injection as measure id', { measureId: SQL, evidence: '完成' }, 'measureId'],
        ['evidence an object', { measureId: 'm1', evidence: { text: '完成' } }, 'evidence'],
      ];
    case 'reportProgress':
      return [
        ['summary missing', {}, 'summary'],
        ['summary a boolean', { summary: true }, 'summary'],
        ['summary too long', { summary: 'x'.repeat(2001) }, 'summary'],
      ];
    case 'submitExplanation':
      return [
        ['key missing', { explanation: '原因' }, 'dueItemKey'],
        ['script as key', { dueItemKey: XSS, explanation: '原因' }, 'dueItemKey'],
      ];
    case 'startPublicity':
      return [['a field it does not have', { force: true }, 'force']];
    case 'resolveObjection':
      return [
        ['decision unknown', { objectionId: 'obj-1', decision: 'ignored', reason: '无' }, 'decision'],
        ['injection as objection id', { objectionId: SQL, decision: 'upheld', reason: '无' }, 'objectionId'],
        ['new problem of an unknown category', { objectionId: 'obj-1', decision: 'upheld', reason: '属实', newProblem: { category: 'whatever', description: '村务不公开' } }, 'newProblem.category'],
      ];
    case 'recordPreliminaryAcceptance':
      return [
        ['checks missing', { opinion: '合格' }, 'checks'],
        ['checks as strings', { checks: { ledger: 'yes', plan: true, results: true }, opinion: '合格' }, 'checks.ledger'],
        ['checks a string', { checks: 'all', opinion: '合格' }, 'checks'],
      ];
    case 'recordCountyAcceptance':
      return [
        ['survey with a fraction', { checks: ALL_CHECKS, opinion: '合格', survey: { respondents: 2.5, satisfied: 1 } }, 'survey.respondents'],
        ['survey negative', { checks: ALL_CHECKS, opinion: '合格', survey: { respondents: 10, satisfied: -1 } }, 'survey.satisfied'],
        ['测评 with a negative count', { checks: ALL_CHECKS, opinion: '合格', assessment: { ...assessmentOf(), dissatisfied: -1 } }, 'assessment.dissatisfied'],
        ['测评 with nobody taking part', { checks: ALL_CHECKS, opinion: '合格', assessment: { ...assessmentOf(), respondents: 0 } }, 'assessment.respondents'],
        ['测评 without its participants', { checks: ALL_CHECKS, opinion: '合格', assessment: { ...assessmentOf(), participants: ' ' } }, 'assessment.participants'],
        ['opinion missing', { checks: ALL_CHECKS }, 'opinion'],
      ];
    case 'recordFollowUpReview':
      return [
        ['lists missing', { checks: REVIEW_OK, opinion: '好' }, 'reboundedProblemIds'],
        ['injection as problem id', { checks: REVIEW_OK, opinion: '好', reboundedProblemIds: [SQL], newProblems: [] }, 'reboundedProblemIds'],
        ['new problem of unknown category', { checks: REVIEW_OK, opinion: '好', reboundedProblemIds: [], newProblems: [{ category: XSS, description: '新问题' }] }, 'newProblems[0].category'],
        ['injection as next campaign', { checks: REVIEW_OK, opinion: '好', reboundedProblemIds: [], newProblems: [], nextCampaignId: SQL }, 'nextCampaignId'],
      ];
    case 'recordTalk':
      return [
        ['injection as proposal id', { proposalId: SQL, heldAt: '2026-01-01T09:00:00+08:00', talkedTo: ['branch_secretary'], record: '约谈' }, 'proposalId'],
        ['held at no time', { proposalId: 'proposal-1', heldAt: 'yesterday', talkedTo: ['branch_secretary'], record: '约谈' }, 'heldAt'],
        ['nobody talked to', { proposalId: 'proposal-1', heldAt: '2026-01-01T09:00:00+08:00', talkedTo: [], record: '约谈' }, 'talkedTo'],
        ['a person id where a standing goes', { proposalId: 'proposal-1', heldAt: '2026-01-01T09:00:00+08:00', talkedTo: ['sec-1'], record: '约谈' }, 'talkedTo[0]'],
        ['record missing', { proposalId: 'proposal-1', heldAt: '2026-01-01T09:00:00+08:00', talkedTo: ['branch_secretary'] }, 'record'],
      ];
    case 'declineTalk':
      return [['reason missing', { proposalId: 'proposal-1' }, 'reason']];
    case 'decideHandling':
      return [
        ['decision unknown', { proposalId: 'proposal-2', decision: 'dismiss_everyone', reason: '无' }, 'decision'],
        ['script as proposal id', { proposalId: XSS, decision: 'no_action', reason: '无' }, 'proposalId'],
      ];
    case 'reviewExplanation':
      return [
        ['accepted a string', { lapseId: 'lapse-1', accepted: 'yes', comment: '认可' }, 'accepted'],
        ['new date that is not a date', { lapseId: 'lapse-1', accepted: true, newDueAt: 'in two weeks', comment: '认可' }, 'newDueAt'],
        ['injection as lapse id', { lapseId: SQL, accepted: false, comment: '不认可' }, 'lapseId'],
      ];
  }
}

beforeAll(async () => {
  h = await startApiHarness('api-bad-input');
  campaignId = (await h.post('/campaigns', { as: county, body: campaignBody() })).body.id;
  assignedCase = (await h.post(`/campaigns/${campaignId}/cases`, { as: county, body: openCaseBody('rural') })).body.caseId;
  remediatingCode = newOrgCode();
  remediatingCase = (await h.post(`/campaigns/${campaignId}/cases`, { as: county, body: openCaseBody('state_owned_enterprise', { orgCode: remediatingCode }) })).body.caseId;
  const state = await h.cases.state(remediatingCase);
  expect((await h.post(`/cases/${enc(remediatingCase)}/actions/submitPlan`, { as: secretaryOf(remediatingCode), body: { measures: measuresFor(state) } })).status).toBe(200);
  expect((await h.post(`/cases/${enc(remediatingCase)}/actions/approvePlan`, { as: committee })).status).toBe(200);
  expect((await h.post(`/cases/${enc(remediatingCase)}/actions/reportMeasureDone`, { as: secretaryOf(remediatingCode), body: { measureId: 'm1', evidence: '已召开党员大会' } })).status).toBe(200);
  unknownCase = `case:${campaignId}:no-such-org`;
  await expectReadModelMatchesWorkflows(h.db.dataSource, h.cases, { caseIds: [assignedCase, remediatingCase] });

  const assigned = await h.cases.state(assignedCase);
  const c = enc(assignedCase);
  const json = (rawBody: string, as = county): RequestOptions => ({ as, rawBody });

  // Campaigns.
  bad('campaign: empty body', 'POST', '/campaigns', { as: county, body: {} }, 400, { field: 'name' });
  bad('campaign: wrong types', 'POST', '/campaigns', { as: county, body: { name: 1, county: ['示范县'], endsAt: 'tomorrow', policy: 'fast' } }, 400, { field: 'endsAt' });
  bad('campaign: injection as county', 'POST', '/campaigns', { as: county, body: campaignBody(undefined, { county: SQL }) }, 400, { field: 'county' });
  bad('campaign: script as county', 'POST', '/campaigns', { as: county, body: campaignBody(undefined, { county: XSS }) }, 400, { field: 'county' });
  bad('campaign: period in working days where only plain ones work', 'POST', '/campaigns', { as: county, body: campaignBody({ ...assigned.policy, reminderLead: { amount: 1, unit: 'workingDays' } }) }, 400, { code: 'invalid_policy', field: 'policy' });
  bad('campaign: policy unit unknown', 'POST', '/campaigns', { as: county, body: campaignBody({ ...assigned.policy, planPeriod: { amount: 1, unit: 'fortnights' as never } }) }, 400, { field: 'policy.planPeriod.unit' });
  bad('campaign: threshold above 1', 'POST', '/campaigns', { as: county, body: campaignBody({ ...assigned.policy, satisfactionThreshold: 80 }) }, 400, { field: 'policy.satisfactionThreshold' });
  bad('campaign: ends in the past', 'POST', '/campaigns', { as: county, body: campaignBody(undefined, { endsAt: '2020-01-01T00:00:00Z' }) }, 400, { code: 'ends_in_past', field: 'endsAt' });
  bad('campaign: unknown field', 'POST', '/campaigns', { as: county, body: campaignBody(undefined, { isAdmin: true }) }, 400, { field: 'isAdmin' });
  bad('campaign: array body', 'POST', '/campaigns', { as: county, body: [campaignBody()] }, 400);
  bad('campaign: malformed JSON', 'POST', '/campaigns', json('{"name": "x",'), 400, { code: 'malformed_json' });
  bad('campaign: oversized', 'POST', '/campaigns', { as: county, body: campaignBody(undefined, { name: HUGE }) }, 413, { code: 'payload_too_large' });
  bad('campaign: injection as id', 'GET', `/campaigns/${enc(SQL)}`, { as: county }, 400, { field: 'campaignId' });
  bad('campaign: unknown id', 'GET', '/campaigns/c000000000000', { as: county }, 404, { code: 'campaign_not_found' });

  // Opening cases.
  const open = `/campaigns/${campaignId}/cases`;
  const valid = openCaseBody('rural');
  bad('open: empty body', 'POST', open, { as: county, body: {} }, 400, { field: 'org' });
  bad('open: injection as org code', 'POST', open, { as: county, body: { ...valid, org: { ...valid.org, code: SQL } } }, 400, { field: 'org.code' });
  bad('open: script as domain', 'POST', open, { as: county, body: { ...valid, org: { ...valid.org, domain: XSS } } }, 400, { field: 'org.domain' });
  bad('open: injection as township', 'POST', open, { as: county, body: { ...valid, org: { ...valid.org, township: SQL } } }, 400, { field: 'org.township' });
  bad('open: problems empty', 'POST', open, { as: county, body: { ...valid, problems: [] } }, 400, { field: 'problems' });
  bad('open: problem category unknown', 'POST', open, { as: county, body: { ...valid, problems: [{ category: 'bad_vibes', description: '不好' }] } }, 400, { field: 'problems[0].category' });
  bad('open: secretary missing', 'POST', open, { as: county, body: { ...valid, org: { ...valid.org, secretary: undefined } } }, 400, { field: 'org.secretary' });
  bad('open: key village flag a string', 'POST', open, { as: county, body: { ...valid, org: { ...valid.org, isKeyVillage: 'yes' } } }, 400, { field: 'org.isKeyVillage' });
  bad('open: the same organization again', 'POST', open, { as: county, body: { ...openCaseBody('rural', { orgCode: remediatingCode }) } }, 409, { code: 'case_already_exists' });
  bad('open: a category of another domain', 'POST', open, { as: county, body: { ...openCaseBody('state_owned_enterprise'), problems: [{ category: 'village_bully_or_crime_links', description: '某' }] } }, 422, { code: 'category_not_for_domain', field: 'problems[0].category' });
  bad('open: a key village led by a township leader who is not its Party secretary', 'POST', open, { as: county, body: { ...valid, org: { ...valid.org, code: 'key-village-1', isKeyVillage: true }, team: [{ ...teamFor('rural')[1], isTownshipPartySecretary: false }] } }, 422, { code: 'team_invalid' });
  bad('open: a non-public enterprise’s instructor without the unit that appointed it', 'POST', open, { as: county, body: { ...openCaseBody('non_public_enterprise'), team: teamFor('non_public_enterprise').map(({ appointingUnit: _unit, ...member }) => member) } }, 422, { code: 'team_invalid', field: 'members[0].appointingUnit' });
  bad('open: team role of another domain', 'POST', open, { as: county, body: { ...valid, team: [{ teamRole: 'linked_leader', personId: 'p-1', name: '某' }] } }, 422, { code: 'team_invalid' });
  bad('open: malformed JSON', 'POST', open, json('{"org": {"code": '), 400, { code: 'malformed_json' });
  bad('open: oversized', 'POST', open, { as: county, body: { ...valid, problems: [{ category: 'other', description: HUGE }] } }, 413);
  bad('open: unknown campaign', 'POST', '/campaigns/c000000000000/cases', { as: county, body: valid }, 404, { code: 'campaign_not_found' });
  bad('open: injection as campaign id', 'POST', `/campaigns/${enc(SQL)}/cases`, { as: county, body: valid }, 400, { field: 'campaignId' });
  const batch = `/campaigns/${campaignId}/cases/batch`;
  bad('batch: cases not an array', 'POST', batch, { as: county, body: { cases: 'all' } }, 400, { field: 'cases' });
  bad('batch: no cases', 'POST', batch, { as: county, body: { cases: [] } }, 400, { field: 'cases' });
  bad('batch: too many', 'POST', batch, { as: county, body: { cases: Array.from({ length: 201 }, () => ({})) } }, 400, { field: 'cases' });
  bad('batch: items not objects', 'POST', batch, { as: county, body: { cases: [1, 'two'] } }, 400, { field: 'cases' });
  bad('batch: oversized', 'POST', batch, { as: county, body: { cases: [{ note: HUGE }] } }, 413);
  bad('batch: malformed JSON', 'POST', batch, json('{"cases": [}'), 400, { code: 'malformed_json' });

  // Reads.
  bad('list: unknown stage', 'GET', '/cases?stage=finished', { as: county }, 400, { field: 'stage' });
  bad('list: overdue not a boolean', 'GET', '/cases?overdue=maybe', { as: county }, 400, { field: 'overdue' });
  bad('list: escalation level out of range', 'GET', '/cases?escalationLevel=7', { as: county }, 400, { field: 'escalationLevel' });
  bad('list: page zero', 'GET', '/cases?page=0', { as: county }, 400, { field: 'page' });
  bad('list: page size too large', 'GET', '/cases?pageSize=1000', { as: county }, 400, { field: 'pageSize' });
  bad('list: sort by a column that is not offered', 'GET', '/cases?sort=state', { as: county }, 400, { field: 'sort' });
  bad('list: order unknown', 'GET', '/cases?order=sideways', { as: county }, 400, { field: 'order' });
  bad('list: injection as township', 'GET', `/cases?township=${enc(SQL)}`, { as: county }, 400, { field: 'township' });
  bad('list: injection as campaign', 'GET', `/cases?campaignId=${enc(SQL)}`, { as: county }, 400, { field: 'campaignId' });
  bad('list: script as person', 'GET', `/cases?personId=${enc(XSS)}`, { as: county }, 400, { field: 'personId' });
  bad('list: unknown filter', 'GET', '/cases?secret=1', { as: county }, 400, { field: 'secret' });
  bad('list: repeated filter', 'GET', '/cases?stage=assigned&stage=planning', { as: county }, 400, { field: 'stage' });
  bad('case: injection as id', 'GET', `/cases/${enc(SQL)}`, { as: county }, 400, { field: 'caseId' });
  bad('case: script as id', 'GET', `/cases/${enc(XSS)}`, { as: county }, 400, { field: 'caseId' });
  bad('case: unknown id', 'GET', `/cases/${enc(unknownCase)}`, { as: county }, 404, { code: 'case_not_found' });
  bad('case: malformed percent-encoding', 'GET', '/cases/case%3Ac1%3A%E0%A4%A', { as: county }, 400);
  bad('dashboard: injection as campaign', 'GET', `/dashboard/summary?campaignId=${enc(SQL)}`, { as: county }, 400, { field: 'campaignId' });
  bad('dashboard: unknown parameter', 'GET', '/dashboard/summary?township=x', { as: county }, 400, { field: 'township' });
  bad('no such route', 'GET', '/cases/x/y/z', { as: county }, 404, { code: 'route_not_found' });

  // Every action.
  for (const action of CASE_ACTION_TYPES) {
    const as = action === 'submitPlan' || action === 'submitExplanation' ? secretaryOf(assigned.org.code) : action === 'recordCountyAcceptance' || action === 'decideHandling' || action === 'setRectificationDeadline' ? county : committee;
    const actor = action === 'completeMeasure' || action === 'reportMeasureDone' || action === 'reportProgress' ? secretaryOf(assigned.org.code) : as;
    const path = `/cases/${c}/actions/${action}`;
    const body = validBody(action, assigned);
    for (const [name, wrong, field] of wrongBodies(action, assigned)) bad(`${action}: ${name}`, 'POST', path, { as: actor, body: wrong }, 400, { field });
    bad(`${action}: unknown field`, 'POST', path, { as: actor, body: { ...body, sneaky: SQL } }, 400, { field: 'sneaky' });
    bad(`${action}: malformed JSON`, 'POST', path, json('{"x": tru', actor), 400, { code: 'malformed_json' });
    bad(`${action}: not JSON at all`, 'POST', path, { as: actor, rawBody: SQL }, 400, { code: 'malformed_json' });
    bad(`${action}: oversized`, 'POST', path, { as: actor, body: { ...body, padding: HUGE } }, 413, { code: 'payload_too_large' });
    bad(`${action}: unknown case`, 'POST', `/cases/${enc(unknownCase)}/actions/${action}`, { as: actor, body }, 404, { code: 'case_not_found' });
    bad(`${action}: injection as case id`, 'POST', `/cases/${enc(SQL)}/actions/${action}`, { as: actor, body }, 400, { field: 'caseId' });
    bad(`${action}: bad Idempotency-Key`, 'POST', path, { as: actor, body, headers: { 'idempotency-key': 'has spaces in it' } }, 400, { field: 'Idempotency-Key' });
  }
  // Free text is free text: these reach the rules, which refuse them in this stage.
  bad('free text injection in the wrong stage', 'POST', `/cases/${c}/actions/reportProgress`, { as: secretaryOf(assigned.org.code), body: { summary: SQL } }, 409, { code: 'wrong_stage' });
  bad('free text script in the wrong stage', 'POST', `/cases/${c}/actions/resolveObjection`, { as: committee, body: { objectionId: 'obj-1', decision: 'upheld', reason: XSS } }, 409, { code: 'wrong_stage' });
  bad('a root cause for a problem the case does not have', 'POST', `/cases/${c}/actions/submitPlan`, { as: secretaryOf(assigned.org.code), body: { measures: measuresFor(assigned), rootCauses: [{ problemId: 'p99', cause: '原因' }] } }, 422, {
    code: 'unknown_problem',
  });
  bad('an unknown measure', 'POST', `/cases/${enc(remediatingCase)}/actions/reportMeasureDone`, { as: secretaryOf(remediatingCode), body: { measureId: 'm99', evidence: XSS } }, 422, { code: 'unknown_measure' });
  // Measures verified, not self-certified (issue 13): each refusal names its rule and changes nothing.
  const remediating = `/cases/${enc(remediatingCase)}/actions`;
  bad('completing a measure directly on a case that verifies them', 'POST', `${remediating}/completeMeasure`, { as: secretaryOf(remediatingCode), body: { measureId: 'm2', evidence: '已完成' } }, 409, { code: 'measure_needs_verification' });
  bad('verifying a measure that was not reported done', 'POST', `${remediating}/verifyMeasure`, { as: committee, body: { measureId: 'm2', accepted: true, comment: '属实' } }, 409, { code: 'measure_not_reported' });
  bad('reporting a measure already reported', 'POST', `${remediating}/reportMeasureDone`, { as: secretaryOf(remediatingCode), body: { measureId: 'm1', evidence: '再报一次' } }, 409, { code: 'measure_already_reported' });
  bad('returning a report without a new date', 'POST', `${remediating}/verifyMeasure`, { as: committee, body: { measureId: 'm1', accepted: false, comment: '台账不全' } }, 422, { code: 'invalid_input' });
  bad('returning a report with a date after the campaign', 'POST', `${remediating}/verifyMeasure`, { as: committee, body: { measureId: 'm1', accepted: false, comment: '台账不全', newDueAt: '2099-01-01T00:00:00Z' } }, 422, { code: 'invalid_date' });
  bad('reporting a measure of another organization', 'POST', `${remediating}/reportMeasureDone`, { as: secretaryOf(assigned.org.code), body: { measureId: 'm2', evidence: '已完成' } }, 404, { code: 'case_not_found' });
  bad('a leader on the team verifying', 'POST', `${remediating}/verifyMeasure`, { as: leaderOf(remediatingCode, teamFor('state_owned_enterprise')[0]), body: { measureId: 'm1', accepted: true, comment: '属实' } }, 403, { code: 'role_not_permitted' });
  bad('the secretary replacing himself', 'POST', `${remediating}/replaceSecretary`, { as: secretaryOf(remediatingCode), body: validBody('replaceSecretary', assigned) }, 403, { code: 'role_not_permitted' });
  bad('a replacement dated in the future', 'POST', `${remediating}/replaceSecretary`, { as: committee, body: { ...validBody('replaceSecretary', assigned), effectiveAt: '2099-01-01T00:00:00Z' } }, 422, { code: 'invalid_date' });
  bad('a replacement by the same person', 'POST', `${remediating}/replaceSecretary`, { as: county, body: { ...validBody('replaceSecretary', assigned), personId: `sec-${remediatingCode}` } }, 422, { code: 'same_secretary' });
  bad('an explanation nobody asked for', 'POST', `/cases/${enc(remediatingCase)}/actions/submitExplanation`, { as: secretaryOf(remediatingCode), body: { dueItemKey: 'plan:r1', explanation: SQL } }, 422, { code: 'invalid_input' });
  bad('a review rolling into an unknown campaign', 'POST', `/cases/${c}/actions/recordFollowUpReview`, { as: committee, body: { checks: REVIEW_OK, opinion: '好', reboundedProblemIds: ['p1'], newProblems: [], nextCampaignId: 'c000000000000' } }, 404, { code: 'campaign_not_found' });
  bad('a county appointment named by a township committee', 'POST', `/cases/${c}/actions/assignTeam`, { as: committee, body: { members: [teamFor('rural')[0]] } }, 403, { code: 'appointing_body' });
  bad('a plan with measures due after the campaign', 'POST', `/cases/${enc(remediatingCase)}/actions/addMeasures`, { as: secretaryOf(remediatingCode), body: { measures: [{ ...measuresFor(assigned)[0], dueAt: '2099-01-01T00:00:00Z' }] } }, 422, { code: 'invalid_plan' });

  // The public.
  const pub = (id: string) => `/public/cases/${enc(id)}`;
  bad('public: injection as id', 'GET', pub(SQL), {}, 400, { field: 'caseId' });
  // One answer for "no such case" and "nothing public yet" (issue 16, finding 4).
  bad('public: unknown case', 'GET', pub(unknownCase), {}, 404, { code: 'not_public' });
  bad('public: nothing public yet', 'GET', pub(assignedCase), {}, 404, { code: 'not_public' });
  bad('objection: empty body', 'POST', `${pub(remediatingCase)}/objections`, { body: {} }, 400, { field: 'content' });
  bad('objection: blank content', 'POST', `${pub(remediatingCase)}/objections`, { body: { content: '   ' } }, 400, { field: 'content' });
  bad('objection: content too long', 'POST', `${pub(remediatingCase)}/objections`, { body: { content: 'x'.repeat(2001) } }, 400, { field: 'content' });
  bad('objection: injection as id', 'POST', `${pub(remediatingCase)}/objections`, { body: { content: '有问题', objectionId: SQL } }, 400, { field: 'objectionId' });
  bad('objection: outside publicity', 'POST', `${pub(remediatingCase)}/objections`, { body: { content: XSS } }, 409, { code: 'not_accepting_objections' });
  bad('objection: unknown case', 'POST', `${pub(unknownCase)}/objections`, { body: { content: '有问题' } }, 404, { code: 'not_public' });
  bad('objection: oversized', 'POST', `${pub(remediatingCase)}/objections`, { body: { content: HUGE } }, 413);
  bad('objection: malformed JSON', 'POST', `${pub(remediatingCase)}/objections`, { rawBody: '{content: 1}' }, 400, { code: 'malformed_json' });
  bad('rating: unknown level', 'POST', `${pub(remediatingCase)}/ratings`, { body: { level: 'ecstatic' } }, 400, { field: 'level' });
  bad('rating: level missing', 'POST', `${pub(remediatingCase)}/ratings`, { body: {} }, 400, { field: 'level' });
  bad('rating: not yet open', 'POST', `${pub(remediatingCase)}/ratings`, { body: { level: 'satisfied' } }, 409, { code: 'not_accepting_ratings' });
  // The device is the server's to know (its cookie), not an id the sender makes up.
  bad('rating: an id of the sender’s own', 'POST', `${pub(remediatingCase)}/ratings`, { body: { level: 'satisfied', ratingId: 'r-1' } }, 400, { field: 'ratingId' });
});

afterAll(async () => {
  await h?.stop();
});

it('answers every bad request with a 4xx problem and changes nothing', async () => {
  const before = await snapshot();
  expect(Object.keys(before.states)).toHaveLength(2);
  const failures: string[] = [];
  for (const request of requests) {
    const response = await h.request(request.method, request.path, request.options);
    const problem = response.body as { status?: number; code?: string; title?: string; detail?: string; detail_en?: string; errors?: { field: string }[] } | undefined;
    const fields = problem?.errors?.map((error) => error.field) ?? [];
    const wrong: string[] = [];
    if (response.status !== request.status) wrong.push(`status ${response.status}, expected ${request.status}`);
    if (!(response.headers.get('content-type') ?? '').startsWith('application/problem+json')) wrong.push(`content-type ${response.headers.get('content-type')}`);
    if (problem?.status !== response.status || !problem?.title || !problem?.detail || !problem?.detail_en) wrong.push('not a complete problem');
    if (request.code && problem?.code !== request.code) wrong.push(`code ${problem?.code}, expected ${request.code}`);
    if (request.field && !fields.some((field) => field === request.field || field.startsWith(`${request.field}.`) || field.startsWith(`${request.field}[`))) {
      wrong.push(`fields ${JSON.stringify(fields)}, expected ${request.field}`);
    }
    if (response.status === 400 && fields.length === 0) wrong.push('a 400 that names no field');
    if (wrong.length > 0) failures.push(`${request.name}: ${wrong.join('; ')} — ${response.text.slice(0, 300)}`);
  }
  expect(failures).toEqual([]);
  expect(requests.length).toBeGreaterThan(150);

  const after = await snapshot();
  expect(after.states).toEqual(before.states);
  expect(after.rows).toEqual(before.rows);
  expect(after.events).toEqual(before.events);
  expect(after.campaigns).toEqual(before.campaigns);
  expect(after.outbox).toEqual(before.outbox);
  expect(after.importJobs).toEqual(before.importJobs);
  await expectReadModelMatchesWorkflows(h.db.dataSource, h.cases);
});

it('reports a batch of only bad items item by item, opening none', async () => {
  const before = await snapshot();
  const response = await h.post(`/campaigns/${campaignId}/cases/batch`, {
    as: county,
    body: {
      cases: [
        {},
        { ...openCaseBody('rural'), org: { ...openCaseBody('rural').org, code: SQL } },
        { ...openCaseBody('rural'), problems: [{ category: XSS, description: '问题' }] },
        openCaseBody('rural', { orgCode: remediatingCode }),
      ],
    },
  });
  expect(response.status).toBe(200);
  expect(response.body.created).toBe(0);
  expect(response.body.results.map((r: { status: number }) => r.status)).toEqual([400, 400, 400, 409]);
  expect(response.body.results[1].problem.errors.map((e: { field: string }) => e.field)).toContain('cases[1].org.code');
  expect(response.body.results[2].problem.errors.map((e: { field: string }) => e.field)).toContain('cases[2].problems[0].category');
  const after = await snapshot();
  expect(after.states).toEqual(before.states);
  expect(after.rows).toEqual(before.rows);
  await expectReadModelMatchesWorkflows(h.db.dataSource, h.cases);
});
