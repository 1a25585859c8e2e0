/**
 * One workflow per case, for the whole life of the case (months to years). The rules live in
 * @zhengdun/domain; this file only orchestrates: it receives actions, sleeps on durable timers until
 * the next reminder or deadline, and hands I/O (read model, notifications, calendar) to activities.
 */
import {
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  currentUpdateInfo,
  isCancellation,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  actorRef,
  admission,
  campaignEnded,
  CASE_ACTION_TYPES,
  decide,
  fire,
  isOverdue,
  nextScheduledEvent,
  objectionReceived,
  openCase,
  plainDueDates,
  publicNotice,
  ratingReceived,
  rolloverInput,
  rolloverOpened,
  RuleViolation,
  summarize,
  usesWorkingDays,
  type CampaignPolicy,
  type CaseNotification,
  type CaseState,
  type DueDates,
  type Outcome,
} from '@zhengdun/domain';
import { CASE_ESCALATION_LEVEL, CASE_OVERDUE, CASE_STAGE } from '../search-attributes';
import { actorSignatureProblem, bundledActorKey } from './actor-signature';
import type { CalendarActivities, CaseActivities, RolloverActivities } from './case.activities';
import {
  campaignEndedSignal,
  caseStateQuery,
  caseUpdates,
  publicNoticeQuery,
  raiseObjectionSignal,
  rateSatisfactionSignal,
  RULE_VIOLATION_FAILURE,
  type ActionCommand,
  type CaseSnapshot,
  type CaseUpdate,
  type CaseWorkflowInput,
} from './case.messages';

// No maximum attempts: while Postgres is down a write waits; it is never dropped. A short timeout:
// these are single upserts, and the case's timers wait behind them when a worker dies mid-write.
// Cases started before LOCAL_PERSISTENCE_PATCH keep these two server-scheduled activities on replay.
const { projectCase, enqueueNotifications } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '5 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});
// Since the patch: one local activity writes the read model and the outbox inside the workflow task
// that made the change, so an action is visible when its Update returns, with no extra round trips.
// Retried without end: cases since BOUNDED_OUTAGE_PATCH use a bounded copy (persistWithinWindow).
const { persistCaseChanges } = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '10 seconds',
  localRetryThreshold: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});
export const LOCAL_PERSISTENCE_PATCH = 'local-persistence-v1';
// Since this patch the timer of the next deadline is kept while the deadline stays the same, instead
// of being cancelled and started again on every change (two history events per action saved), and
// what is due or overdue is judged against the last fired deadline (`deadlineClock`).
export const STEADY_DEADLINE_PATCH = 'steady-deadline-timer-v1';
// Since this patch a new case runs on proposals: timers request explanations per lapse and propose
// talks; people record talks and the county decides organizational handling (escalation.model).
// Cases started before keep the timer ladder their histories replay.
export const PROPOSED_TALKS_PATCH = 'proposed-talks-v1';
// Since this patch a new case's measures are reported by the branch and verified by the township
// committee (state.measureVerification); cases started before keep completing measures directly.
export const VERIFIED_MEASURES_PATCH = 'verified-measures-v1';
// Since this patch the read-model write takes its turn in the action queue: an action that arrives
// while a write is out runs after the write's result, never between. A write slower than the task's
// timeout makes the worker extend the task, and an Update can arrive in the extension; before, whether
// it ran before or after the write's result depended on how the results were grouped, which a replay
// did not reproduce (an Update's completion and a search-attribute upsert swapped places).
export const SERIAL_LOCAL_ACTIVITIES_PATCH = 'serial-local-activities-v1';
// Since this patch a write Postgres does not take within a window gives up; the case pauses on a
// durable timer, retries, and continues as new (the write still pending) when its history is long,
// instead of retrying one local activity for as long as the outage lasts: its every retry past the
// local threshold costs history events, and a days-long outage would have grown the history to
// Temporal's limit.
export const BOUNDED_OUTAGE_PATCH = 'bounded-outage-v1';
// Since this patch a plan deadline that no valid plan can meet (every measure due by a campaign end
// before it) is not reminded or escalated; the county sets a rectification deadline instead
// (state.planDeadline). Cases started before escalate it as their histories replay.
export const ATTAINABLE_PLAN_DEADLINE_PATCH = 'attainable-plan-deadline-v1';
// Since this patch county acceptance is judged on the recorded 测评 (满意率 and 知晓率 against the
// policy), public ratings a signal only (state.acceptanceBasis). Cases started before keep ratings and survey.
export const ASSESSED_ACCEPTANCE_PATCH = 'assessed-acceptance-v1';
// Since this patch a 回头看 that falls due is to be reported within the policy's review period, with
// a reminder before and the committee and county told when it passes (state.reviewReport). Cases
// started before keep a 回头看 without a date.
export const REVIEW_REPORT_DEADLINE_PATCH = 'review-report-deadline-v1';
const DEFAULT_OUTAGE = { writeWindowMs: 2 * 60_000, firstPauseMs: 30_000, maxPauseMs: 10 * 60_000 };
const WRITE_RETRY = { initialMs: 200, maximumMs: 10_000 };

