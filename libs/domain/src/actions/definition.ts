import type { z } from 'zod';
import type { CaseState } from '../case-state';
import type { Draft } from '../lifecycle/draft';
import type { Actor, UserRole } from '../roles';
import type { RuleViolation } from '../rule-violation';
import type { Stage } from '../stages';

/**
 * One action a person takes on a case, defined once: everything the API, the workflow's Updates, the
 * OpenAPI document and the UI's form need is read from here (docs/architecture.md "Adding an action").
 */
export interface ActionDefinition<T extends string = string, Body extends z.ZodObject = z.ZodObject> {
  type: T;
  /** The action's name on buttons, in the timeline and in refusals. */
  label: string;
  /** One sentence for the API docs and under the form's title. */
  description: string;
  stages: readonly Stage[];
  roles: readonly UserRole[];
  /** The timeline entry (or entries, one per outcome) that says this action was taken: the audit trail is reconciled from them. */
  records: readonly string[];
  /** What the workflow receives besides `type` (and records in its history): field types, bounds and labels. */
  body: Body;
  /**
   * What a person sends, when the API first resolves part of it (e.g. a campaign id into the campaign
   * and its policy, which the workflow cannot look up). Absent: the person sends `body`.
   */
  request?: z.ZodObject;
  /**
   * Offered (as a button) only when this holds, e.g. a proposal waits for a decision. Not a rule: the
   * lifecycle step refuses on its own when there is nothing to act on.
   */
  offeredWhen?(state: CaseState, actor: Actor): boolean;
  /**
   * Rules that judge the request when a person makes it (who may name whom, categories by domain):
   * the API and the workflow's Update validator check them; a workflow replaying an action it
   * accepted earlier does not, so a rule added here never breaks a running case's history.
   */
  admissible?(state: CaseState, body: z.output<Body>, actor: Actor): RuleViolation | undefined;
  /** The lifecycle step: checks the rules and changes the draft, or throws a RuleViolation. */
  apply(draft: Draft, body: z.output<Body>): void;
}

/** Keeps the literal type and the body's inferred type of a definition. */
export function defineAction<const T extends string, Body extends z.ZodObject>(definition: ActionDefinition<T, Body>): ActionDefinition<T, Body> {
  return definition;
}

/** Stages in which the organization has not yet been put through publicity. */
export const ACTIVE_STAGES: readonly Stage[] = ['identified', 'assigned', 'planning', 'remediating'];

/** Every stage but archived: accountability follows a case wherever it has got to. */
export const OPEN_STAGES: readonly Stage[] = ['identified', 'assigned', 'planning', 'remediating', 'publicizing', 'preliminary_acceptance', 'county_acceptance', 'delisted', 'follow_up_review'];

/** Whether a proposal of this kind waits for a person's decision. */
export function hasOpenProposal(state: CaseState, kind: 'talk' | 'organizational_handling'): boolean {
  return (state.escalation.proposals ?? []).some((proposal) => proposal.kind === kind && proposal.status === 'proposed');
}

/**
 * Lapses whose explanation the committee has yet to judge (explained, not reviewed, no talk
 * proposed), each with the explanation given. Structural, so the web's view of a case fits too.
 */
export function lapsesAwaitingReview<
  L extends { id: string; review?: unknown; talkProposalId?: string; items: readonly { key: string }[] },
  E extends { dueItemKey: string },
>(state: { escalation: { lapses?: readonly L[]; explanations: readonly E[] } }): { lapse: L; explanation: E }[] {
  return (state.escalation.lapses ?? []).flatMap((lapse) => {
    if (lapse.review || lapse.talkProposalId) return [];
    const keys = new Set(lapse.items.map((item) => item.key));
    const explanation = state.escalation.explanations.find((candidate) => keys.has(candidate.dueItemKey));
    return explanation ? [{ lapse, explanation }] : [];
  });
}

/**
 * The requests for an explanation not answered yet, one per lapse (one explanation answers all its
 * items) or per item outside lapses: the first record of each, in order.
 */
export function explanationsOwed(state: CaseState): CaseState['escalation']['records'] {
  const { escalation } = state;
  const lapseOf = new Map((escalation.lapses ?? []).flatMap((lapse) => lapse.items.map((item) => [item.key, lapse.id] as const)));
  const answerKey = (dueItemKey: string) => lapseOf.get(dueItemKey) ?? dueItemKey;
  const answered = new Set(escalation.explanations.map((explanation) => answerKey(explanation.dueItemKey)));
  const owed: CaseState['escalation']['records'] = [];
  for (const record of escalation.records) {
    const key = answerKey(record.dueItemKey);
    if (record.step === 'explanation_requested' && !answered.has(key)) {
      answered.add(key);
      owed.push(record);
    }
  }
  return owed;
}
