/**
 * Accountability decided by people (docs/domain.md "Deadlines, reminders and accountability"): the
 * system proposes a talk (提请约谈) when a lapse stays open and organizational handling (提请组织处理)
 * when a person has had two talks (累计约谈两次以上, County speech); a township committee or the county
 * department records the talk it held or declines the proposal with a reason, and the county department
 * decides the handling. Only recorded talks count, per person talked to.
 */
import { chinaTime } from '../china-time';
import type { HandlingDecision, Proposal, TalkSubject } from '../case-state';
import { HANDLING_DECISION_LABELS } from '../labels';
import { violation } from '../rule-violation';
import { committeeOf, countyOf, notify, record, trimmed, type Draft } from './draft';

/** Talks with the same person that make the system propose organizational handling. */
export const TALKS_BEFORE_HANDLING = 2;

function openProposal(draft: Draft, proposalId: string, kind: Proposal['kind']): Proposal {
  const proposal = draft.state.escalation.proposals?.find((candidate) => candidate.id === proposalId && candidate.kind === kind);
  if (!proposal) {
    const what = kind === 'talk' ? '约谈建议' : '组织处理建议';
    throw violation('unknown_proposal', `没有编号为 ${proposalId} 的${what}`, `no ${kind} proposal ${proposalId} on this case`, { field: 'proposalId' });
  }
  if (proposal.status !== 'proposed') {
    throw violation('proposal_closed', `该建议已处理（${proposal.status === 'held' ? '已记录约谈' : proposal.status === 'declined' ? '已不予约谈' : '已作出决定'}），不能重复记录`, `proposal ${proposalId} is already ${proposal.status}`, {
      field: 'proposalId',
    });
  }
  return proposal;
}

function raiseLevel(draft: Draft, level: 2 | 3): void {
  draft.state.escalation.level = Math.max(draft.state.escalation.level, level) as 2 | 3;
}

/**
 * Proposes organizational handling for each person whose recorded talks — here and, for whoever
 * answers for several branches, about the others (`elsewhere`) — reached the count, once per person.
 */
function proposeHandling(draft: Draft, talkedTo: TalkSubject[], elsewhere: Record<string, number>): void {
  const { escalation } = draft.state;
  const proposals = (escalation.proposals ??= []);
  for (const person of talkedTo) {
    const here = escalation.talkCounts?.[person.personId] ?? 0;
    const talks = here + (elsewhere[person.personId] ?? 0);
    const already = proposals.some((p) => p.kind === 'organizational_handling' && p.subjects.some((s) => s.personId === person.personId));
    if (talks < TALKS_BEFORE_HANDLING || already) continue;
    const id = `proposal-${proposals.length + 1}`;
    const reason = talks === here ? `已约谈${talks}次` : `累计已约谈${talks}次（其中关于本组织${here}次）`;
    proposals.push({ id, kind: 'organizational_handling', at: draft.now, status: 'proposed', subjects: [person], reason });
    raiseLevel(draft, 3);
    record(draft, 'organizational_handling_proposed', `提请组织处理：${person.name}累计约谈${talks}次（待县委组织部决定）`);
    notify(
      draft,
      'organizational_handling_proposed',
      [countyOf(draft.state)],
      '累计约谈两次以上，提请组织处理',
      `${draft.state.org.name}：${person.name}已累计约谈${talks}次，按规定提请县委组织部研究组织处理。`,
      `${draft.state.caseId}:${id}`,
    );
  }
}

export function recordTalk(
  draft: Draft,
  proposalId: string,
  heldAt: string,
  talkedTo: TalkSubject['standing'][],
  talkRecord: string,
  talksElsewhere: Record<string, number> = {},
): void {
  const proposal = openProposal(draft, proposalId, 'talk');
  if (Date.parse(heldAt) > Date.parse(draft.now)) {
    throw violation('invalid_input', '约谈时间不能晚于现在：请在约谈之后记录', 'a talk is recorded after it was held', { field: 'heldAt' });
  }
  const subjects = proposal.subjects.filter((subject) => talkedTo.includes(subject.standing));
  if (subjects.length === 0) {
    throw violation('invalid_input', `约谈对象须为建议中的人员：${proposal.subjects.map((s) => s.name).join('、')}`, 'talked-to must be people the proposal names', { field: 'talkedTo' });
  }
  if (trimmed(talkRecord).length === 0) {
    throw violation('reason_required', '请填写约谈记录', 'a talk needs its record', { field: 'record' });
  }
  const { escalation } = draft.state;
  proposal.status = 'held';
  proposal.talk = { heldAt, talkedTo: subjects, record: trimmed(talkRecord), recordedBy: draft.actor, recordedAt: draft.now };
  escalation.talks += 1;
  const counts = (escalation.talkCounts ??= {});
  for (const subject of subjects) counts[subject.personId] = (counts[subject.personId] ?? 0) + 1;
  raiseLevel(draft, 2);
  const names = subjects.map((subject) => `${subject.name}（第${counts[subject.personId]}次）`).join('、');
  record(draft, 'talk_recorded', `已约谈${names}：${trimmed(talkRecord)}`);
  notify(draft, 'talk_recorded', [committeeOf(draft.state), countyOf(draft.state)], '约谈已记录', `${draft.state.org.name}：已约谈${names}。`, `${draft.state.caseId}:${proposal.id}:held`);
  proposeHandling(draft, subjects, talksElsewhere);
}

