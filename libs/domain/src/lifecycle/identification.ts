/** Stage 1 (摸排确定) and 2 (包抓 / 四个一): a case is opened and its leaders named. */
import type { ActorRef, CampaignRef, CaseState } from '../case-state';
import type { IdentificationSource, Organization } from '../organization';
import { isOrgDomain } from '../organization';
import type { CampaignPolicy, DueDates } from '../policy';
import { appointmentRefusal } from '../appointments';
import { categoryRefusal, isProblemCategory, type ProblemInput } from '../problems';
import type { Actor } from '../roles';
import { violation, type RuleViolation } from '../rule-violation';
import { isTeamComplete, isTeamRole, isTeamRoleAllowed, mergeTeam, TEAM_ROLE_LABELS, type TeamMember } from '../team';
import { moveTo, record, trimmed, type Draft } from './draft';

export interface OpenCaseInput {
  campaign: CampaignRef;
  policy: CampaignPolicy;
  org: Organization;
  source: IdentificationSource;
  problems: ProblemInput[];
  team?: TeamMember[];
  carriedFromCaseId?: string;
}

/** The workflow id of a case: one per organization per campaign, so a second start is refused. */
export function caseIdFor(campaignId: string, orgCode: string): string {
  return `case:${campaignId}:${orgCode}`;
}

/**
 * What a person's request to open a case must meet beyond openCase's own rules: categories that fit
 * the domain, team members named by the right body. Checked by the API and the screening import, not
 * by openCase, so that a workflow started before these rules replays as it ran.
 */
export function openingRefusal(input: Pick<OpenCaseInput, 'org' | 'problems' | 'team'>, actor: Pick<Actor, 'role'>): RuleViolation | undefined {
  return categoryRefusal(input.org.domain, input.problems) ?? (input.team ? appointmentRefusal(input.org, input.team, actor) : undefined);
}

export function assertValidProblems(problems: readonly ProblemInput[]): void {
  if (problems.length === 0) {
    throw violation('invalid_input', '至少列出一个查摆出的问题', 'at least one problem found must be listed', { field: 'problems' });
  }
  problems.forEach((problem, index) => {
    if (!isProblemCategory(problem.category)) {
      throw violation('invalid_input', `第${index + 1}个问题的类别无效`, `problem ${index + 1} has an unknown category`, {
        field: `problems[${index}].category`,
      });
    }
    if (trimmed(problem.description).length === 0) {
      throw violation('invalid_input', `第${index + 1}个问题缺少具体表现`, `problem ${index + 1} has no description`, {
        field: `problems[${index}].description`,
      });
    }
  });
}

export function assertValidTeamMembers(org: Pick<Organization, 'domain'>, members: readonly TeamMember[]): void {
  members.forEach((member, index) => {
    if (!isTeamRole(member.teamRole) || !isTeamRoleAllowed(org.domain, member.teamRole)) {
      throw violation(
        'team_invalid',
        `第${index + 1}位责任人的包抓角色不适用于该领域`,
        `member ${index + 1}: role ${String(member.teamRole)} does not apply to domain ${org.domain}`,
        { field: `members[${index}].teamRole` },
      );
    }
    if (trimmed(member.personId).length === 0 || trimmed(member.name).length === 0) {
      throw violation('team_invalid', `${TEAM_ROLE_LABELS[member.teamRole]}须填写姓名和编号`, `member ${index + 1} needs a name and an id`, {
        field: `members[${index}]`,
      });
    }
  });
  const roles = members.map((member) => member.teamRole);
  if (new Set(roles).size !== roles.length) {
    throw violation('team_invalid', '同一包抓角色只能指定一人', 'each team role can be given to one person only', { field: 'members' });
  }
}

export function openCase(input: OpenCaseInput, actor: ActorRef, now: string, due: DueDates): CaseState {
  const { org } = input;
  if (!isOrgDomain(org.domain)) {
    throw violation('invalid_input', '组织领域无效', `unknown organization domain ${String(org.domain)}`, { field: 'org.domain' });
  }
  assertValidProblems(input.problems);
  const team = input.team ?? [];
  assertValidTeamMembers(org, team);
  const state: CaseState = {
    caseId: caseIdFor(input.campaign.id, org.code),
    campaign: input.campaign,
    org,
    source: input.source,
    policy: input.policy,
    stage: 'identified',
    round: 1,
    problems: input.problems.map((problem, index) => ({
      id: `p${index + 1}`,
      category: problem.category,
      description: trimmed(problem.description),
      round: 1,
      ...(input.carriedFromCaseId ? { carriedFrom: input.carriedFromCaseId } : {}),
    })),
    team: mergeTeam([], team),
    plan: { version: 0, status: 'none', returnReasons: [] },
    measures: [],
    reports: [],
    deadlines: {},
    objections: [],
    satisfaction: { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, ratingIds: [] },
    acceptances: [],
    reviews: [],
    escalation: { level: 0, talks: 0, organizationalHandling: false, records: [], explanations: [] },
    history: [],
    timeline: [],
    seq: 0,
    createdAt: now,
    updatedAt: now,
    ...(input.carriedFromCaseId ? { carriedFromCaseId: input.carriedFromCaseId } : {}),
  };
  const draft: Draft = { state, now, due, actor, notifications: [] };
  state.history.push({ from: null, to: 'identified', at: now, by: actor });
  record(draft, 'case_opened', `列入软弱涣散党组织整顿名单，查摆问题${state.problems.length}个`);
  enterAssignedWhenTeamComplete(draft);
  return state;
}

export function assignTeam(draft: Draft, members: TeamMember[]): void {
  const { state } = draft;
  if (members.length === 0) {
    throw violation('invalid_input', '请至少指定一位包抓责任人', 'name at least one team member', { field: 'members' });
  }
  assertValidTeamMembers(state.org, members);
  state.team = mergeTeam(state.team, members.map((member) => ({ ...member, name: trimmed(member.name) })));
  record(draft, 'team_assigned', members.map((member) => `${TEAM_ROLE_LABELS[member.teamRole]}：${member.name}`).join('；'));
  enterAssignedWhenTeamComplete(draft);
}

/** A case is ready for its plan once the domain's leaders are all in place (County speech, Key tasks 2020). */
function enterAssignedWhenTeamComplete(draft: Draft): void {
  const { state } = draft;
  if (state.stage === 'identified' && isTeamComplete(state.org, state.team)) {
    moveTo(draft, 'assigned');
    state.deadlines.planDueAt = draft.due.planPeriod;
  }
}
