import {
  assertTeamComplete,
  isTeamComplete,
  isTeamRoleAllowed,
  mergeTeam,
  ORG_DOMAINS,
  requiredTeamRoles,
  teamGap,
  TEAM_ROLES,
  type OrgDomain,
  type TeamMember,
} from '@zhengdun/domain';
import { act, ACTORS, at, expectViolation, fullTeam, openTestCase, RURAL_TEAM, snapshot, walkTo } from './testing/fixtures';

const rural = { domain: 'rural' as const, isKeyVillage: false };
const keyVillage = { domain: 'rural' as const, isKeyVillage: true };

describe('required team roles per domain (包抓)', () => {
  it('a rural village needs the "four ones": county leader, township leader, first secretary, paired agency', () => {
    expect([...requiredTeamRoles('rural')].sort()).toEqual(['county_leader', 'first_secretary', 'paired_agency', 'township_leader']);
  });

  it('a state-owned enterprise needs a designated section-level cadre and the supervising committee', () => {
    expect([...requiredTeamRoles('state_owned_enterprise')].sort()).toEqual(['designated_cadre', 'supervising_committee']);
  });

  it('a non-public enterprise needs a Party-building instructor and a linked leader', () => {
    expect([...requiredTeamRoles('non_public_enterprise')].sort()).toEqual(['linked_leader', 'party_building_instructor']);
  });

  it.each(['community', 'agency', 'school', 'hospital', 'social_organization'] as const)('%s needs one responsible leader', (domain) => {
    expect(requiredTeamRoles(domain)).toEqual(['responsible_leader']);
  });

  it.each(ORG_DOMAINS.map((d) => [d]))('a complete %s team is complete, and removing any one role makes it incomplete', (domain: OrgDomain) => {
    const org = { domain, isKeyVillage: false };
    const team = fullTeam(domain);
    expect(isTeamComplete(org, team)).toBe(true);
    for (const member of team) {
      const without = team.filter((m) => m !== member);
      expect(isTeamComplete(org, without)).toBe(false);
      expect(teamGap(org, without).missing).toEqual([member.teamRole]);
    }
  });

  it('an empty rural team is missing all four, in the order of the four ones', () => {
    expect(teamGap(rural, []).missing).toEqual(['county_leader', 'township_leader', 'first_secretary', 'paired_agency']);
  });

  it('assertTeamComplete names the missing roles in Chinese and in details', () => {
    const team = RURAL_TEAM.filter((m) => m.teamRole !== 'first_secretary');
    const error = expectViolation(() => assertTeamComplete(rural, team), 'team_incomplete');
    expect(error.details).toEqual({ missing: ['first_secretary'] });
    expect(error.messageZh).toContain('驻村第一书记');
    expect(() => assertTeamComplete(rural, RURAL_TEAM)).not.toThrow();
  });
});

describe('key or hard village (重点村、难点村)', () => {
  it('is not complete while the township leader is not the township Party secretary', () => {
    expect(teamGap(keyVillage, RURAL_TEAM)).toEqual({ missing: [], keyVillageNeedsPartySecretary: true });
    expect(isTeamComplete(keyVillage, RURAL_TEAM)).toBe(false);
    const error = expectViolation(() => assertTeamComplete(keyVillage, RURAL_TEAM), 'team_incomplete');
    expect(error.messageZh).toContain('乡镇党委书记');
  });

  it('is complete when the township Party secretary takes it over directly', () => {
    expect(isTeamComplete(keyVillage, fullTeam('rural', { keyVillage: true }))).toBe(true);
  });

  it('an ordinary village does not need the Party secretary', () => {
    expect(teamGap(rural, RURAL_TEAM).keyVillageNeedsPartySecretary).toBe(false);
  });

  it('the key-village rule applies only to rural organizations', () => {
    const ordinaryTownshipLeader = RURAL_TEAM.find((m) => m.teamRole === 'township_leader')!;
    const gap = teamGap({ domain: 'community', isKeyVillage: true }, [...fullTeam('community'), ordinaryTownshipLeader]);
    expect(gap).toEqual({ missing: [], keyVillageNeedsPartySecretary: false });
  });

  it('a key village case stays identified until the Party secretary is named, then is assigned', () => {
    const opened = openTestCase({ org: { isKeyVillage: true }, team: RURAL_TEAM });
    expect(opened.stage).toBe('identified');
    const partySecretary: TeamMember = { teamRole: 'township_leader', personId: 'lead-party-sec', name: '陈书记', isTownshipPartySecretary: true };
    const { state } = act(opened, { type: 'assignTeam', members: [partySecretary] }, ACTORS.committee, 5);
    expect(state.stage).toBe('assigned');
    expect(state.team.find((m) => m.teamRole === 'township_leader')?.personId).toBe('lead-party-sec');
    expect(state.team).toHaveLength(4);
  });

  it('replacing the Party secretary by an ordinary leader blocks plan approval', () => {
    const { state: planning } = walkTo('planning', { org: { isKeyVillage: true } });
    const ordinary = RURAL_TEAM.find((m) => m.teamRole === 'township_leader')!;
    const { state } = act(planning, { type: 'assignTeam', members: [ordinary] }, ACTORS.committee, 12);
    expectViolation(() => act(state, { type: 'approvePlan' }, ACTORS.committee, 13), 'team_incomplete');
  });
});