export function declineTalk(draft: Draft, proposalId: string, reason: string): void {
  const proposal = openProposal(draft, proposalId, 'talk');
  if (trimmed(reason).length === 0) {
    throw violation('reason_required', '请写明不予约谈的理由', 'declining a talk needs a reason', { field: 'reason' });
  }
  proposal.status = 'declined';
  proposal.declined = { reason: trimmed(reason), by: draft.actor, at: draft.now };
  record(draft, 'talk_declined', `不予约谈：${trimmed(reason)}`);
}

export function decideHandling(draft: Draft, proposalId: string, decision: HandlingDecision, reason: string): void {
  const proposal = openProposal(draft, proposalId, 'organizational_handling');
  if (trimmed(reason).length === 0) {
    throw violation('reason_required', '请写明组织处理决定的依据或理由', 'a handling decision needs its reasons', { field: 'reason' });
  }
  proposal.status = 'decided';
  proposal.decision = { decision, reason: trimmed(reason), decidedBy: draft.actor, decidedAt: draft.now };
  if (decision !== 'no_action') draft.state.escalation.organizationalHandling = true;
  const who = proposal.subjects.map((subject) => subject.name).join('、');
  record(draft, 'organizational_handling_decided', `组织处理决定（${who}）：${HANDLING_DECISION_LABELS[decision]}。${trimmed(reason)}`);
  notify(
    draft,
    'organizational_handling_decided',
    [committeeOf(draft.state), countyOf(draft.state)],
    `组织处理决定：${HANDLING_DECISION_LABELS[decision]}`,
    `${draft.state.org.name}（${who}）：${HANDLING_DECISION_LABELS[decision]}。${trimmed(reason)}`,
    `${draft.state.caseId}:${proposal.id}:decided`,
  );
}

/** The branch's explanation of a lapse, as the township committee judges it (accepted with a new date, or not). */
export function reviewExplanation(draft: Draft, lapseId: string, accepted: boolean, newDueAt: string | undefined, comment: string): void {
  const { state } = draft;
  const lapse = state.escalation.lapses?.find((candidate) => candidate.id === lapseId);
  if (!lapse) throw violation('invalid_input', `没有编号为 ${lapseId} 的逾期事项`, `no lapse ${lapseId} on this case`, { field: 'lapseId' });
  if (lapse.review || lapse.talkProposalId) {
    throw violation('proposal_closed', '该次逾期的说明已审核或已提请约谈，不能再审核', `lapse ${lapseId} was already reviewed or proposed for a talk`, { field: 'lapseId' });
  }
  const keys = new Set(lapse.items.map((item) => item.key));
  if (!state.escalation.explanations.some((explanation) => keys.has(explanation.dueItemKey))) {
    throw violation('invalid_input', '支部尚未就该次逾期作出说明', 'the branch has not explained this lapse yet', { field: 'lapseId' });
  }
  if (accepted && (!newDueAt || Date.parse(newDueAt) <= Date.parse(draft.now))) {
    throw violation('invalid_input', '认可说明时须给出新的完成时限（晚于现在）', 'an accepted explanation needs a new date, after now', { field: 'newDueAt' });
  }
  if (trimmed(comment).length === 0) throw violation('reason_required', '请填写审核意见', 'a review needs a comment', { field: 'comment' });
  lapse.review = { accepted, ...(accepted ? { newDueAt } : {}), comment: trimmed(comment), by: draft.actor, at: draft.now };
  const labels = lapse.items.map((item) => item.label).join('；');
  record(
    draft,
    'explanation_reviewed',
    accepted ? `逾期说明予以认可：${labels}，限 ${chinaTime(newDueAt!)} 前完成。${trimmed(comment)}` : `逾期说明不予认可：${labels}。${trimmed(comment)}`,
  );
}
