import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The county's decision on one grade of a township committee's accountability in a campaign; one per grade. */
@Entity({ name: 'committee_decision' })
export class CommitteeDecisionEntity {
  @PrimaryColumn({ name: 'campaign_id', type: 'text' })
  campaignId!: string;

  @PrimaryColumn({ type: 'text' })
  township!: string;

  @PrimaryColumn({ type: 'text' })
  grade!: string;

  @Column({ type: 'text' })
  decision!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'decided_by_id', type: 'text' })
  decidedById!: string;

  @Column({ name: 'decided_by_name', type: 'text' })
  decidedByName!: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;
}
