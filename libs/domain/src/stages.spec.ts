import { ALLOWED_TRANSITIONS, canTransition, STAGE_CHANGE_ARROW, STAGE_CHANGE_REASON, STAGE_LABELS, STAGES } from '@zhengdun/domain';

describe('stages', () => {
  it('every transition target is a known stage', () => {
    for (const stage of STAGES) for (const to of ALLOWED_TRANSITIONS[stage]) expect(STAGES).toContain(to);
  });
  it('archived is final', () => {
    expect(STAGES.some((to) => canTransition('archived', to))).toBe(false);
  });
  it('stage labels can be read back from a stage_changed summary (distinct, without its separators)', () => {
    const labels = STAGES.map((stage) => STAGE_LABELS[stage]);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) {
      expect(label).not.toContain(STAGE_CHANGE_ARROW.trim());
      expect(label).not.toContain(STAGE_CHANGE_REASON);
    }
  });
});
