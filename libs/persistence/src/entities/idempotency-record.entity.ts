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

  /** The API instance (a random id per process) whose request holds the key while it runs. */
  @Column({ name: 'claimed_by', type: 'text', nullable: true })
  claimedBy!: string | null;

  /** Until when that claim holds; renewed while the request runs, taken over once it has passed. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;
}
