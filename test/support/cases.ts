/** Cases, people and a policy in seconds for end-to-end tests: a whole lifecycle runs in seconds. */
import { randomUUID } from 'node:crypto';
import type { AcceptanceChecks, Actor, Assessment, CampaignPolicy, CampaignRef, MeasureDraft, OpenCaseInput, OrgDomain, ReviewChecks, TeamMember } from '@zhengdun/domain';
import type { CaseSnapshot } from '@zhengdun/workflows';
import type { CaseClient } from '@zhengdun/temporal';

export const COUNTY = '示范县';
export const TOWNSHIP = '青山镇';

export const SECONDS_POLICY: CampaignPolicy = {
  planPeriod: { amount: 600, unit: 'seconds' },
  publicityPeriod: { amount: 2, unit: 'seconds' },
  rectificationPeriod: { amount: 600, unit: 'seconds' },
  reportCadence: { amount: 600, unit: 'seconds' },
  reminderLead: { amount: 1, unit: 'seconds' },
  escalationInterval: { amount: 2, unit: 'seconds' },
  reviewDelay: { amount: 2, unit: 'seconds' },
  satisfactionThreshold: 0.8,
};

export function testCampaign(policy: CampaignPolicy = SECONDS_POLICY): { campaign: CampaignRef; policy: CampaignPolicy } {
  const id = `c${randomUUID().slice(0, 8)}`;
  return { campaign: { id, name: '2026年软弱涣散基层党组织整顿', county: COUNTY, endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString() }, policy };
}

export const county: Actor = { userId: 'county-wang', name: '王组织', role: 'county_department', scope: { level: 'county', county: COUNTY } };
export const committee: Actor = { userId: 'qs-li', name: '李委员', role: 'township_committee', scope: { level: 'township', county: COUNTY, township: TOWNSHIP } };
export const otherCommittee: Actor = { userId: 'hs-zhao', name: '赵委员', role: 'township_committee', scope: { level: 'township', county: COUNTY, township: '河口镇' } };
export const auditor: Actor = { userId: 'audit-1', name: '审计员', role: 'auditor', scope: { level: 'county', county: COUNTY } };

export function secretaryOf(orgCode: string): Actor {
  return { userId: `sec-${orgCode}`, name: `书记${orgCode}`, role: 'branch_secretary', scope: { level: 'organization', county: COUNTY, orgCode } };
}

export function leaderOf(orgCode: string, member: TeamMember): Actor {
  return { userId: member.personId, name: member.name, role: 'assigned_leader', scope: { level: 'organization', county: COUNTY, orgCode } };
}

const TEAMS: Record<'rural' | 'state_owned_enterprise' | 'non_public_enterprise' | 'other', TeamMember[]> = {
  rural: [
    { teamRole: 'county_leader', personId: 'lead-county', name: '陈副县长' },
    { teamRole: 'township_leader', personId: 'lead-town', name: '周书记', isTownshipPartySecretary: true },
    { teamRole: 'first_secretary', personId: 'lead-first', name: '吴第一书记' },
    { teamRole: 'paired_agency', personId: 'agency-fin', name: '县财政局' },
  ],
  state_owned_enterprise: [
    { teamRole: 'designated_cadre', personId: 'lead-cadre', name: '郑科长' },
    { teamRole: 'supervising_committee', personId: 'soe-committee', name: '国资委党委' },
  ],
  non_public_enterprise: [
    { teamRole: 'party_building_instructor', personId: 'lead-instructor', name: '孙指导员', appointingUnit: '县市场监督管理局' },
    { teamRole: 'linked_leader', personId: 'lead-market', name: '市场监管局钱局长', appointingUnit: '县市场监督管理局' },
  ],
  other: [{ teamRole: 'responsible_leader', personId: 'lead-resp', name: '冯主任' }],
};

export function teamFor(domain: OrgDomain): TeamMember[] {
  if (domain === 'rural' || domain === 'state_owned_enterprise' || domain === 'non_public_enterprise') return TEAMS[domain];
  return TEAMS.other;
}

