import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CaseState, EscalationLevel, OrgDomain, Stage } from '@zhengdun/domain';

/** One row per case: the read model behind lists and dashboards, kept current by the workflow. */
@Entity({ name: 'case_record' })
@Index('idx_case_campaign_stage', ['campaignId', 'stage'])
@Index('idx_case_township_stage', ['township', 'stage'])
@Index('idx_case_domain_stage', ['domain', 'stage'])
@Index('idx_case_overdue', ['overdue'], { where: 'overdue' })
@Index('idx_case_escalation', ['escalationLevel'])
@Index('idx_case_updated', ['updatedAt'])
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

  /** The case without its timeline, for exports and consistency checks. */
  @Column({ type: 'jsonb' })
  state!: Omit<CaseState, 'timeline'>;
}