/** How many attempts of a write, backing off from 200 ms (doubling, at most 10 s apart), fit in `windowMs`. */
function attemptsWithin(windowMs: number): number {
  let attempts = 1;
  for (let waited = 0, pause = WRITE_RETRY.initialMs; waited + pause <= windowMs; waited += pause, pause = Math.min(pause * 2, WRITE_RETRY.maximumMs)) attempts += 1;
  return attempts;
}
// Opens the next campaign's case of a rollover; retried until Temporal takes the start.
const { openRolloverCase } = proxyActivities<RolloverActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
const { dueDatesFrom } = proxyLocalActivities<CalendarActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '5 seconds' },
});

const DEFAULT_MAX_HISTORY_EVENTS = 10_000;

export interface CaseResult {
  caseId: string;
  stage: CaseState['stage'];
  round: number;
}

function nowIso(): string {
  return new Date().toISOString();
}

async function dueDates(now: string, policy: CampaignPolicy): Promise<DueDates> {
  return usesWorkingDays(policy) ? dueDatesFrom(now, policy) : plainDueDates(now, policy);
}

/** Turns a refusal into a failure the caller receives; anything else malformed is refused too. */
function refuse(error: unknown): never {
  if (error instanceof RuleViolation) {
    throw ApplicationFailure.create({
      type: RULE_VIOLATION_FAILURE,
      message: error.message,
      nonRetryable: true,
      details: [{ code: error.code, messageZh: error.messageZh, messageEn: error.messageEn, details: error.details }],
    });
  }
  const text = error instanceof Error ? error.message : String(error);
  throw ApplicationFailure.create({
    type: RULE_VIOLATION_FAILURE,
    message: `操作内容不完整或格式有误 (malformed action: ${text})`,
    nonRetryable: true,
    details: [{ code: 'invalid_input', messageZh: '操作内容不完整或格式有误', messageEn: `malformed action: ${text}`, details: {} }],
  });
}

const ACTOR_KEY = bundledActorKey();

/** Refuses a command whose actor the API did not sign for this case and this Update (see actor-signature.ts). */
function refuseUnsignedActor(command: ActionCommand): void {
  const problem = actorSignatureProblem(ACTOR_KEY, command, workflowInfo().workflowId, currentUpdateInfo()?.id, Date.now());
  if (problem) {
    refuse(new RuleViolation('actor_unverified', '操作人身份未经系统核验，操作被拒绝', `the actor is not verified: ${problem}`));
  }
}

function attempt(run: () => Outcome): Outcome {
  try {
    return run();
  } catch (error) {
    refuse(error);
  }
}

