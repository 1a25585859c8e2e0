import { caseIdFor, describeScope, isInScope, openCase, plainDueDates, type Scope } from '@zhengdun/domain';
import { at, CAMPAIGN, expectViolation, makeOrg, openTestCase, PROBLEMS, TEST_POLICY } from '../testing/fixtures';

describe('opening a case (摸排确定)', () => {
  it('names the case by campaign and organization, one per organization per campaign', () => {
    expect(caseIdFor('c2025', 'ORG-1')).toBe('case:c2025:ORG-1');
    expect(openTestCase().caseId).toBe(caseIdFor(CAMPAIGN.id, makeOrg().code));
  });

  it('numbers the problems found, trims them and records the opening', () => {
    const state = openTestCase({ problems: [{ category: 'village_bully_or_crime_links', description: '  村霸把持换届  ' }], team: [] });
    expect(state.problems).toEqual([{ id: 'p1', category: 'village_bully_or_crime_links', description: '村霸把持换届', round: 1 }]);
    expect(state.stage).toBe('identified');
    expect(state.round).toBe(1);
    expect(state.history).toEqual([{ from: null, to: 'identified', at: at(0), by: { userId: 'u-county', name: '县委组织部组织科', role: 'county_department' } }]);
    expect(state.timeline.map((t) => t.type)).toEqual(['case_opened']);
  });

  it('a rolled-over case remembers the case it came from on the case and each problem (滚动整顿)', () => {
    const state = openTestCase({ carriedFromCaseId: 'case:c2024:610722-BW-001' });
    expect(state.carriedFromCaseId).toBe('case:c2024:610722-BW-001');
    expect(state.problems.every((p) => p.carriedFrom === 'case:c2024:610722-BW-001')).toBe(true);
  });

  it('refuses a case with no problems, an unknown category, a blank description or an unknown domain', () => {
    expectViolation(() => openTestCase({ problems: [] }), 'invalid_input');
    expectViolation(() => openTestCase({ problems: [{ category: 'bad' as never, description: '问题' }] }), 'invalid_input');
    const blank = expectViolation(() => openTestCase({ problems: [...PROBLEMS, { category: 'other', description: ' ' }] }), 'invalid_input');
    expect(blank.details).toEqual({ field: 'problems[2].description' });
    expectViolation(
      () =>
        openCase(
          { campaign: CAMPAIGN, policy: TEST_POLICY, org: makeOrg({ domain: 'farm' as never }), source: 'screening', problems: PROBLEMS },
          { userId: 'u', name: 'u', role: 'county_department' },
          at(0),
          plainDueDates(at(0), TEST_POLICY),
        ),
      'invalid_input',
    );
  });

  it('sets no quota: any number of problems, and many organizations of one township, can be listed', () => {
    const many = Array.from({ length: 13 }, (_, i) => ({ category: 'other' as const, description: `问题${i + 1}` }));
    expect(openTestCase({ problems: many }).problems).toHaveLength(13);
    const ids = Array.from({ length: 50 }, (_, i) => openTestCase({ org: { code: `ORG-${i}` } }).caseId);
    expect(new Set(ids).size).toBe(50);
  });
});

describe('scopes', () => {
  const org = { county: '城固县', township: '博望镇', code: 'ORG-1' };
  it.each([
    [{ level: 'county', county: '城固县' }, true],
    [{ level: 'county', county: '洋县' }, false],
    [{ level: 'township', county: '城固县', township: '博望镇' }, true],
    [{ level: 'township', county: '城固县', township: '原公镇' }, false],
    [{ level: 'township', county: '洋县', township: '博望镇' }, false],
    [{ level: 'organization', county: '城固县', orgCode: 'ORG-1' }, true],
    [{ level: 'organization', county: '城固县', orgCode: 'ORG-2' }, false],
    [{ level: 'organization', county: '洋县', orgCode: 'ORG-1' }, false],
  ] as [Scope, boolean][])('%j covers the organization: %s', (scope, expected) => {
    expect(isInScope(scope, org)).toBe(expected);
  });

  it('describes a scope in Chinese', () => {
    expect(describeScope({ level: 'county', county: '城固县' })).toBe('城固县全县');
    expect(describeScope({ level: 'township', county: '城固县', township: '博望镇' })).toBe('城固县博望镇');
  });
});
