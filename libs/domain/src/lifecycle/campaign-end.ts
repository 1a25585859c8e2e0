/**
 * The campaign's hard end date (10月底前全面完成, County speech) has passed and this organization is still not
 * delisted: whoever missed the deadline must explain why (逐支部说明原因, County speech). What must be
 * finished by the end date is the rectification itself — every measure done and publicity started —
 * so a branch still rectifying is asked, while a case waiting on publicity or the committee's 初验 is
 * the township committee's to answer for, and one waiting on 县级验收 the county department's. The
 * campaign workflow signals every unfinished case once; a repeated signal changes nothing.
 */
import { chinaTime } from '../china-time';
import type { EscalationLevel } from '../case-state';
import { isUnderRectification, STAGE_LABELS } from '../stages';
import type { CaseState } from '../case-state';
import type { Recipient } from '../notifications';
import type { Stage } from '../stages';
import { committeeOf, countyOf, notify, record, secretaryOf, type Draft } from './draft';

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

/** Stages where the next step is the township committee's (publicity and its objections, 初验). */
const COMMITTEE_STAGES: readonly Stage[] = ['publicizing', 'preliminary_acceptance'];

/** Who answers for an unfinished case at the end date: the branch while it rectifies, else whoever it waits on. */
function whoAnswersAtTheEnd(state: CaseState): { label: string; recipients: Recipient[] } {
  if (state.stage === 'county_acceptance') return { label: '县委组织部', recipients: [countyOf(state)] };
  if (COMMITTEE_STAGES.includes(state.stage)) return { label: '乡镇（街道）党（工）委', recipients: [committeeOf(state), countyOf(state)] };
  return { label: '支部', recipients: [secretaryOf(state), committeeOf(state)] };
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
  const answerable = whoAnswersAtTheEnd(state);
  record(draft, 'campaign_ended', `${state.campaign.name}已于 ${chinaTime(endsAt)} 截止，仍处于“${STAGE_LABELS[state.stage]}”阶段：${CAMPAIGN_END_LABEL}，要求${answerable.label}说明原因`);
  notify(
    draft,
    'explanation_requested',
    answerable.recipients,
    `${CAMPAIGN_END_LABEL}，请说明原因`,
    `${state.campaign.name}已于 ${chinaTime(endsAt)} 截止，${state.org.name}仍处于“${STAGE_LABELS[state.stage]}”阶段，请书面说明原因。`,
    `${state.caseId}:${key}`,
  );
  return true;
}