describe('team roles allowed per domain', () => {
  it('a role may be named only in the domains that require it', () => {
    for (const domain of ORG_DOMAINS) {
      for (const role of TEAM_ROLES) {
        expect([domain, role, isTeamRoleAllowed(domain, role)]).toEqual([domain, role, requiredTeamRoles(domain).includes(role)]);
      }
    }
  });

  it('a village cannot be given an enterprise role, nor an enterprise a first secretary', () => {
    expect(isTeamRoleAllowed('rural', 'designated_cadre')).toBe(false);
    expect(isTeamRoleAllowed('rural', 'party_building_instructor')).toBe(false);
    expect(isTeamRoleAllowed('state_owned_enterprise', 'first_secretary')).toBe(false);
    expect(isTeamRoleAllowed('non_public_enterprise', 'county_leader')).toBe(false);
    expect(isTeamRoleAllowed('school', 'paired_agency')).toBe(false);
  });

  it('assignTeam refuses a role that does not apply to the domain and leaves the case unchanged', () => {
    const opened = openTestCase({ team: [] });
    const before = snapshot(opened);
    const error = expectViolation(
      () => act(opened, { type: 'assignTeam', members: [{ teamRole: 'designated_cadre', personId: 'x', name: '某科长' }] }, ACTORS.committee, 1),
      'team_invalid',
    );
    expect(error.details).toEqual({ field: 'members[0].teamRole' });
    expect(opened).toEqual(before);
  });

  it('opening a case with a team role of another domain is refused', () => {
    expectViolation(() => openTestCase({ org: { domain: 'state_owned_enterprise' }, team: RURAL_TEAM }), 'team_invalid');
  });

  it('assignTeam refuses two people for one role, a blank name and an empty list', () => {
    const opened = openTestCase({ team: [] });
    const lead = RURAL_TEAM[0];
    expectViolation(() => act(opened, { type: 'assignTeam', members: [lead, { ...lead, personId: 'other' }] }, ACTORS.committee, 1), 'team_invalid');
    expectViolation(() => act(opened, { type: 'assignTeam', members: [{ ...lead, name: '  ' }] }, ACTORS.committee, 1), 'team_invalid');
    expectViolation(() => act(opened, { type: 'assignTeam', members: [{ ...lead, personId: '' }] }, ACTORS.committee, 1), 'team_invalid');
    expectViolation(() => act(opened, { type: 'assignTeam', members: [] }, ACTORS.committee, 1), 'invalid_input');
  });
});

describe('assigning the team', () => {
  it('a rural case without its four ones stays identified and has no plan deadline', () => {
    const opened = openTestCase({ team: RURAL_TEAM.slice(0, 3) });
    expect(opened.stage).toBe('identified');
    expect(opened.deadlines.planDueAt).toBeUndefined();
  });

  it('naming the last of the four ones moves the case to assigned and starts the plan period', () => {
    const opened = openTestCase({ team: RURAL_TEAM.slice(0, 3) });
    const { state } = act(opened, { type: 'assignTeam', members: [RURAL_TEAM[3]] }, ACTORS.county, 7);
    expect(state.stage).toBe('assigned');
    expect(state.history.map((h) => h.to)).toEqual(['identified', 'assigned']);
    // planPeriod is 100 s in the test policy, counted from the assignment at s=7.
    expect(state.deadlines.planDueAt).toBe(at(107));
  });

  it.each([
    ['state_owned_enterprise'],
    ['non_public_enterprise'],
    ['community'],
    ['hospital'],
  ] as const)('a %s case with its domain team opens straight into assigned', (domain) => {
    expect(openTestCase({ org: { domain } }).stage).toBe('assigned');
    expect(openTestCase({ org: { domain }, team: [] }).stage).toBe('identified');
  });

  it('a later assignment replaces the holder of that role, the others stay', () => {
    const merged = mergeTeam(RURAL_TEAM, [{ teamRole: 'first_secretary', personId: 'new-first', name: '新第一书记' }]);
    expect(merged).toHaveLength(4);
    expect(merged.find((m) => m.teamRole === 'first_secretary')?.personId).toBe('new-first');
    expect(merged.find((m) => m.teamRole === 'county_leader')?.personId).toBe('lead-county');
  });
});
