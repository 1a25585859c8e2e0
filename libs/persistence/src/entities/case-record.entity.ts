import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CaseState, EscalationLevel, OrgDomain, Proposal, Stage, Todo } from '@zhengdun/domain';

/** A count of the satisfaction tally in `state`, or NULL when it is missing or not a plain count (never an error on write). */
const tallyCount = (key: string) =>
  `CASE WHEN (state #>> '{satisfaction,${key}}') ~ '^[0-9]{1,9}$' THEN (state #>> '{satisfaction,${key}}')::integer END`;

/** Whether a proposal of this kind waits for a decision (never NULL). */
const awaitsDecision = (kind: Proposal['kind']) => `COALESCE((state -> 'escalation' -> 'proposals') @> '[{"kind": "${kind}", "status": "proposed"}]', false)`;

/**
 * Columns Postgres derives from `state` on every write, so that the dashboard sums the ratings
 * without reading (and decompressing) each case's whole state. Never written by the application.
 */
const FROM_STATE = { generatedType: 'STORED', insert: false, update: false, select: false, nullable: true } as const;

/** One row per case: the read model behind lists and dashboards, kept current by the workflow. */
@Entity({ name: 'case_record' })
@Index('idx_case_campaign_stage', ['campaignId', 'stage'])
@Index('idx_case_township_stage', ['township', 'stage'])
@Index('idx_case_domain_stage', ['domain', 'stage'])
@Index('idx_case_overdue', ['overdue'], { where: 'overdue' })
@Index('idx_case_escalation', ['escalationLevel'])
@Index('idx_case_updated', ['updatedAt'])
@Index('idx_case_township_due', ['county', 'township', 'nextDueAt', 'caseId'])
export class CaseRecordEntity {
  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ name: 'campaign_id', type: 'text' })
  campaignId!: string;

  @Column({ type: 'text' })
  county!: string;

  @Column({ name: 'org_code', type: 'text' })
  orgCode!: string;

  @Column({ name: 'org_name', type: 'text' })
  orgName!: string;

  @Column({ type: 'text' })
  domain!: OrgDomain;

  @Column({ type: 'text' })
  township!: string;

  @Column({ name: 'is_key_village', type: 'boolean', default: false })
  isKeyVillage!: boolean;

  @Column({ type: 'text' })
  stage!: Stage;

  @Column({ type: 'int' })
  round!: number;

  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

  @Column({ name: 'escalation_level', type: 'smallint', default: 0 })
  escalationLevel!: EscalationLevel;

  @Column({ type: 'int', default: 0 })
  talks!: number;

  @Column({ name: 'organizational_handling', type: 'boolean', default: false })
  organizationalHandling!: boolean;

  @Column({ name: 'problem_count', type: 'int' })
  problemCount!: number;

  @Column({ name: 'open_problem_count', type: 'int' })
  openProblemCount!: number;

  @Column({ name: 'measure_count', type: 'int' })
  measureCount!: number;

  @Column({ name: 'measures_done', type: 'int' })
  measuresDone!: number;

  /** 已报告待核验: reported done, not yet verified (not counted in measuresDone). */
  @Column({ name: 'measures_reported', type: 'int', default: 0 })
  measuresReported!: number;

  /** The secretary, the team and measure owners: "cases assigned to me". */
  @Index('idx_case_person_ids', { synchronize: false })
  @Column({ name: 'person_ids', type: 'text', array: true })
  personIds!: string[];

  @Column({ name: 'satisfaction_rate', type: 'double precision', nullable: true })
  satisfactionRate!: number | null;

  @Column({ name: 'next_due_at', type: 'timestamptz', nullable: true })
  nextDueAt!: Date | null;

  @Column({ name: 'stage_entered_at', type: 'timestamptz' })
  stageEnteredAt!: Date;

  @Column({ name: 'delisted_at', type: 'timestamptz', nullable: true })
  delistedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Last timeline entry projected. */
  @Column({ type: 'int' })
  seq!: number;

  /** Monotonic write version from the workflow: an older write never replaces a newer one. */
  @Column({ type: 'int' })
  revision!: number;

  /** Milliseconds spent per stage so far, for "average days per stage". */
  @Column({ name: 'stage_durations', type: 'jsonb' })
  stageDurations!: Record<string, number>;

  /** state.satisfaction.satisfied: 满意 ratings of the current round. */
  @Column({ name: 'satisfied_count', type: 'int', ...FROM_STATE, asExpression: tallyCount('satisfied') })
  satisfiedCount!: number | null;

  /** state.satisfaction.basicallySatisfied: 基本满意. */
  @Column({ name: 'basically_satisfied_count', type: 'int', ...FROM_STATE, asExpression: tallyCount('basicallySatisfied') })
  basicallySatisfiedCount!: number | null;

  /** state.satisfaction.dissatisfied: 不满意. */
  @Column({ name: 'dissatisfied_count', type: 'int', ...FROM_STATE, asExpression: tallyCount('dissatisfied') })
  dissatisfiedCount!: number | null;

  /** state.policy.satisfactionThreshold: the rate the case's campaign requires at acceptance. */
  @Column({
    name: 'satisfaction_threshold',
    type: 'double precision',
    ...FROM_STATE,
    asExpression: `CASE WHEN jsonb_typeof(state #> '{policy,satisfactionThreshold}') = 'number' THEN (state #>> '{policy,satisfactionThreshold}')::double precision END`,
  })
  satisfactionThreshold!: number | null;

  /** A talk (约谈) is proposed and waits for a person's decision (migration CaseAwaitingCounters). */
  @Column({ name: 'awaits_talk', type: 'boolean', ...FROM_STATE, asExpression: awaitsDecision('talk') })
  awaitsTalk!: boolean | null;

  /** Organizational handling (组织处理) is proposed and waits for a decision. */
  @Column({ name: 'awaits_handling', type: 'boolean', ...FROM_STATE, asExpression: awaitsDecision('organizational_handling') })
  awaitsHandling!: boolean | null;

  /**
   * The township committee's to-dos on the case (domain committeeTodos), written with the state; NULL on
   * rows not written since the column came (migration CaseCommitteeTodos).
   */
  @Column({ name: 'committee_todos', type: 'jsonb', nullable: true })
  committeeTodos!: Todo[] | null;

  /** The case without its timeline, for exports and consistency checks. */
  @Column({ type: 'jsonb' })
  state!: Omit<CaseState, 'timeline'>;
}
