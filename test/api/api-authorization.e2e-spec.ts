/**
 * Who may do what: every role × every action × in and out of scope, the reads and the other
 * commands by role and scope, and 401 for every protected endpoint without or with a bad token.
 */
import { SignJWT } from 'jose';
import { CASE_ACTION_TYPES, roleMayTake, USER_ROLES, type Actor, type CaseActionType, type CaseState, type UserRole } from '@zhengdun/domain';
import { campaignBody, newOrgCode, openCaseBody } from '../support/api-fixtures';
import { enc, startApiHarness, type ApiHarness } from '../support/api-harness';
import { ALL_CHECKS, auditor, committee, county, COUNTY, leaderOf, measuresFor, otherCommittee, REVIEW_OK, secretaryOf, teamFor, assessmentOf } from '../support/cases';
import { eventually } from '../support/environment';
import { expectReadModelMatchesWorkflows } from '../support/read-model-consistency';

let h: ApiHarness;
let campaignId: string;
let caseId: string;
let orgCode: string;

const OTHER_COUNTY = '邻县';
const leader = () => leaderOf(orgCode, teamFor('rural')[0]);

/** An actor of each role whose scope covers the case, and one whose scope does not. */
function actorsFor(role: UserRole): { inScope: Actor; outOfScope: Actor } {
  switch (role) {
    case 'county_department':
      return { inScope: county, outOfScope: { ...county, userId: 'county-other', scope: { level: 'county', county: OTHER_COUNTY } } };
    case 'township_committee':
      return { inScope: committee, outOfScope: otherCommittee };
    case 'assigned_leader':
      return { inScope: leader(), outOfScope: { ...leader(), scope: { level: 'organization', county: COUNTY, orgCode: 'another-org' } } };
    case 'branch_secretary':
      return { inScope: secretaryOf(orgCode), outOfScope: secretaryOf('another-org') };
    case 'auditor':
      return { inScope: auditor, outOfScope: { ...auditor, userId: 'audit-other', scope: { level: 'county', county: OTHER_COUNTY } } };
  }
}

/** A well-formed body for each action, so that only authorization (or the rules) decide. */
function bodyFor(action: CaseActionType, state: CaseState): Record<string, unknown> {
  switch (action) {
    case 'assignTeam':
      // The township leader: a member both the county and the township committee may name.
      return { members: [teamFor('rural')[1]] };
    case 'submitPlan':
      return { measures: measuresFor(state) };
    case 'returnPlan':
      return { reasons: ['措施不够具体'] };
    case 'approvePlan':
      return {};
    case 'approveMeasures':
      return { comment: '同意补充措施' };
    case 'addMeasures':
      return { measures: measuresFor(state).slice(0, 1) };
    case 'completeMeasure':
    case 'reportMeasureDone':
      return { measureId: 'm1', evidence: '已完成，台账附后' };
    case 'verifyMeasure':
      return { measureId: 'm1', accepted: true, comment: '核验属实' };
    case 'replaceSecretary':
      // The secretary in post: refused by the rules (same_secretary) once past authorization, so the case keeps its secretary for the other roles.
      return { personId: state.org.secretary.personId, name: state.org.secretary.name, effectiveAt: new Date(Date.now() - 60_000).toISOString(), reason: '调整' };
    case 'recordSupervision':
      return { kind: 'unannounced', visitedAt: new Date(Date.now() - 3_600_000).toISOString(), visitors: '县委组织部 张科长', findings: '台账与实际相符' };
    case 'setRectificationDeadline':
      return { dueAt: new Date(Date.now() + 400 * 86_400_000).toISOString(), reason: '本轮整顿截止后限期整改' };
    case 'reportProgress':
      return { summary: '本月召开党员大会1次' };
    case 'submitExplanation':
      return { dueItemKey: 'plan:r1', explanation: '书记住院两周' };
    case 'startPublicity':
      return {};
    case 'resolveObjection':
      return { objectionId: 'obj-1', decision: 'dismissed', reason: '经核实不属实' };
    case 'recordPreliminaryAcceptance':
      return { checks: ALL_CHECKS, opinion: '初验合格' };
    case 'recordCountyAcceptance':
      return { checks: ALL_CHECKS, opinion: '同意销号', assessment: assessmentOf() };
    case 'recordFollowUpReview':
      return { checks: REVIEW_OK, opinion: '未发现反弹', reboundedProblemIds: [], newProblems: [] };
    case 'recordTalk':
      return { proposalId: 'proposal-1', heldAt: new Date(Date.now() - 60_000).toISOString(), talkedTo: ['branch_secretary'], record: '指出逾期问题' };
    case 'declineTalk':
      return { proposalId: 'proposal-1', reason: '已书面说明，不予约谈' };
    case 'decideHandling':
      return { proposalId: 'proposal-2', decision: 'admonishment', reason: '研究决定' };
    case 'reviewExplanation':
      return { lapseId: 'lapse-1', accepted: false, comment: '理由不成立' };
  }
}

