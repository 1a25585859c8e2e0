import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A signed head of the audit chain: at `at` the chain ended at row `headId` with hash `headHash` and
 * held `entryCount` rows. `mac` is HMAC-SHA256 over those with AUDIT_HMAC_KEY (identified by `keyId`),
 * computed by the API: the key never reaches the database, so whoever can rewrite the tables cannot
 * sign a shorter or different chain. Append-only, like the chain.
 */
@Entity({ name: 'audit_checkpoint' })
@Index('idx_audit_checkpoint_head', ['headId'])
export class AuditCheckpointEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'head_id', type: 'bigint' })
  headId!: string;

  @Column({ name: 'head_hash', type: 'text' })
  headHash!: string;

  @Column({ name: 'entry_count', type: 'bigint' })
  entryCount!: string;

  @Column({ name: 'key_id', type: 'text' })
  keyId!: string;

  @Column({ type: 'text' })
  mac!: string;
}
