import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CampaignPolicy, Reelection } from '@zhengdun/domain';

/** One county's round of rectification: its hard end date and its policy. */
@Entity({ name: 'campaign' })
export class CampaignEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  county!: string;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'jsonb' })
  policy!: CampaignPolicy;

  /** 村（社区）“两委”换届, when the county has one ahead: rural rectification must be done before it. */
  @Column({ type: 'jsonb', nullable: true })
  reelection!: Reelection | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
