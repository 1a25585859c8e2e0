import type { OrgDomain, Organization } from './organization';
import { violation } from './rule-violation';

/**
 * The leaders assigned to a case (包抓). For a rural organization these are the "four ones"
 * (四个一, County speech/Key tasks 2020); other domains have their own pairs (County speech).
 */
export const TEAM_ROLES = [
  'county_leader',
  'township_leader',
  'first_secretary',
  'paired_agency',
  'designated_cadre',
  'supervising_committee',
  'party_building_instructor',
  'linked_leader',
  'responsible_leader',
] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  county_leader: '联村县级领导',
  township_leader: '包村乡镇领导',
  first_secretary: '驻村第一书记',
  paired_agency: '结对帮扶单位',
  designated_cadre: '专人包抓干部（工委科级干部）',
  supervising_committee: '代管党（工）委',
  party_building_instructor: '党建指导员',
  linked_leader: '联系领导',
  responsible_leader: '责任领导',
};

export function isTeamRole(value: unknown): value is TeamRole {
  return typeof value === 'string' && (TEAM_ROLES as readonly string[]).includes(value);
}

export interface TeamMember {
  teamRole: TeamRole;
  personId: string;
  name: string;
  /** Post or unit, e.g. 县委常委、组织部部长 or the paired agency's name. */
  title?: string;
  /** Required of the township leader of a key or hard village (重点村、难点村, County speech). */
  isTownshipPartySecretary?: boolean;
  /** The unit that appointed a member named outside the Party committees (see appointments.ts). */
  appointingUnit?: string;
}

const REQUIRED_BY_DOMAIN: Record<OrgDomain, readonly TeamRole[]> = {
  rural: ['county_leader', 'township_leader', 'first_secretary', 'paired_agency'],
  state_owned_enterprise: ['designated_cadre', 'supervising_committee'],
  non_public_enterprise: ['party_building_instructor', 'linked_leader'],
  community: ['responsible_leader'],
  agency: ['responsible_leader'],
  school: ['responsible_leader'],
  hospital: ['responsible_leader'],
  social_organization: ['responsible_leader'],
};

export function requiredTeamRoles(domain: OrgDomain): readonly TeamRole[] {
  return REQUIRED_BY_DOMAIN[domain];
}

/** Roles that may be named for an organization of this domain (the required ones). */
export function isTeamRoleAllowed(domain: OrgDomain, role: TeamRole): boolean {
  return REQUIRED_BY_DOMAIN[domain].includes(role);
}

export interface TeamGap {
  missing: TeamRole[];
  /** A key village whose township leader is not the township Party secretary. */
  keyVillageNeedsPartySecretary: boolean;
}

export function teamGap(org: Pick<Organization, 'domain' | 'isKeyVillage'>, team: readonly TeamMember[]): TeamGap {
  const named = new Set(team.map((member) => member.teamRole));
  const missing = REQUIRED_BY_DOMAIN[org.domain].filter((role) => !named.has(role));
  const townshipLeader = team.find((member) => member.teamRole === 'township_leader');
  const keyVillageNeedsPartySecretary =
    org.domain === 'rural' && org.isKeyVillage && !!townshipLeader && !townshipLeader.isTownshipPartySecretary;
  return { missing, keyVillageNeedsPartySecretary };
}

export function isTeamComplete(org: Pick<Organization, 'domain' | 'isKeyVillage'>, team: readonly TeamMember[]): boolean {
  const gap = teamGap(org, team);
  return gap.missing.length === 0 && !gap.keyVillageNeedsPartySecretary;
}

/** Refuses a work step that needs the full team, naming what is missing. */
export function assertTeamComplete(org: Pick<Organization, 'domain' | 'isKeyVillage'>, team: readonly TeamMember[]): void {
  const gap = teamGap(org, team);
  if (gap.missing.length > 0) {
    const names = gap.missing.map((role) => TEAM_ROLE_LABELS[role]).join('、');
    throw violation('team_incomplete', `包抓责任人未配齐，缺少：${names}`, `assigned team incomplete, missing: ${gap.missing.join(', ')}`, {
      missing: gap.missing,
    });
  }
  if (gap.keyVillageNeedsPartySecretary) {
    throw violation(
      'team_incomplete',
      '重点村、难点村须由乡镇党委书记直接包抓',
      'a key or hard village must be taken over by the township Party secretary',
      { missing: ['township_leader'] },
    );
  }
}

/** Merges new assignments into a team: one person per role, the newest wins. */
export function mergeTeam(team: readonly TeamMember[], assignments: readonly TeamMember[]): TeamMember[] {
  const byRole = new Map(team.map((member) => [member.teamRole, member] as const));
  for (const member of assignments) byRole.set(member.teamRole, member);
  return TEAM_ROLES.filter((role) => byRole.has(role)).map((role) => byRole.get(role)!);
}
