import { drawSample, sampleSize, townshipResultOf } from '@zhengdun/domain';
import { act, ACTORS, REVIEW_ALL_PASS, walkTo } from './testing/fixtures';

const POPULATION = Array.from({ length: 23 }, (_, i) => `case:c1:org-${String(i + 1).padStart(2, '0')}`);

describe('drawing a spot-check sample (抽查)', () => {
  it('takes the share rounded up, at least one, at most all', () => {
    expect(sampleSize(23, 0.2)).toBe(5);
    expect(sampleSize(3, 0.2)).toBe(1);
    expect(sampleSize(4, 1)).toBe(4);
    expect(sampleSize(0, 0.2)).toBe(0);
  });

  it('is the same for the same seed and population, whatever order the population is listed in', () => {
    const sample = drawSample(POPULATION, 0.2, 'seed-a');
    expect(sample).toHaveLength(5);
    expect(drawSample([...POPULATION].reverse(), 0.2, 'seed-a')).toEqual(sample);
    expect(sample.every((caseId) => POPULATION.includes(caseId))).toBe(true);
  });

  it('differs between seeds, and over many seeds every case can be drawn', () => {
    const samples = Array.from({ length: 200 }, (_, i) => drawSample(POPULATION, 0.2, `seed-${i}`));
    expect(new Set(samples.map((sample) => sample.join())).size).toBeGreaterThan(150);
    const drawn = new Set(samples.flat());
    expect(drawn.size).toBe(POPULATION.length);
    // Roughly even: no case is drawn more than twice its fair share of 200 × 5 / 23 ≈ 43.
    const counts = POPULATION.map((caseId) => samples.filter((sample) => sample.includes(caseId)).length);
    expect(Math.max(...counts)).toBeLessThan(87);
  });
});

describe("the township's result a spot-check re-checks", () => {
  it('is the latest 初验, or the latest 回头看 (合格 when it archived the case)', () => {
    const atCounty = walkTo('county_acceptance').state;
    expect(townshipResultOf(atCounty, 'preliminary_acceptance')).toMatchObject({ passed: true });
    expect(townshipResultOf(atCounty, 'follow_up_review')).toBeUndefined();
    const reviewing = walkTo('follow_up_review').state;
    const archived = act(reviewing, { type: 'recordFollowUpReview', checks: REVIEW_ALL_PASS, opinion: '巩固良好', reboundedProblemIds: [], newProblems: [] }, ACTORS.committee, 1120).state;
    expect(townshipResultOf(archived, 'follow_up_review')).toMatchObject({ passed: true, opinion: '巩固良好' });
  });
});
