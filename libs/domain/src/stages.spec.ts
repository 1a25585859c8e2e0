import { ALLOWED_TRANSITIONS, canTransition, STAGES } from '@zhengdun/domain';

describe('stages', () => {
  it('every transition target is a known stage', () => {
    for (const stage of STAGES) for (const to of ALLOWED_TRANSITIONS[stage]) expect(STAGES).toContain(to);
  });
  it('archived is final', () => {
    expect(STAGES.some((to) => canTransition('archived', to))).toBe(false);
  });
});
