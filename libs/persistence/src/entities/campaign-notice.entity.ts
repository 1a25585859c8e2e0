import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { NoticeContent } from '@zhengdun/domain';

/** A circulated notice (督查通报) of a campaign, numbered 1, 2, … within it; never changed once issued. */
@Entity({ name: 'campaign_notice' })
@Unique('uq_campaign_notice_number', ['campaignId', 'number'])
export class CampaignNoticeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'campaign_id', type: 'text' })
  campaignId!: string;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ name: 'issued_by_id', type: 'text' })
  issuedById!: string;

  @Column({ name: 'issued_by_name', type: 'text' })
  issuedByName!: string;

  @Column({ type: 'jsonb' })
  content!: NoticeContent;
}
