/**
 * The campaign's hard end date (10月底前全面完成, County speech) has passed and this organization is still not
 * delisted: whoever missed the deadline must explain why, branch by branch (逐支部说明原因, County speech). The
 * campaign workflow signals every unfinished case once; a repeated signal changes nothing.
 */
import type { EscalationLevel } from '../case-state';
import { isUnderRectification, STAGE_LABELS } from '../stages';
import { committeeOf, notify, record, secretaryOf, type Draft } from './draft';

export interface CampaignEndedSignal {
  campaignId: string;
  /** The end date that passed, ISO 8601. */
  endsAt: string;
}

export const CAMPAIGN_END_LABEL = '整顿期限已到仍未完成';

/** The due item a campaign's end raises: the secretary answers it with `submitExplanation`. */
export function campaignEndDueItemKey(campaignId: string): string {
  return `campaign_end:${campaignId}`;
}

/** Records the explanation request once; false when nothing changed (finished, other campaign, already done). */
export function campaignEndReached(draft: Draft, signal: CampaignEndedSignal): boolean {
  const { state } = draft;
  if (signal.campaignId !== state.campaign.id) return false;
  if (!isUnderRectification(state.stage)) return false;
  const dueItemKey = campaignEndDueItemKey(signal.campaignId);
  const key = `${dueItemKey}:explanation`;
  if (state.escalation.records.some((r) => r.key === key)) return false;
  const endsAt = signal.endsAt || state.campaign.endsAt;
  state.escalation.records.push({ key, step: 'explanation_requested', dueItemKey, dueItemLabel: CAMPAIGN_END_LABEL, at: draft.now });
  state.escalation.level = Math.max(state.escalation.level, 1) as EscalationLevel;
  record(draft, 'campaign_ended', `${state.campaign.name}已于 ${endsAt} 截止，仍处于“${STAGE_LABELS[state.stage]}”阶段：${CAMPAIGN_END_LABEL}，要求说明原因`);
  notify(
    draft,
    'explanation_requested',
    [secretaryOf(state), committeeOf(state)],
    `${CAMPAIGN_END_LABEL}，请说明原因`,
    `${state.campaign.name}已于 ${endsAt} 截止，${state.org.name}仍处于“${STAGE_LABELS[state.stage]}”阶段，请书面说明原因。`,
    `${state.caseId}:${key}`,
  );
  return true;
}
