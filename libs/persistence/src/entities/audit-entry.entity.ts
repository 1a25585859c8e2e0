import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every command, who and when and with what outcome. Append-only (triggers refuse UPDATE, DELETE and
 * TRUNCATE; the application's role may only read it and call `audit_append`); each row's hash covers its
 * content and the previous row's hash, so any edit breaks the chain, and signed checkpoints
 * (AuditCheckpointEntity) anchor its head and length.
 */
@Entity({ name: 'audit_entry' })
@Index('idx_audit_case', ['caseId'])
@Index('idx_audit_case_seq', ['caseId', 'caseSeq'], { unique: true, where: '"case_seq" IS NOT NULL' })
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'user_id', type: 'text' })
  userId!: string;

  @Column({ name: 'user_name', type: 'text' })
  userName!: string;

  @Column({ type: 'text' })
  role!: string;

  @Column({ name: 'case_id', type: 'text', nullable: true })
  caseId!: string | null;

  /** For a person's action on a case: the case's seq right after it. One entry per (case, seq). */
  @Column({ name: 'case_seq', type: 'int', nullable: true })
  caseSeq!: number | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'payload_digest', type: 'text' })
  payloadDigest!: string;

  /** accepted, refused:<rule>, or error:<kind>. */
  @Column({ type: 'text' })
  outcome!: string;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash!: string;

  @Column({ type: 'text' })
  hash!: string;
}
