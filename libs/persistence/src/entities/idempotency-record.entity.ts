import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The first answer to a request sent with an Idempotency-Key, replayed for every repeat. */
@Entity({ name: 'idempotency_record' })
export class IdempotencyRecordEntity {
  /** `${userId}:${Idempotency-Key}`: keys are private to the user who sent them. */
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ name: 'request_digest', type: 'text' })
  requestDigest!: string;

  @Column({ name: 'status_code', type: 'int', nullable: true })
  statusCode!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  body!: unknown;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
