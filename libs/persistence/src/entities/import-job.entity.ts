import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Actor, CampaignPolicy, CampaignRef } from '@zhengdun/domain';

/** One problem found in an uploaded screening list, by spreadsheet row (1-based) and column header. */
export interface ImportIssueRecord {
  row: number;
  field: string;
  reason: string;
}

/**
 * One upload of a screening list (摸排名单) into a campaign. The id is `<campaignId>:<sha256>` of the
 * file, so the same file uploaded again finds this row instead of starting anything twice. Counters
 * are kept current by the import workflow's activities.
 */
@Entity({ name: 'import_job' })
@Index('idx_import_job_campaign', ['campaignId', 'createdAt'])
export class ImportJobEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'campaign_id', type: 'text' })
  campaignId!: string;

  @Column({ name: 'file_sha256', type: 'text' })
  fileSha256!: string;

  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName!: string | null;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  /** The campaign and policy the cases open under. */
  @Column({ type: 'jsonb' })
  campaign!: CampaignRef;

  @Column({ type: 'jsonb' })
  policy!: CampaignPolicy;

  /** Who uploaded the list: recorded as the opener of every case. */
  @Column({ name: 'opened_by', type: 'jsonb' })
  openedBy!: Actor;

  /** Data rows in the file (header excluded). */
  @Column({ name: 'row_count', type: 'int' })
  rowCount!: number;

  /** Organizations to start: the valid ones. */
  @Column({ type: 'int' })
  total!: number;

  @Column({ type: 'jsonb' })
  issues!: ImportIssueRecord[];

  @Column({ type: 'int', default: 0 })
  started!: number;

  @Column({ name: 'already_existing', type: 'int', default: 0 })
  alreadyExisting!: number;

  @Column({ type: 'int', default: 0 })
  failed!: number;

  @Column({ type: 'boolean', default: false })
  done!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