beforeAll(async () => {
  h = await startApiHarness('api-authz');
  campaignId = (await h.post('/campaigns', { as: county, body: campaignBody() })).body.id;
  orgCode = newOrgCode();
  caseId = (await h.post(`/campaigns/${campaignId}/cases`, { as: county, body: openCaseBody('rural', { orgCode }) })).body.caseId;
});

afterEach(async () => {
  await expectReadModelMatchesWorkflows(h.db.dataSource, h.cases);
});

afterAll(async () => {
  await h?.stop();
});

describe.each(USER_ROLES)('a %s', (role) => {
  it('takes exactly the actions ACTION_RULES gives the role, and only in scope', async () => {
    const { inScope, outOfScope } = actorsFor(role);
    const outcomes: string[] = [];
    for (const action of CASE_ACTION_TYPES) {
      const state = await h.cases.state(caseId);
      for (const [where, actor] of [['in scope', inScope], ['out of scope', outOfScope]] as const) {
        const response = await h.post(`/cases/${enc(caseId)}/actions/${action}`, { as: actor, body: bodyFor(action, state) });
        const label = `${role} ${action} ${where}: ${response.status} ${response.body?.code ?? ''}`;
        outcomes.push(label);
        if (!roleMayTake(role, action)) {
          expect({ label, code: response.body?.code }).toEqual({ label: label.replace(/: .*/, ': 403 role_not_permitted'), code: 'role_not_permitted' });
        } else if (where === 'out of scope') {
          // Answered as a missing case: a 403 would confirm that the case exists (issue 16, finding 4).
          expect({ label, code: response.body?.code }).toEqual({ label: label.replace(/: .*/, ': 404 case_not_found'), code: 'case_not_found' });
        } else {
          // Past authorization: the rules decide (200, 409 for the wrong stage, 422 for input they refuse, …).
          expect([200, 409, 422]).toContain(response.status);
        }
        if (response.status !== 200) expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
    }
    expect(outcomes).toHaveLength(CASE_ACTION_TYPES.length * 2);
    // The case is in `assigned` for the first three roles: the county and the committee may name the
    // team then, and the secretary submits the plan, so each of them gets at least one 200.
    const accepted = outcomes.filter((outcome) => outcome.includes('in scope: 200'));
    expect(accepted.length > 0).toBe(['county_department', 'township_committee', 'branch_secretary'].includes(role));
  });

  it('reads the case, the list and the dashboard only within its scope', async () => {
    const { inScope, outOfScope } = actorsFor(role);
    expect((await h.get(`/cases/${enc(caseId)}`, { as: inScope })).status).toBe(200);
    const refused = await h.get(`/cases/${enc(caseId)}`, { as: outOfScope });
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('case_not_found');
    await eventually(async () => (await h.get('/cases', { as: inScope })).body.items.some((i: { caseId: string }) => i.caseId === caseId), 10_000, 'the case listed');
    expect((await h.get('/cases', { as: outOfScope })).body.items.some((i: { caseId: string }) => i.caseId === caseId)).toBe(false);
    expect((await h.get('/dashboard/summary', { as: inScope })).body.total).toBeGreaterThanOrEqual(1);
    const outside = await h.get(`/dashboard/summary?campaignId=${campaignId}`, { as: outOfScope });
    expect(outside.status).toBe(200);
    expect(outside.body.total).toBe(0);
  });

  it('creates campaigns and cases, and verifies the audit chain, only when the role allows', async () => {
    const { inScope, outOfScope } = actorsFor(role);
    const isCounty = role === 'county_department';
    const created = await h.post('/campaigns', { as: inScope, body: campaignBody() });
    expect(created.status).toBe(isCounty ? 201 : 403);
    const elsewhere = await h.post('/campaigns', { as: outOfScope, body: campaignBody() });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe(isCounty ? 'out_of_scope' : 'role_not_permitted');

    const opened = await h.post(`/campaigns/${campaignId}/cases`, { as: inScope, body: openCaseBody('community') });
    expect(opened.status).toBe(isCounty ? 201 : 403);
    // Another county's campaign does not exist for a county department elsewhere; other roles may not open cases at all.
    const openedElsewhere = await h.post(`/campaigns/${campaignId}/cases`, { as: outOfScope, body: openCaseBody('community') });
    expect(openedElsewhere.status).toBe(isCounty ? 404 : 403);
    const batch = await h.post(`/campaigns/${campaignId}/cases/batch`, { as: outOfScope, body: { cases: [openCaseBody('community')] } });
    expect(batch.status).toBe(isCounty ? 404 : 403);

    // A campaign is the whole county's: everyone in the county reads it, nobody outside.
    const sameCounty = outOfScope.scope.county === COUNTY;
    expect((await h.get(`/campaigns/${campaignId}`, { as: inScope })).status).toBe(200);
    expect((await h.get(`/campaigns/${campaignId}`, { as: outOfScope })).status).toBe(sameCounty ? 200 : 404);
    expect((await h.get('/campaigns', { as: outOfScope })).body.items.some((c: { id: string }) => c.id === campaignId)).toBe(sameCounty);

    const verify = await h.get('/audit/verify', { as: inScope });
    expect(verify.status).toBe(role === 'county_department' || role === 'auditor' ? 200 : 403);
  });
});

it('answers 403 wrong_person to a secretary or leader of the right organization who is not this case’s', async () => {
  const code = newOrgCode();
  const id: string = (await h.post(`/campaigns/${campaignId}/cases`, { as: county, body: openCaseBody('rural', { orgCode: code }) })).body.caseId;
  const state = await h.cases.state(id);
  const impostor: Actor = { ...secretaryOf(code), userId: 'sec-someone-else' };
  const refused = await h.post(`/cases/${enc(id)}/actions/submitPlan`, { as: impostor, body: { measures: measuresFor(state) } });
  expect(refused.status).toBe(403);
  expect(refused.body).toMatchObject({ code: 'wrong_person', rule: { code: 'wrong_person' } });
  const notOnTeam: Actor = { ...leaderOf(code, teamFor('rural')[0]), userId: 'lead-stranger' };
  const report = await h.post(`/cases/${enc(id)}/actions/reportProgress`, { as: notOnTeam, body: { summary: '汇报' } });
  expect(report.status).toBe(409); // wrong stage comes first
  expect((await h.cases.state(id)).seq).toBe(state.seq);
});

describe('authentication', () => {
  const otherSecret = new TextEncoder().encode('a-completely-different-secret-for-tests');

  async function sign(claims: Record<string, unknown>, options: { secret?: Uint8Array; issuer?: string; audience?: string; expiresIn?: string | number; alg?: string } = {}) {
    const jwt = new SignJWT(claims).setProtectedHeader({ alg: options.alg ?? 'HS256' }).setSubject(String(claims.sub ?? 'someone')).setIssuedAt();
    jwt.setIssuer(options.issuer ?? h.config.auth.issuer).setAudience(options.audience ?? h.config.auth.audience).setExpirationTime(options.expiresIn ?? '1h');
    return jwt.sign(options.secret ?? new TextEncoder().encode(h.config.auth.jwtSecret));
  }

  it('refuses every protected endpoint without a token, and with each kind of bad token', async () => {
    const document = (await h.get('/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const protectedRoutes = Object.entries(document.paths)
      .filter(([path]) => !path.startsWith('/public') && !path.startsWith('/health') && !path.startsWith('/dev/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => [method.toUpperCase(), path.replace('{caseId}', enc(caseId)).replace('{campaignId}', campaignId)] as const));
    expect(protectedRoutes.length).toBeGreaterThanOrEqual(13 + 7);

    const claims = { name: county.name, role: county.role, scope: county.scope, sub: county.userId };
    const badTokens: Record<string, string> = {
      garbage: 'not-a-jwt',
      'wrong signature': await sign(claims, { secret: otherSecret }),
      expired: await sign(claims, { expiresIn: Math.floor(Date.now() / 1000) - 3600 }),
      'wrong issuer': await sign(claims, { issuer: 'someone-else' }),
      'wrong audience': await sign(claims, { audience: 'another-api' }),
      'unknown role': await sign({ ...claims, role: 'superuser' }),
      'no scope': await sign({ ...claims, scope: undefined }),
      'malformed scope': await sign({ ...claims, scope: { level: 'township', county: COUNTY } }),
      'unsigned (alg none)': `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, iss: h.config.auth.issuer, aud: h.config.auth.audience })).toString('base64url')}.`,
    };

    for (const [method, path] of protectedRoutes) {
      const none = await h.request(method, path, { body: method === 'POST' ? {} : undefined });
      expect({ method, path, status: none.status, code: none.body?.code }).toEqual({ method, path, status: 401, code: 'missing_token' });
      expect(none.headers.get('www-authenticate')).toContain('Bearer');
      expect(none.headers.get('content-type')).toContain('application/problem+json');
    }
    const [method, path] = protectedRoutes.find(([, p]) => p.includes('submitPlan'))!;
    for (const [kind, token] of Object.entries(badTokens)) {
      const response = await h.request(method, path, { as: token, body: {} });
      expect({ kind, status: response.status }).toEqual({ kind, status: 401 });
      expect(response.body.title).toBe('未登录或登录已失效');
    }
    const basic = await h.request('GET', '/cases', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.status).toBe(401);
    expect(basic.body.code).toBe('invalid_token');
    // The case did not move.
    expect((await h.cases.state(caseId)).stage).toBeDefined();
  });

  it('leaves the public pages, the health check and (in development) the sign-in tokens open', async () => {
    expect([200, 404]).toContain((await h.get(`/public/cases/${enc(caseId)}`)).status);
    expect((await h.get('/health')).status).toBe(200);
    expect((await h.get('/dev/tokens')).status).toBe(200);
  });
});
