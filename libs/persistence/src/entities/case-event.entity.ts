import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The case's timeline, one row per entry, keyed by (case, seq) so a retried write is a no-op. */
@Entity({ name: 'case_event' })
@Index('idx_case_event_at', ['at'])
export class CaseEventEntity {
  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId!: string;

  @PrimaryColumn({ type: 'int' })
  seq!: number;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'actor_id', type: 'text' })
  actorId!: string;

  @Column({ name: 'actor_name', type: 'text' })
  actorName!: string;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole!: string;

  @Column({ type: 'text' })
  summary!: string;
}