export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseResult> {
  // Asked first thing in every run, so the patch marker always sits in the run's first workflow task:
  // asked at the first wait instead, its place would depend on how an Update and a local activity's
  // result share a task, and a replay could find the marker where the code did not ask for it.
  const keepsDeadlineTimer = patched(STEADY_DEADLINE_PATCH);
  const proposesTalks = patched(PROPOSED_TALKS_PATCH);
  const verifiesMeasures = patched(VERIFIED_MEASURES_PATCH);
  const serialLocalActivities = patched(SERIAL_LOCAL_ACTIVITIES_PATCH);
  const boundsOutage = patched(BOUNDED_OUTAGE_PATCH);
  const attainablePlanDeadline = patched(ATTAINABLE_PLAN_DEADLINE_PATCH);
  const assessedAcceptance = patched(ASSESSED_ACCEPTANCE_PATCH);
  const reviewReportDeadline = patched(REVIEW_REPORT_DEADLINE_PATCH);
  const outage = input.outage ?? DEFAULT_OUTAGE;
  // Attempts bound the window (the local activity's schedule-to-close timeout does not end its retries here).
  const { persistCaseChanges: persistWithinWindow } = proxyLocalActivities<CaseActivities>({
    startToCloseTimeout: '10 seconds',
    localRetryThreshold: '10 seconds',
    retry: { initialInterval: WRITE_RETRY.initialMs, backoffCoefficient: 2, maximumInterval: WRITE_RETRY.maximumMs, maximumAttempts: attemptsWithin(outage.writeWindowMs) },
  });
  // Writes that failed in a row; the pause before the next attempt doubles with each.
  let failedWrites = 0;
  let state: CaseState;
  let revision: number;
  let projectedRevision: number;
  let projectedSeq: number;
  // Under the steady-deadline patch: the instant of the last deadline timer that fired. What is due and
  // what is overdue is judged against it, not against the workflow task's clock: a task retried after
  // a timeout can see an older clock when it runs than when it is replayed, and a decision taken on
  // the clock would then issue different commands on replay.
  let deadlineClock = input.resume?.deadlineClock ?? 0;
  if (input.resume) {
    ({ state, revision, projectedSeq } = input.resume);
    projectedRevision = input.resume.projectedRevision ?? revision;
    // A case continuing as new under this code takes the rule from its next run on.
    if (attainablePlanDeadline) state.planDeadline = 'attainable_only';
    if (assessedAcceptance) state.acceptanceBasis = 'assessment';
    if (reviewReportDeadline) state.reviewReport = 'due_by_period';
  } else if (input.open) {
    const now = nowIso();
    const due = await dueDates(now, input.open.input.policy);
    try {
      state = openCase(input.open.input, actorRef(input.open.openedBy), now, due);
    } catch (error) {
      refuse(error);
    }
    if (proposesTalks) state.escalation.model = 'proposals';
    if (verifiesMeasures) state.measureVerification = 'committee';
    if (attainablePlanDeadline) state.planDeadline = 'attainable_only';
    if (assessedAcceptance) state.acceptanceBasis = 'assessment';
    if (reviewReportDeadline) state.reviewReport = 'due_by_period';
    revision = 1;
    projectedRevision = 0;
    projectedSeq = 0;
  } else {
    throw ApplicationFailure.nonRetryable('caseWorkflow needs `open` or `resume`');
  }
  const outbox: CaseNotification[] = [...(input.resume?.outbox ?? [])];
  const maxHistoryEvents = input.maxHistoryEvents ?? DEFAULT_MAX_HISTORY_EVENTS;

  function commit(outcome: Outcome): void {
    state = outcome.state;
    outbox.push(...outcome.notifications);
    revision += 1;
  }

  // Actions run one at a time: one may wait on the calendar activity, and the next must see its result.
  let queue: Promise<unknown> = Promise.resolve();
  function oneAtATime<T>(run: () => Promise<T>): Promise<T> {
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  }

  for (const type of CASE_ACTION_TYPES) {
    setHandler(
      caseUpdates[type] as CaseUpdate,
      (command: ActionCommand) =>
        oneAtATime(async () => {
          const now = nowIso();
          const due = await dueDates(now, state.policy);
          commit(attempt(() => decide(state, command.action, command.actor, { now, due })));
          const { timeline: _timeline, ...snapshot } = state;
          return snapshot satisfies CaseSnapshot;
        }),
      {
        // Synchronous on purpose: the SDK does not await validators. A refusal here leaves no trace.
        validator: (command: ActionCommand) => {
          if (command?.action?.type !== type) refuse(new Error(`update ${type} carries action ${String(command?.action?.type)}`));
          refuseUnsignedActor(command);
          const now = nowIso();
          attempt(() => decide(state, command.action, command.actor, { now, due: plainDueDates(now, state.policy) }));
          // Checked here only: a replayed Update is not re-judged by rules added after it was accepted.
          const inadmissible = admission(state, command.action, command.actor);
          if (inadmissible) refuse(inadmissible);
        },
      },
    );
  }

  setHandler(raiseObjectionSignal, (signal) => {
    const now = nowIso();
    const outcome = objectionReceived(state, String(signal?.objectionId ?? ''), String(signal?.content ?? ''), { now, due: plainDueDates(now, state.policy) });
    if (outcome.changed) commit(outcome);
  });
  setHandler(rateSatisfactionSignal, (signal) => {
    const now = nowIso();
    const outcome = ratingReceived(state, String(signal?.ratingId ?? ''), signal?.level, { now, due: plainDueDates(now, state.policy) });
    if (outcome.changed) commit(outcome);
  });
  // New in the campaign release; no recorded history carries this signal, so no patch is needed.
  setHandler(campaignEndedSignal, (signal) => {
    const now = nowIso();
    const outcome = campaignEnded(state, { campaignId: String(signal?.campaignId ?? ''), endsAt: String(signal?.endsAt ?? '') }, { now, due: plainDueDates(now, state.policy) });
    if (outcome.changed) commit(outcome);
  });
  setHandler(caseStateQuery, () => state);
  setHandler(publicNoticeQuery, () => publicNotice(state));

  let searchAttributesKey = '';
  function syncSearchAttributes(): void {
    const overdue = isOverdue(state, keepsDeadlineTimer ? new Date(deadlineClock).toISOString() : nowIso());
    const key = `${state.stage}|${overdue}|${state.escalation.level}`;
    if (key === searchAttributesKey) return;
    searchAttributesKey = key;
    upsertSearchAttributes([
      { key: CASE_STAGE, value: state.stage },
      { key: CASE_OVERDUE, value: overdue },
      { key: CASE_ESCALATION_LEVEL, value: state.escalation.level },
    ]);
  }

  /**
   * Writes the read model and the outbox. Both activities are idempotent, so retries are safe.
   * False when Postgres did not take the write within the outage window (the notifications stay queued).
   */
  async function flush(): Promise<boolean> {
    const snapshotRevision = revision;
    const { timeline, ...rest } = state;
    const events = timeline.filter((entry) => entry.seq > projectedSeq);
    const notifications = outbox.splice(0);
    const projection = { state: rest, summary: summarize(state, nowIso()), events, revision: snapshotRevision };
    if (boundsOutage) {
      try {
        await persistWithinWindow({ projection, notifications });
        failedWrites = 0;
      } catch (error) {
        // Only the write is inside the try: whatever it failed with (the last attempt's error), it is not written.
        if (isCancellation(error)) throw error;
        outbox.unshift(...notifications);
        failedWrites += 1;
        return false;
      }
    } else if (patched(LOCAL_PERSISTENCE_PATCH)) {
      await persistCaseChanges({ projection, notifications });
    } else {
      // Runs from before local persistence schedule an activity per batch of notifications: a kind added
      // since (the 回头看 report to the county) would schedule one their histories do not have.
      const known = notifications.filter((notification) => notification.kind !== 'review_recorded');
      await Promise.all([known.length > 0 ? enqueueNotifications(known) : Promise.resolve(), projectCase(projection)]);
    }
    projectedSeq = events.length > 0 ? events[events.length - 1].seq : projectedSeq;
    projectedRevision = snapshotRevision;
    return true;
  }

  /** The input of the next run: everything the case knows, and what it has not written yet. */
  function nextRun(): CaseWorkflowInput {
    const unwritten = revision !== projectedRevision || outbox.length > 0;
    return {
      resume: { state, revision, projectedSeq, ...(keepsDeadlineTimer ? { deadlineClock } : {}), ...(unwritten ? { projectedRevision, outbox: [...outbox] } : {}) },
      maxHistoryEvents,
      ...(input.outage ? { outage: input.outage } : {}),
    };
  }

  function fireDueTimers(dueBy = Date.now()): void {
    for (let event = nextScheduledEvent(state); event && Date.parse(event.at) <= dueBy; event = nextScheduledEvent(state)) {
      const before = state.seq;
      const now = nowIso();
      commit(fire(state, event, { now, due: plainDueDates(now, state.policy) }));
      if (state.seq === before) break; // nothing changed: do not spin on the same event
    }
  }

  /** The timer of the next deadline, kept across changes that leave the deadline where it was. */
  interface Deadline {
    at: string;
    scope: CancellationScope;
    fired: boolean;
  }
  let deadline: Deadline | undefined;
  function armDeadline(at: string | undefined): Deadline | undefined {
    if (deadline?.at === at) return deadline;
    deadline?.scope.cancel();
    deadline = undefined;
    if (at === undefined) return undefined;
    const armed: Deadline = { at, scope: new CancellationScope(), fired: false };
    armed.scope
      .run(() => sleep(Math.max(1, Date.parse(at) - Date.now())))
      .then(
        () => (armed.fired = true),
        (error: unknown) => {
          if (!isCancellation(error)) throw error;
        },
      );
    return (deadline = armed);
  }

  const needsNewRun = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > maxHistoryEvents;

  for (;;) {
    syncSearchAttributes();
    if (revision !== projectedRevision || outbox.length > 0) {
      const written = await (serialLocalActivities ? oneAtATime(flush) : flush());
      if (!written) {
        // Postgres is down: pause, then try again; a long outage continues as new with the write pending.
        if (needsNewRun()) {
          await condition(allHandlersFinished);
          await continueAsNew<typeof caseWorkflow>(nextRun());
        }
        await sleep(Math.min(outage.maxPauseMs, outage.firstPauseMs * 2 ** (failedWrites - 1)));
      }
      continue;
    }
    // 滚动整顿: a review rolled the open problems into the next campaign; open that case before closing
    // this one. Only cases whose review named a next campaign get here (none of the recorded histories).
    const rollover = rolloverInput(state);
    if (rollover) {
      const opened = await openRolloverCase(rollover);
      const now = nowIso();
      const outcome = rolloverOpened(state, opened, { now, due: plainDueDates(now, state.policy) });
      if (outcome.changed) commit(outcome);
      continue;
    }
    if (state.stage === 'archived' || needsNewRun()) {
      await condition(allHandlersFinished);
      if (revision !== projectedRevision) continue;
      if (state.stage === 'archived') return { caseId: state.caseId, stage: state.stage, round: state.round };
      await continueAsNew<typeof caseWorkflow>(nextRun());
    }
    const next = nextScheduledEvent(state);
    const seen = revision;
    if (keepsDeadlineTimer) {
      const armed = armDeadline(next?.at);
      await condition(() => revision !== seen || armed?.fired === true);
      if (armed?.fired) {
        deadline = undefined; // spent: the next wait arms a new timer even for the same instant
        deadlineClock = Math.max(deadlineClock, Date.parse(armed.at));
        fireDueTimers(deadlineClock);
      }
    } else if (next) {
      const changed = await condition(() => revision !== seen, Math.max(1, Date.parse(next.at) - Date.now()));
      if (!changed) fireDueTimers();
    } else {
      await condition(() => revision !== seen);
    }
  }
}
