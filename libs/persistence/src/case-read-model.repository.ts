/** Writes and reads of the case read model. Writes are idempotent: keyed by case and revision/seq. */
import type { DataSource, EntityManager } from 'typeorm';
import type { CaseNotification, CaseState, CaseSummary, TimelineEntry, Todo } from '@zhengdun/domain';
import { committeeTodos, stageDurations } from '@zhengdun/domain';
import { CaseEventEntity } from './entities/case-event.entity';
import { CaseRecordEntity } from './entities/case-record.entity';

export interface ProjectionWrite {
  state: Omit<CaseState, 'timeline'>;
  summary: CaseSummary;
  events: TimelineEntry[];
  revision: number;
}

/**
 * The committee's to-dos as a jsonb parameter; SQL NULL (the row is judged from its state when read, as
 * the to-do list does with a state it cannot read) rather than no projection at all for a state the
 * rules cannot read.
 */
function committeeTodosToKeep(state: CaseState, now: string): string | null {
  let todos: Todo[];
  try {
    todos = committeeTodos(state, now);
  } catch {
    return null;
  }
  return JSON.stringify(todos);
}

export class CaseReadModelRepository {
  /** A DataSource, or the EntityManager of a transaction the write should join. */
  constructor(private readonly dataSource: DataSource | EntityManager) {}

  /**
   * Upserts the case row unless a newer revision is already there, adds new timeline rows and the
   * change's notifications to the outbox: one statement, so one round trip and all or nothing.
   */
  async writeProjection({ state, summary, events, revision }: ProjectionWrite, notifications: CaseNotification[] = []): Promise<void> {
    const whole = { ...state, timeline: [] } as CaseState;
    const durations = stageDurations(whole, summary.updatedAt);
    const eventRows = events.map((event) => ({
      seq: event.seq,
      at: event.at,
      type: event.type,
      actor_id: event.actor.userId,
      actor_name: event.actor.name,
      actor_role: event.actor.role,
      summary: event.summary,
    }));
    const notificationRows = notifications.map((n) => ({ key: n.key, case_id: n.caseId, kind: n.kind, recipients: n.recipients, title: n.title, body: n.body, event_at: n.at }));
    await this.dataSource.query(
      `WITH new_events AS (
         INSERT INTO case_event (case_id, seq, at, type, actor_id, actor_name, actor_role, summary)
         SELECT $1, e.seq, e.at, e.type, e.actor_id, e.actor_name, e.actor_role, e.summary
           FROM jsonb_to_recordset($30::jsonb) AS e(seq int, at timestamptz, type text, actor_id text, actor_name text, actor_role text, summary text)
         ON CONFLICT DO NOTHING
       ), new_notifications AS (
         INSERT INTO notification_outbox (key, case_id, kind, recipients, title, body, event_at)
         SELECT n.key, n.case_id, n.kind, n.recipients, n.title, n.body, n.event_at
           FROM jsonb_to_recordset($31::jsonb) AS n(key text, case_id text, kind text, recipients jsonb, title text, body text, event_at timestamptz)
         ON CONFLICT DO NOTHING
       )
       INSERT INTO case_record (case_id, campaign_id, county, org_code, org_name, domain, township, is_key_village, stage, round,
         overdue, escalation_level, talks, organizational_handling, problem_count, open_problem_count, measure_count, measures_done,
         person_ids, satisfaction_rate, next_due_at, stage_entered_at, delisted_at, created_at, updated_at, seq, revision, stage_durations, state, measures_reported, committee_todos)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27,$28,$29,$32,$33)
       ON CONFLICT (case_id) DO UPDATE SET
         stage = EXCLUDED.stage, round = EXCLUDED.round, overdue = EXCLUDED.overdue, escalation_level = EXCLUDED.escalation_level,
         talks = EXCLUDED.talks, organizational_handling = EXCLUDED.organizational_handling, problem_count = EXCLUDED.problem_count,
         open_problem_count = EXCLUDED.open_problem_count, measure_count = EXCLUDED.measure_count, measures_done = EXCLUDED.measures_done,
         measures_reported = EXCLUDED.measures_reported, committee_todos = EXCLUDED.committee_todos,
         person_ids = EXCLUDED.person_ids, satisfaction_rate = EXCLUDED.satisfaction_rate, next_due_at = EXCLUDED.next_due_at,
         stage_entered_at = EXCLUDED.stage_entered_at, delisted_at = EXCLUDED.delisted_at, updated_at = EXCLUDED.updated_at,
         seq = EXCLUDED.seq, revision = EXCLUDED.revision, stage_durations = EXCLUDED.stage_durations, state = EXCLUDED.state
       WHERE case_record.revision < EXCLUDED.revision`,
      [
        summary.caseId,
        summary.campaignId,
        summary.county,
        summary.orgCode,
        summary.orgName,
        summary.domain,
        summary.township,
        summary.isKeyVillage,
        summary.stage,
        summary.round,
        summary.overdue,
        summary.escalationLevel,
        summary.talks,
        summary.organizationalHandling,
        summary.problemCount,
        summary.openProblemCount,
        summary.measureCount,
        summary.measuresDone,
        summary.personIds,
        summary.satisfactionRate,
        summary.nextDueAt,
        summary.stageEnteredAt,
        summary.delistedAt,
        summary.createdAt,
        summary.updatedAt,
        summary.seq,
        revision,
        JSON.stringify(durations),
        JSON.stringify(state),
        JSON.stringify(eventRows),
        JSON.stringify(notificationRows),
        summary.measuresReported,
        committeeTodosToKeep(whole, summary.updatedAt),
      ],
    );
  }

  findCase(caseId: string): Promise<CaseRecordEntity | null> {
    return this.dataSource.getRepository(CaseRecordEntity).findOne({ where: { caseId } });
  }

  timelineOf(caseId: string): Promise<CaseEventEntity[]> {
    return this.dataSource.getRepository(CaseEventEntity).find({ where: { caseId }, order: { seq: 'ASC' } });
  }
}