export function caseInput(domain: OrgDomain, options: { withTeam?: boolean; isKeyVillage?: boolean; policy?: CampaignPolicy; orgCode?: string } = {}): OpenCaseInput {
  const { campaign, policy } = testCampaign(options.policy);
  const code = options.orgCode ?? `org${randomUUID().slice(0, 6)}`;
  return {
    campaign,
    policy,
    org: {
      code,
      name: `${domain === 'rural' ? '青山村' : '示范单位'}${code}党支部`,
      domain,
      county: COUNTY,
      township: TOWNSHIP,
      isKeyVillage: options.isKeyVillage ?? false,
      secretary: { personId: `sec-${code}`, name: `书记${code}` },
    },
    source: 'screening',
    problems: [
      { category: 'lax_inner_party_life', description: '“三会一课”不经常，组织生活流于形式' },
      { category: domain === 'rural' ? 'petitions_and_conflicts' : 'leadership_incomplete', description: '历史遗留问题多，群众意见大' },
    ],
    ...(options.withTeam === false ? {} : { team: teamFor(domain) }),
  };
}

export function measuresFor(state: CaseSnapshot, dueInMs = 3_600_000): MeasureDraft[] {
  const dueAt = new Date(Date.now() + dueInMs).toISOString();
  return state.problems
    .filter((problem) => problem.round === state.round)
    .map((problem) => ({
      problemId: problem.id,
      description: `针对“${problem.description}”制定具体整改措施并按月落实`,
      ownerId: state.org.secretary.personId,
      ownerName: state.org.secretary.name,
      dueAt,
    }));
}

export const ALL_CHECKS: AcceptanceChecks = { ledger: true, plan: true, results: true };

/** A 测评 held a minute ago among 20 members and representatives: 满意率 and 知晓率 given in percent. */
export function assessmentOf(satisfiedPercent = 95, awarePercent = 90): Assessment {
  const content = Math.round((satisfiedPercent / 100) * 20);
  return {
    heldAt: new Date(Date.now() - 60_000).toISOString(),
    participants: '党员、村民代表',
    respondents: 20,
    satisfied: content,
    basicallySatisfied: 0,
    dissatisfied: 20 - content,
    aware: Math.round((awarePercent / 100) * 20),
  };
}
export const REVIEW_OK: ReviewChecks = { measuresCarriedOut: true, mechanismsWorking: true, promisesDelivered: true, unqualifiedMembersHandled: true };

/** The secretary in post on a case (after 调整书记, not the one it was opened with). */
export function secretaryInPost(state: Pick<CaseSnapshot, 'org'>): Actor {
  return { ...secretaryOf(state.org.code), userId: state.org.secretary.personId, name: state.org.secretary.name };
}

/**
 * A measure done on a case that verifies measures (every case opened since verified-measures-v1): the
 * secretary reports it with evidence, the township committee (`verifier`) verifies it.
 */
export async function completeVerified(cases: CaseClient, caseId: string, measureId: string, evidence = '已召开党员大会通报整改情况，台账附后', verifier: Actor = committee): Promise<CaseSnapshot> {
  const state = await cases.state(caseId);
  await cases.act(caseId, secretaryInPost(state), { type: 'reportMeasureDone', measureId, evidence });
  return cases.act(caseId, verifier, { type: 'verifyMeasure', measureId, accepted: true, comment: '经实地核验，整改属实' });
}

/** Drives a case from its current stage through remediation (measures reported and verified) to the start of publicity. */
export async function remediateAndPublicize(cases: CaseClient, caseId: string, verifier: Actor = committee): Promise<CaseSnapshot> {
  const state: CaseSnapshot = await cases.state(caseId);
  for (const measure of state.measures.filter((m) => m.round === state.round && m.status !== 'done')) {
    if (measure.status === 'pending') await cases.act(caseId, secretaryInPost(state), { type: 'reportMeasureDone', measureId: measure.id, evidence: '已召开党员大会通报整改情况，台账附后' });
    await cases.act(caseId, verifier, { type: 'verifyMeasure', measureId: measure.id, accepted: true, comment: '经实地核验，整改属实' });
  }
  return cases.act(caseId, verifier, { type: 'startPublicity' });
}
