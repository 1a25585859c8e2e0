import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 抽查: a sample the county drew from one township's 初验 or 回头看 results, once per township and
 * stage. The seed and the population are kept so that anyone can draw the same sample again.
 */
@Entity({ name: 'spot_check' })
export class SpotCheckEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'campaign_id', type: 'text' })
  campaignId!: string;

  @Column({ type: 'text' })
  township!: string;

  @Column({ type: 'text' })
  stage!: string;

  @Column({ type: 'double precision' })
  share!: number;

  @Column({ type: 'text' })
  seed!: string;

  /** Case ids the sample was drawn from (those with the township's result at the time). */
  @Column({ type: 'jsonb' })
  population!: string[];

  @Column({ type: 'jsonb' })
  sample!: string[];

  @Column({ name: 'drawn_by_id', type: 'text' })
  drawnById!: string;

  @Column({ name: 'drawn_by_name', type: 'text' })
  drawnByName!: string;

  @Column({ name: 'drawn_at', type: 'timestamptz' })
  drawnAt!: Date;
}

/** The county's re-check of one sampled case, beside the township's result it re-checked. */
@Entity({ name: 'spot_check_result' })
export class SpotCheckResultEntity {
  @PrimaryColumn({ name: 'spot_check_id', type: 'int' })
  spotCheckId!: number;

  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ name: 'township_passed', type: 'boolean' })
  townshipPassed!: boolean;

  @Column({ name: 'county_passed', type: 'boolean' })
  countyPassed!: boolean;

  @Column({ type: 'text' })
  finding!: string;

  @Column({ name: 'checked_by_id', type: 'text' })
  checkedById!: string;

  @Column({ name: 'checked_by_name', type: 'text' })
  checkedByName!: string;

  @Column({ name: 'checked_at', type: 'timestamptz' })
  checkedAt!: Date;
}
