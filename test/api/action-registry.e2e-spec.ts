/**
 * The action registry walked end to end: every definition in CASE_ACTIONS has its endpoint with the
 * definition's roles and stages in the OpenAPI document, a request schema whose every field has a
 * Chinese name, and a form in the web app; and GET /cases/:id offers each person exactly the actions
 * authorize() would let them take — none to another branch's secretary or a leader not on the team.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CASE_ACTION_TYPES, CASE_ACTIONS, fieldLabel, requestSchema, STAGE_LABELS, USER_ROLE_LABELS, type CaseActionType, type CaseState } from '@zhengdun/domain';
import { campaignBody, newOrgCode, openCaseBody } from '../support/api-fixtures';
import { enc, startApiHarness, type ApiHarness } from '../support/api-harness';
import { committee, county, leaderOf, measuresFor, SECONDS_POLICY, secretaryOf, teamFor } from '../support/cases';
import { eventually } from '../support/environment';

const ROOT = join(__dirname, '..', '..');
let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness('action-registry');
});

afterAll(async () => {
  await h?.stop();
});

/** Every path to a leaf field of a schema: ['measures', 0, 'dueAt'] … */
function leafPaths(schema: z.ZodType, prefix: PropertyKey[] = []): PropertyKey[][] {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
  if (inner instanceof z.ZodObject) return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, child]) => leafPaths(child, [...prefix, key]));
  if (inner instanceof z.ZodArray) return leafPaths(inner.element as z.ZodType, [...prefix, 0]);
  return prefix.length > 0 ? [prefix] : [];
}

describe.each(CASE_ACTION_TYPES.map((type) => [type]))('%s', (type: CaseActionType) => {
  const definition = CASE_ACTIONS[type];

  it('is documented at its endpoint with its roles, stages and request schema', async () => {
    const { body: document } = await h.get('/docs-json');
    const operation = document.paths[`/cases/{caseId}/actions/${type}`]?.post;
    expect(operation).toBeDefined();
    expect(operation.summary).toContain(definition.label);
    for (const role of definition.roles) expect(operation.description).toContain(`${USER_ROLE_LABELS[role]} (${role})`);
    for (const stage of definition.stages) expect(operation.description).toContain(`${STAGE_LABELS[stage]} (${stage})`);
    const ref: string = operation.requestBody.content['application/json'].schema.$ref;
    const component = document.components.schemas[ref.replace('#/components/schemas/', '')];
    expect(Object.keys(component.properties ?? {}).sort()).toEqual(Object.keys(requestSchema(type).shape).sort());
  });

  it('names every field it takes in Chinese', () => {
    expect(definition.label).toMatch(/\p{Script=Han}/u);
    expect(definition.description).toMatch(/\p{Script=Han}/u);
    for (const path of leafPaths(requestSchema(type))) {
      const label = fieldLabel(requestSchema(type), path);
      expect({ path, label }).toEqual({ path, label: expect.stringMatching(/^[^A-Za-z]*$/) });
    }
  });

  it('has its form in the web app', () => {
    const form = join(ROOT, 'apps/web/src/actions/forms', `${type}.tsx`);
    expect({ type, form: existsSync(form) }).toEqual({ type, form: true });
    expect(readFileSync(join(ROOT, 'apps/web/src/actions/forms/index.ts'), 'utf8')).toMatch(new RegExp(`\\b${type}\\b`));
  });
});

describe('the actions offered on a case', () => {
  const offered = async (caseId: string, as: Parameters<ApiHarness['get']>[1] extends infer O ? (O extends { as?: infer A } ? A : never) : never) => {
    const response = await h.get(`/cases/${enc(caseId)}`, { as });
    expect(response.status).toBe(200);
    return response.body.availableActions as CaseActionType[];
  };

  it('are exactly those the person may take: none to another branch’s secretary or a leader not on the team', async () => {
    const campaign = await h.post('/campaigns', { as: county, body: campaignBody(SECONDS_POLICY) });
    expect(campaign.status).toBe(201);
    const orgCode = newOrgCode();
    const opened = await h.post(`/campaigns/${campaign.body.id}/cases`, { as: county, body: openCaseBody('rural', { orgCode }) });
    expect(opened.status).toBe(201);
    const caseId: string = opened.body.caseId;
    const secretary = secretaryOf(orgCode);
    const state = await eventually(async () => {
      const found = await h.get(`/cases/${enc(caseId)}`, { as: county });
      return found.body.case?.stage === 'assigned' ? (found.body.case as CaseState) : undefined;
    }, 20_000, 'assigned');

    // An explanation is offered once one is asked for.
    expect((await offered(caseId, secretary)).sort()).toEqual(['submitPlan']);
    const otherSecretary = secretaryOf(newOrgCode());
    const impostor = { ...secretary, userId: 'sec-not-registered', name: '冒名书记' };
    expect(await offered(caseId, impostor)).toEqual([]);

    const submitted = await h.post(`/cases/${enc(caseId)}/actions/submitPlan`, { as: secretary, body: { measures: measuresFor(state) } });
    expect(submitted.status).toBe(200);
    const approved = await h.post(`/cases/${enc(caseId)}/actions/approvePlan`, { as: committee, body: {} });
    expect(approved.status).toBe(200);

    const onTeam = leaderOf(orgCode, teamFor('rural')[0]);
    const notOnTeam = { ...onTeam, userId: 'lead-not-on-this-team', name: '别组领导' };
    // A new case's measures are reported by the branch and verified by the committee; a leader on the team supervises and reports progress.
    expect((await offered(caseId, onTeam)).sort()).toEqual(['reportProgress']);
    expect(await offered(caseId, notOnTeam)).toEqual([]);
    expect((await offered(caseId, secretary)).sort()).toEqual(['addMeasures', 'reportMeasureDone', 'reportProgress']);
    expect((await offered(caseId, committee)).sort()).toEqual(['addMeasures', 'assignTeam', 'recordSupervision', 'replaceSecretary', 'reportProgress', 'startPublicity']);
    expect(await offered(caseId, impostor)).toEqual([]);
    // Another organization's secretary does not even see the case.
    expect((await h.get(`/cases/${enc(caseId)}`, { as: otherSecretary })).status).toBe(404);
  });
});
