/** Uploaded screening lists and the cases they start (import_job, import_row). */
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, CampaignPolicy, CampaignRef, OpenCaseInput } from '@zhengdun/domain';
import { ImportJobEntity, type ImportIssueRecord } from './entities/import-job.entity';
import { ImportRowEntity, type ImportRowStatus } from './entities/import-row.entity';
import { returned } from './returned-rows';

export interface NewImportJob {
  id: string;
  campaignId: string;
  fileSha256: string;
  fileName: string | null;
  workflowId: string;
  campaign: CampaignRef;
  policy: CampaignPolicy;
  openedBy: Actor;
  rowCount: number;
  issues: ImportIssueRecord[];
}

export interface NewImportRow {
  rowNo: number;
  orgCode: string;
  caseId: string;
  input: OpenCaseInput;
}

export interface ImportRowCounts {
  total: number;
  started: number;
  alreadyExisting: number;
  failed: number;
  pending: number;
}

const INSERT_CHUNK = 500;

export class ImportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores the job and its rows in one transaction, once: a second call with the same id changes
   * nothing and answers `created: false` with the job as it stands.
   */
  async createOnce(job: NewImportJob, rows: NewImportRow[]): Promise<{ job: ImportJobEntity; created: boolean }> {
    const created = await this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(ImportJobEntity)
        .values({ ...job, total: rows.length })
        .orIgnore()
        .returning(['id'])
        .execute();
      if (inserted.raw.length === 0) return false;
      await this.insertRows(manager, job.id, rows);
      return true;
    });
    return { job: (await this.findById(job.id))!, created };
  }

  private async insertRows(manager: EntityManager, importId: string, rows: NewImportRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(ImportRowEntity)
        .values(rows.slice(i, i + INSERT_CHUNK).map((row) => ({ importId, ...row })))
        .orIgnore()
        .execute();
    }
  }

  findById(id: string): Promise<ImportJobEntity | null> {
    return this.dataSource.getRepository(ImportJobEntity).findOne({ where: { id } });
  }

  /** Imports of a campaign, newest first, without their issue lists (only how many). */
  async listByCampaign(campaignId: string): Promise<{ job: ImportJobEntity; issueCount: number }[]> {
    const { entities, raw } = await this.dataSource
      .getRepository(ImportJobEntity)
      .createQueryBuilder('j')
      .select(['j.id', 'j.campaignId', 'j.fileSha256', 'j.fileName', 'j.workflowId', 'j.rowCount', 'j.total', 'j.started', 'j.alreadyExisting', 'j.failed', 'j.done', 'j.createdAt', 'j.updatedAt', 'j.finishedAt'])
      .addSelect('jsonb_array_length(j.issues)', 'issue_count')
      .where('j.campaign_id = :campaignId', { campaignId })
      .orderBy('j.created_at', 'DESC')
      .addOrderBy('j.id', 'ASC')
      .getRawAndEntities<{ issue_count: number }>();
    return entities.map((job, index) => ({ job, issueCount: Number(raw[index].issue_count) }));
  }

  /** The next rows still to start, in spreadsheet order. */
  pendingRows(importId: string, afterRow: number, limit: number): Promise<ImportRowEntity[]> {
    return this.dataSource
      .getRepository(ImportRowEntity)
      .createQueryBuilder('r')
      .where('r.import_id = :importId', { importId })
      .andWhere(`r.status = 'pending'`)
      .andWhere('r.row_no > :afterRow', { afterRow })
      .orderBy('r.row_no', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Notes that a start is being tried for these rows (the first time is kept). */
  async markAttempted(importId: string, rowNos: number[]): Promise<void> {
    if (rowNos.length === 0) return;
    await this.dataSource.query(
      `UPDATE import_row SET attempts = attempts + 1, first_attempt_at = COALESCE(first_attempt_at, now()), updated_at = now()
       WHERE import_id = $1 AND row_no = ANY($2::int[])`,
      [importId, rowNos],
    );
  }

  /** Records what became of a pending row; the first outcome recorded stands (two runners may race on a row). */
  async settleRow(importId: string, rowNo: number, status: ImportRowStatus, error: string | null = null): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_row SET status = $3, last_error = $4, updated_at = now() WHERE import_id = $1 AND row_no = $2 AND status = 'pending'`,
      [importId, rowNo, status, error],
    );
  }

  /** How often a row has been tried, and since when (read fresh: another runner may have tried it meanwhile). */
  async attemptsOf(importId: string, rowNo: number): Promise<{ attempts: number; firstAttemptAt: Date | null }> {
    const rows: { attempts: number; first_attempt_at: Date | null }[] = await this.dataSource.query(
      `SELECT attempts, first_attempt_at FROM import_row WHERE import_id = $1 AND row_no = $2`,
      [importId, rowNo],
    );
    return { attempts: Number(rows[0]?.attempts ?? 0), firstAttemptAt: rows[0]?.first_attempt_at ?? null };
  }

  /** Records a failed try; the row stays pending until `maxAttempts` tries have failed. Null: settled meanwhile by another runner. */
  async recordFailure(importId: string, rowNo: number, error: string, maxAttempts: number): Promise<ImportRowStatus | null> {
    const rows = returned<{ status: ImportRowStatus }>(await this.dataSource.query(
      `UPDATE import_row SET last_error = $3, status = CASE WHEN attempts >= $4 THEN 'failed' ELSE status END, updated_at = now()
       WHERE import_id = $1 AND row_no = $2 AND status = 'pending' RETURNING status`,
      [importId, rowNo, error, maxAttempts],
    ));
    return rows[0]?.status ?? null;
  }

  async counts(importId: string): Promise<ImportRowCounts> {
    const rows: { status: ImportRowStatus; count: string }[] = await this.dataSource.query(
      `SELECT status, count(*) AS count FROM import_row WHERE import_id = $1 GROUP BY status`,
      [importId],
    );
    const by = Object.fromEntries(rows.map((row) => [row.status, Number(row.count)])) as Partial<Record<ImportRowStatus, number>>;
    const started = by.started ?? 0;
    const alreadyExisting = by.already_exists ?? 0;
    const failed = by.failed ?? 0;
    const pending = by.pending ?? 0;
    return { total: started + alreadyExisting + failed + pending, started, alreadyExisting, failed, pending };
  }

  /**
   * Copies the row counts onto the job (what progress pages read); `done` marks the end of the import.
   * Counters only grow (a row leaves 'pending' once and never returns), so a late refresh — an attempt
   * Temporal has already given up on and retried, finishing after the import did — cannot lower them.
   */
  async refreshCounters(importId: string, done = false): Promise<ImportRowCounts> {
    const counts = await this.counts(importId);
    const rows = returned<{ started: number; already_existing: number; failed: number }>(await this.dataSource.query(
      `UPDATE import_job SET started = GREATEST(started, $2), already_existing = GREATEST(already_existing, $3),
         failed = GREATEST(failed, $4), updated_at = now(),
         done = done OR $5, finished_at = CASE WHEN $5 AND finished_at IS NULL THEN now() ELSE finished_at END
       WHERE id = $1 RETURNING started, already_existing, failed`,
      [importId, counts.started, counts.alreadyExisting, counts.failed, done],
    ));
    if (rows.length === 0) return counts;
    const [stored] = rows;
    const started = Number(stored.started);
    const alreadyExisting = Number(stored.already_existing);
    const failed = Number(stored.failed);
    return { total: counts.total, started, alreadyExisting, failed, pending: Math.max(0, counts.total - started - alreadyExisting - failed) };
  }
}
