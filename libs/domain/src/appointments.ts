/**
 * Who names whom on a case's team (包抓), and what a naming must say. The county department names the
 * county appointments of the "four ones" (the county-level leader, the first secretary, the paired
 * agency); a township or sector committee names its own leader; for a non-public enterprise the
 * market-regulation bureau names the linked leader and the Party-building instructor, which the
 * county or the committee records with that appointing unit (docs/domain.md, seeds 000 and 002).
 */
import type { Organization } from './organization';
import { USER_ROLE_LABELS, type Actor, type UserRole } from './roles';
import { violation, type RuleViolation } from './rule-violation';
import { TEAM_ROLE_LABELS, type TeamMember, type TeamRole } from './team';

const COUNTY: readonly UserRole[] = ['county_department'];
const COUNTY_OR_COMMITTEE: readonly UserRole[] = ['county_department', 'township_committee'];

export const APPOINTED_BY: Record<TeamRole, readonly UserRole[]> = {
  county_leader: COUNTY,
  first_secretary: COUNTY,
  paired_agency: COUNTY,
  township_leader: COUNTY_OR_COMMITTEE,
  designated_cadre: COUNTY_OR_COMMITTEE,
  supervising_committee: COUNTY_OR_COMMITTEE,
  party_building_instructor: COUNTY_OR_COMMITTEE,
  linked_leader: COUNTY_OR_COMMITTEE,
  responsible_leader: COUNTY_OR_COMMITTEE,
};

/** Named by a body outside the Party committees, so the record says which (县市场监督管理局 …). */
export const NEEDS_APPOINTING_UNIT: readonly TeamRole[] = ['party_building_instructor', 'linked_leader'];

/** Why this actor may not name these members for this organization, or undefined when the naming stands. */
export function appointmentRefusal(org: Pick<Organization, 'domain' | 'isKeyVillage'>, members: readonly TeamMember[], actor: Pick<Actor, 'role'>): RuleViolation | undefined {
  for (const [index, member] of members.entries()) {
    const bodies = APPOINTED_BY[member.teamRole];
    if (bodies && !bodies.includes(actor.role)) {
      return violation(
        'appointing_body',
        `${TEAM_ROLE_LABELS[member.teamRole]}由${bodies.map((role) => USER_ROLE_LABELS[role]).join('或')}选派，${USER_ROLE_LABELS[actor.role]}不能指定`,
        `${member.teamRole} is appointed by ${bodies.join(' or ')}, not by ${actor.role}`,
        { field: `members[${index}].teamRole`, appointedBy: bodies },
      );
    }
    if (NEEDS_APPOINTING_UNIT.includes(member.teamRole) && !member.appointingUnit?.trim()) {
      return violation(
        'team_invalid',
        `${TEAM_ROLE_LABELS[member.teamRole]}须注明选派单位（如县市场监督管理局）`,
        `${member.teamRole} needs its appointing unit`,
        { field: `members[${index}].appointingUnit` },
      );
    }
    if (member.teamRole === 'township_leader' && org.domain === 'rural' && org.isKeyVillage && !member.isTownshipPartySecretary) {
      return violation(
        'team_invalid',
        '重点村、难点村须由乡镇党委书记直接包抓：包村乡镇领导须为乡镇党委书记',
        'a key or hard village must be taken over by the township Party secretary',
        { field: `members[${index}].isTownshipPartySecretary` },
      );
    }
  }
  return undefined;
}
