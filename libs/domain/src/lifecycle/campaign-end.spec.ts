import { campaignEnded, campaignEndDueItemKey, decide, summarize, type CaseState } from '@zhengdun/domain';
import { ACTORS, CAMPAIGN, ctxAt, walkTo } from '../testing/fixtures';

const SIGNAL = { campaignId: CAMPAIGN.id, endsAt: CAMPAIGN.endsAt };

describe('the campaign’s end date (整顿期限已到)', () => {
  it.each(['identified', 'assigned', 'planning', 'remediating', 'publicizing', 'preliminary_acceptance', 'county_acceptance'] as const)(
    'asks an unfinished case (%s) to explain, once, and raises its escalation',
    (stage) => {
      const { state } = walkTo(stage);
      const first = campaignEnded(state, SIGNAL, ctxAt(5000));
      expect(first.changed).toBe(true);
      expect(first.state.escalation.level).toBeGreaterThanOrEqual(1);
      const records = first.state.escalation.records.filter((r) => r.dueItemKey === campaignEndDueItemKey(CAMPAIGN.id));
      expect(records).toEqual([
        expect.objectContaining({ key: 'campaign_end:c2025:explanation', step: 'explanation_requested', dueItemLabel: '整顿期限已到仍未完成' }),
      ]);
      expect(first.state.timeline.at(-1)).toMatchObject({ type: 'campaign_ended', actor: { userId: 'system' } });
      expect(first.state.timeline.at(-1)!.summary).toContain('整顿期限已到仍未完成');
      expect(first.notifications).toEqual([
        expect.objectContaining({ kind: 'explanation_requested', key: `${state.caseId}:campaign_end:c2025:explanation` }),
      ]);
      expect(first.state.stage).toBe(stage);

      const again = campaignEnded(first.state, SIGNAL, ctxAt(5001));
      expect(again.changed).toBe(false);
      expect(again.state).toBe(first.state);
      expect(again.notifications).toEqual([]);
    },
  );

  it.each([
    ['remediating', ['branch_secretary', 'township_committee'], '要求支部说明原因'],
    ['publicizing', ['township_committee', 'county_department'], '要求乡镇（街道）党（工）委说明原因'],
    ['preliminary_acceptance', ['township_committee', 'county_department'], '要求乡镇（街道）党（工）委说明原因'],
    ['county_acceptance', ['county_department'], '要求县委组织部说明原因'],
  ] as const)('asks whoever a %s case waits on: %j', (stage, who, words) => {
    const { state } = walkTo(stage);
    const { notifications, state: after } = campaignEnded(state, SIGNAL, ctxAt(5000));
    const recipients = notifications[0].recipients.map((r) => (r.kind === 'person' ? (r.personId === state.org.secretary.personId ? 'branch_secretary' : r.personId) : r.role));
    expect(recipients).toEqual(who);
    expect(after.timeline.at(-1)!.summary).toContain(words);
  });

  it.each(['delisted', 'follow_up_review', 'archived'] as const)('leaves a %s case alone', (stage) => {
    const { state } = walkTo(stage);
    const outcome = campaignEnded(state, SIGNAL, ctxAt(5000));
    expect(outcome).toMatchObject({ changed: false, notifications: [] });
    expect(outcome.state).toBe(state);
  });

  it('ignores the end of another campaign', () => {
    const { state } = walkTo('remediating');
    expect(campaignEnded(state, { campaignId: 'other', endsAt: CAMPAIGN.endsAt }, ctxAt(5000)).changed).toBe(false);
  });

  it('keeps a higher escalation level as it is, and the secretary can answer the request', () => {
    const { state } = walkTo('remediating');
    const escalated: CaseState = { ...state, escalation: { ...state.escalation, level: 2, talks: 1 } };
    const ended = campaignEnded(escalated, SIGNAL, ctxAt(5000)).state;
    expect(ended.escalation.level).toBe(2);
    const answered = decide(
      ended,
      { type: 'submitExplanation', dueItemKey: campaignEndDueItemKey(CAMPAIGN.id), explanation: '土地纠纷涉及多方，调解未完成' },
      ACTORS.secretary,
      ctxAt(5100),
    ).state;
    expect(answered.escalation.explanations.at(-1)).toMatchObject({ dueItemKey: 'campaign_end:c2025' });
  });

  it('shows in the summary as an escalation', () => {
    const { state } = walkTo('planning');
    expect(summarize(campaignEnded(state, SIGNAL, ctxAt(5000)).state, ctxAt(5000).now).escalationLevel).toBe(1);
  });
});
