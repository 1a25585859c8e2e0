import { admission, appointmentRefusal, categoryRefusal, problemCategoriesFor, refusal, type ProblemCategory } from '@zhengdun/domain';
import { ACTORS, fullTeam, openTestCase, RURAL_TEAM } from './testing/fixtures';

const [countyLeader, townshipLeader, firstSecretary, pairedAgency] = RURAL_TEAM;
const rural = { domain: 'rural' as const, isKeyVillage: false };
const keyVillage = { domain: 'rural' as const, isKeyVillage: true };

describe('who names whom on the team', () => {
  it('the county department names the county-level leader, the first secretary and the paired agency; a township committee may not', () => {
    for (const member of [countyLeader, firstSecretary, pairedAgency]) {
      expect(appointmentRefusal(rural, [member], ACTORS.county)).toBeUndefined();
      const refused = appointmentRefusal(rural, [member], ACTORS.committee);
      expect(refused).toMatchObject({ code: 'appointing_body' });
      expect(refused?.messageZh).toContain('由县委组织部选派');
    }
  });

  it('a township committee names its own township leader', () => {
    expect(appointmentRefusal(rural, [townshipLeader], ACTORS.committee)).toBeUndefined();
  });

  it('a non-public enterprise’s linked leader and instructor are recorded with the unit that appointed them', () => {
    const org = { domain: 'non_public_enterprise' as const, isKeyVillage: false };
    expect(appointmentRefusal(org, fullTeam('non_public_enterprise'), ACTORS.committee)).toBeUndefined();
    const withoutUnit = fullTeam('non_public_enterprise').map(({ appointingUnit: _unit, ...member }) => member);
    expect(appointmentRefusal(org, withoutUnit, ACTORS.committee)).toMatchObject({ code: 'team_invalid', details: { field: 'members[0].appointingUnit' } });
  });

  it('a key village’s township leader must be the township Party secretary', () => {
    expect(appointmentRefusal(keyVillage, [townshipLeader], ACTORS.committee)?.messageZh).toContain('须由乡镇党委书记直接包抓');
    expect(appointmentRefusal(keyVillage, [{ ...townshipLeader, isTownshipPartySecretary: true }], ACTORS.committee)).toBeUndefined();
    expect(appointmentRefusal(rural, [townshipLeader], ACTORS.committee)).toBeUndefined();
  });

  it('the assignTeam action carries the rule: admission refuses, decide alone (a replay) does not judge it', () => {
    const state = openTestCase({ team: [] });
    expect(admission(state, { type: 'assignTeam', members: [countyLeader] } as never, ACTORS.committee)).toMatchObject({ code: 'appointing_body' });
    expect(admission(state, { type: 'assignTeam', members: [countyLeader] } as never, ACTORS.county)).toBeUndefined();
  });
});

describe('a case short of its team says what is missing', () => {
  it('a plan submitted in 摸排确定 names the members still missing, not just the stage', () => {
    const state = openTestCase({ team: [countyLeader, townshipLeader, pairedAgency] });
    expect(state.stage).toBe('identified');
    const refused = refusal(state, 'submitPlan', ACTORS.secretary);
    expect(refused).toMatchObject({ code: 'team_incomplete', details: { missing: ['first_secretary'] } });
    expect(refused?.messageZh).toContain('驻村第一书记');
  });

  it('a key village whose township leader is not the Party secretary says so', () => {
    const state = openTestCase({ org: { isKeyVillage: true }, team: RURAL_TEAM });
    expect(refusal(state, 'submitPlan', ACTORS.secretary)?.messageZh).toContain('乡镇党委书记');
  });
});

describe('problem categories by domain', () => {
  it('村霸 and a village cadre’s criminal record belong to a village, not to a state-owned enterprise', () => {
    const problems: { category: ProblemCategory }[] = [{ category: 'lax_inner_party_life' }, { category: 'village_bully_or_crime_links' }];
    expect(categoryRefusal('rural', problems)).toBeUndefined();
    const refused = categoryRefusal('state_owned_enterprise', problems);
    expect(refused).toMatchObject({ code: 'category_not_for_domain', details: { field: 'problems[1].category' } });
    expect(refused?.messageZh).toBe('第2个问题的类别“村霸、涉黑涉恶问题”不适用于国有企业党组织');
    expect(problemCategoriesFor('state_owned_enterprise')).not.toContain('cadre_criminal_record');
  });

  it('each domain offers its typical problems first, then the 13 general ones, 其他 last', () => {
    const soe = problemCategoriesFor('state_owned_enterprise');
    expect(soe.slice(0, 3)).toEqual(['leadership_incomplete', 'irregular_organizational_life', 'two_skins']);
    expect(soe.slice(3, 16)).toHaveLength(13);
    expect(soe.at(-1)).toBe('other');
    expect(problemCategoriesFor('rural')).not.toContain('two_skins');
    expect(problemCategoriesFor('non_public_enterprise')).toContain('joint_branch_nominal');
  });

  it('new problems found by 回头看 must fit the domain too', () => {
    const state = openTestCase({ org: { domain: 'agency' }, problems: [{ category: 'weak_coverage', description: '覆盖薄弱' }] });
    const review = { type: 'recordFollowUpReview', checks: {}, opinion: '', reboundedProblemIds: [], newProblems: [{ category: 'two_skins', description: '两张皮' }] };
    expect(admission(state, review as never, ACTORS.committee)).toMatchObject({ code: 'category_not_for_domain', details: { field: 'newProblems[0].category' } });
  });
});
