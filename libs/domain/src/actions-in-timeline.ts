/**
 * Which person's action wrote which timeline entries: what the audit trail is reconciled from.
 *
 * Every action records exactly one entry that names it (its primary entry, e.g. `plan_submitted`),
 * and around it only consequences: `stage_changed` and `rectification_deadline_set`, with the same
 * actor and instant. Three actions move the stage before they record (submitPlan from `assigned`,
 * approvePlan, startPublicity); every other consequence follows the primary entry. An action's
 * entries are contiguous (one synchronous `decide`), so its last entry's seq — the case's `seq` right
 * after it, which the workflow's Update returns — identifies it among the case's actions.
 */
import { CASE_ACTION_TYPES, CASE_ACTIONS, type CaseActionType } from './actions';
import type { TimelineEntry } from './case-state';
import { SYSTEM_ACTOR_ID } from './roles';

/** The entry each action records to say what it did (its definition's `records`); no other code records these types. */
export const ACTION_PRIMARY_ENTRIES: Record<CaseActionType, readonly string[]> = Object.fromEntries(
  CASE_ACTION_TYPES.map((type) => [type, CASE_ACTIONS[type].records]),
) as Record<CaseActionType, readonly string[]>;

/** Actions that may record a stage change just before their primary entry. */
const LEADS_WITH_STAGE_CHANGE: ReadonlySet<CaseActionType> = new Set<CaseActionType>(['submitPlan', 'approvePlan', 'startPublicity']);

/** Consequences an action may record next to its primary entry. */
const CONSEQUENCE_ENTRIES: ReadonlySet<string> = new Set(['stage_changed', 'rectification_deadline_set', 'organizational_handling_proposed', 'problems_reopened']);

const ACTION_OF_ENTRY: ReadonlyMap<string, CaseActionType> = new Map(
  (Object.entries(ACTION_PRIMARY_ENTRIES) as [CaseActionType, readonly string[]][]).flatMap(([action, types]) => types.map((type) => [type, action] as const)),
);

/** Every entry type that names a person's action, for a query over the timeline. */
export const PRIMARY_ENTRY_TYPES: readonly string[] = [...ACTION_OF_ENTRY.keys()];

export function actionOfEntry(type: string): CaseActionType | undefined {
  return ACTION_OF_ENTRY.get(type);
}

/** The minimum of an entry this needs (a read-model row maps onto it). */
export interface TimelineEntryRef {
  seq: number;
  at: string;
  type: string;
  actorId: string;
}

export interface ActionInTimeline {
  action: CaseActionType;
  /** The entry that names the action. */
  primarySeq: number;
  /** Its last entry: the case's seq right after the action, the key of its audit entry. */
  lastSeq: number;
}

function sameInstantAndActor(a: TimelineEntryRef, b: TimelineEntryRef): boolean {
  return a.at === b.at && a.actorId === b.actorId;
}

/**
 * The person actions in a run of consecutive entries (seq order, no gaps), each with its last seq.
 * The run must start at or before the primary entries asked about and reach past their consequences
 * (the next primary entry, or the end of the timeline); an action whose consequences fall outside
 * the run gets a `lastSeq` that is too small, so give the whole stretch between primaries.
 */
export function actionsInTimeline(entries: readonly TimelineEntryRef[]): ActionInTimeline[] {
  const found: ActionInTimeline[] = [];
  entries.forEach((entry, index) => {
    const action = entry.actorId === SYSTEM_ACTOR_ID ? undefined : actionOfEntry(entry.type);
    if (action === undefined) return;
    let last = index;
    for (let next = index + 1; next < entries.length; next++) {
      const candidate = entries[next];
      if (!CONSEQUENCE_ENTRIES.has(candidate.type) || !sameInstantAndActor(candidate, entry)) break;
      // A stage change right before the next action's primary entry, by the same person at the same
      // instant, is that action's own leading change, not this one's consequence.
      const after = entries[next + 1];
      const nextAction = after ? actionOfEntry(after.type) : undefined;
      if (candidate.type === 'stage_changed' && nextAction !== undefined && LEADS_WITH_STAGE_CHANGE.has(nextAction) && sameInstantAndActor(after, candidate)) break;
      last = next;
    }
    found.push({ action, primarySeq: entry.seq, lastSeq: entries[last].seq });
  });
  return found;
}

/** As `actionsInTimeline`, over a case's own timeline. */
export function actionsInCaseTimeline(timeline: readonly TimelineEntry[]): ActionInTimeline[] {
  return actionsInTimeline(timeline.map((entry) => ({ seq: entry.seq, at: entry.at, type: entry.type, actorId: entry.actor.userId })));
}
