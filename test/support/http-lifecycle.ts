/** Cases walked over HTTP only, as the people in the browser would walk them. */
import type { Actor, CaseState, Stage } from '@zhengdun/domain';
import { newOrgCode, openCaseBody } from './api-fixtures';
import { enc, type ApiHarness } from './api-harness';
import { ALL_CHECKS, committee, county, measuresFor, secretaryOf } from './cases';
import { eventually } from './environment';

export type CaseView = Omit<CaseState, 'timeline'>;

export async function waitForStageOverHttp(api: ApiHarness, caseId: string, stage: Stage): Promise<CaseView> {
  return eventually(async () => {
    const view: CaseView = (await api.get(`/cases/${enc(caseId)}`, { as: county })).body.case;
    return view.stage === stage ? view : undefined;
  }, 20_000, `stage ${stage}`);
}

export async function actOverHttp(api: ApiHarness, caseId: string, action: string, as: Actor, body: unknown = {}): Promise<CaseView> {
  const response = await api.post(`/cases/${enc(caseId)}/actions/${action}`, { as, body });
  if (response.status !== 200) throw new Error(`${action} answered ${response.status}: ${response.text}`);
  return response.body;
}

/** A new case of the campaign (in 青山镇) taken to the publicity of its results (结果公示). */
export async function openedToPublicity(api: ApiHarness, campaignId: string): Promise<string> {
  const orgCode = newOrgCode();
  const caseId: string = (await api.post(`/campaigns/${campaignId}/cases`, { as: county, body: openCaseBody('rural', { orgCode }) })).body.caseId;
  const secretary = secretaryOf(orgCode);
  const state = await actOverHttp(api, caseId, 'submitPlan', secretary, { measures: measuresFor(await waitForStageOverHttp(api, caseId, 'assigned')) });
  await actOverHttp(api, caseId, 'approvePlan', committee);
  for (const measure of state.measures) {
    await actOverHttp(api, caseId, 'reportMeasureDone', secretary, { measureId: measure.id, evidence: '已完成，台账附后' });
    await actOverHttp(api, caseId, 'verifyMeasure', committee, { measureId: measure.id, accepted: true, comment: '属实' });
  }
  await actOverHttp(api, caseId, 'startPublicity', committee);
  return caseId;
}

/** A new case of the campaign (in 青山镇) taken to the township's 初验, which passes it. */
export async function openedToPreliminaryAcceptance(api: ApiHarness, campaignId: string): Promise<string> {
  const caseId = await openedToPublicity(api, campaignId);
  await waitForStageOverHttp(api, caseId, 'preliminary_acceptance');
  await actOverHttp(api, caseId, 'recordPreliminaryAcceptance', committee, { checks: ALL_CHECKS, opinion: '台账完整，措施落实' });
  return caseId;
}
