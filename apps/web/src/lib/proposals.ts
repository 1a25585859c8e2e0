/**
 * What the system proposed (提请约谈, 提请组织处理) as the forms and the case page show it. The kind's
 * name is the title the action's schema gives the proposal it acts on, so it is written once.
 */
import { CASE_ACTIONS, TALK_SUBJECT_STANDING_LABELS, fieldLabel, type Proposal, type TalkSubject } from '@zhengdun/domain';
import type { CaseStateView } from '../api/views';
import { formatDateTime } from './format';

export const PROPOSAL_KIND_LABELS: Record<Proposal['kind'], string> = {
  talk: fieldLabel(CASE_ACTIONS.recordTalk.body, ['proposalId']),
  organizational_handling: fieldLabel(CASE_ACTIONS.decideHandling.body, ['proposalId']),
};

/** The proposals of a kind still waiting for someone to act, oldest first (as the system made them). */
export function openProposals(state: CaseStateView, kind: Proposal['kind']): Proposal[] {
  return (state.escalation.proposals ?? []).filter((proposal) => proposal.kind === kind && proposal.status === 'proposed');
}

/** "书记X（支部书记）". */
export function subjectLabel(subject: TalkSubject): string {
  return `${subject.name}（${TALK_SUBJECT_STANDING_LABELS[subject.standing]}）`;
}

/** One line per proposal in a select: when it was made and whom it names. */
export function proposalOption(proposal: Proposal): { value: string; label: string } {
  return { value: proposal.id, label: `${formatDateTime(proposal.at)} 提请：${proposal.subjects.map((subject) => subject.name).join('、')}` };
}
