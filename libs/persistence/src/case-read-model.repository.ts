/** Writes and reads of the case read model. Writes are idempotent: keyed by case and revision/seq. */
import type { DataSource, EntityManager } from 'typeorm';
import type { CaseState, CaseSummary, TimelineEntry } from '@zhengdun/domain';
import { stageDurations } from '@zhengdun/domain';
import { CaseEventEntity } from './entities/case-event.entity';
import { CaseRecordEntity } from './entities/case-record.entity';

export interface ProjectionWrite {
  state: Omit<CaseState, 'timeline'>;
  summary: CaseSummary;
  events: TimelineEntry[];
  revision: number;
}

export class CaseReadModelRepository {
  /** A DataSource, or the EntityManager of a transaction the write should join. */
  constructor(private readonly dataSource: DataSource | EntityManager) {}

  /** Upserts the case row unless a newer revision is already there, and adds new timeline rows. */
  async writeProjection({ state, summary, events, revision }: ProjectionWrite): Promise<void> {
    const durations = stageDurations({ ...state, timeline: [] } as CaseState, summary.updatedAt);
    await this.dataSource.transaction(async (manager) => {
      if (events.length > 0) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(CaseEventEntity)
          .values(
            events.map((event) => ({
              caseId: summary.caseId,
              seq: event.seq,
              at: new Date(event.at),
              type: event.type,
              actorId: event.actor.userId,
              actorName: event.actor.name,
              actorRole: event.actor.role,
              summary: event.summary,
            })),
          )
          .orIgnore()
          .execute();
      }
      await manager.query(
        `INSERT INTO case_record (case_id, campaign_id, county, org_code, org_name, domain, township, is_key_village, stage, round,
           overdue, escalation_level, talks, organizational_handling, problem_count, open_problem_count, measure_count, measures_done,
           person_ids, satisfaction_rate, next_due_at, stage_entered_at, delisted_at, created_at, updated_at, seq, revision, stage_durations, state)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27,$28,$29)
         ON CONFLICT (case_id) DO UPDATE SET
           stage = EXCLUDED.stage, round = EXCLUDED.round, overdue = EXCLUDED.overdue, escalation_level = EXCLUDED.escalation_level,
           talks = EXCLUDED.talks, organizational_handling = EXCLUDED.organizational_handling, problem_count = EXCLUDED.problem_count,
           open_problem_count = EXCLUDED.open_problem_count, measure_count = EXCLUDED.measure_count, measures_done = EXCLUDED.measures_done,
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
        ],
      );
    });
  }

  findCase(caseId: string): Promise<CaseRecordEntity | null> {
    return this.dataSource.getRepository(CaseRecordEntity).findOne({ where: { caseId } });
  }

  timelineOf(caseId: string): Promise<CaseEventEntity[]> {
    return this.dataSource.getRepository(CaseEventEntity).find({ where: { caseId }, order: { seq: 'ASC' } });
  }
}
