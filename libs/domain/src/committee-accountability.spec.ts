import { DEFAULT_COMMITTEE_THRESHOLDS, gradesReached, proposedGrade } from '@zhengdun/domain';

describe('graded accountability of township committees', () => {
  it('reaches each grade by the overdue share or by the talks held, whichever is higher', () => {
    expect(gradesReached({ total: 10, overdue: 1, talks: 0 }, DEFAULT_COMMITTEE_THRESHOLDS)).toEqual([]);
    expect(gradesReached({ total: 10, overdue: 2, talks: 0 }, DEFAULT_COMMITTEE_THRESHOLDS)).toEqual(['serious_criticism']);
    expect(gradesReached({ total: 10, overdue: 0, talks: 4 }, DEFAULT_COMMITTEE_THRESHOLDS)).toEqual(['serious_criticism', 'talk_and_notice']);
    expect(gradesReached({ total: 10, overdue: 5, talks: 0 }, DEFAULT_COMMITTEE_THRESHOLDS)).toEqual(['serious_criticism', 'talk_and_notice', 'accountability']);
    expect(gradesReached({ total: 0, overdue: 0, talks: 0 }, DEFAULT_COMMITTEE_THRESHOLDS)).toEqual([]);
  });

  it('proposes one grade at a time, the lowest not yet decided', () => {
    const all = ['serious_criticism', 'talk_and_notice', 'accountability'] as const;
    expect(proposedGrade(all, [])).toBe('serious_criticism');
    expect(proposedGrade(all, ['serious_criticism'])).toBe('talk_and_notice');
    expect(proposedGrade(all, ['serious_criticism', 'talk_and_notice', 'accountability'])).toBeUndefined();
    expect(proposedGrade(['serious_criticism'], ['serious_criticism'])).toBeUndefined();
  });
});
