/**
 * Uploading a screening list (摸排名单) into a campaign: parse and validate, store the valid rows in
 * Postgres under the import id (campaign + SHA-256 of the file), and start the import workflow that
 * opens the cases in batches. The same file uploaded again finds the earlier import and starts nothing.
 */
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Actor, CampaignPolicy, CampaignRef } from '@zhengdun/domain';
import { ImportRepository, type ImportJobEntity } from '@zhengdun/persistence';
import type { ImportClient } from '@zhengdun/temporal';
import { importIdFor, importWorkflowId, type ImportProgress, type ImportWorkflowInput } from '@zhengdun/workflows';
import { CampaignsException } from '../campaigns.exception';
import { parseScreeningList } from '../screening/screening';
import type { ScreeningFileFormat, ScreeningReadLimits } from '../screening/screening-parser';
import { buildScreeningTemplate } from '../screening/screening-template';
import type { ScreeningIssue } from '../screening/screening-validator';

export interface UploadScreeningListRequest {
  campaign: CampaignRef;
  policy: CampaignPolicy;
  content: Buffer;
  fileName?: string;
  format?: ScreeningFileFormat;
  /** Recorded as the opener of every case (摸排确定 by the county department). */
  uploadedBy: Actor;
}

export interface ImportView {
  importId: string;
  workflowId: string;
  campaignId: string;
  fileName: string | null;
  fileSha256: string;
  /** Data rows in the file. */
  rowCount: number;
  /** Organizations to start (valid). */
  total: number;
  started: number;
  alreadyExisting: number;
  failed: number;
  done: boolean;
  issueCount: number;
  createdAt: string;
  finishedAt: string | null;
}

export interface UploadResult extends ImportView {
  /** false: this file had been uploaded to this campaign before; nothing new was started. */
  created: boolean;
  issues: ScreeningIssue[];
}

export interface ScreeningImportOptions {
  batchSize?: number;
  concurrency?: number;
  /** What reading one file may cost (uncompressed size, rows, cells); DEFAULT_SCREENING_LIMITS when unset. */
  limits?: ScreeningReadLimits;
}

export function sha256Hex(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

function view(job: ImportJobEntity, issueCount: number): ImportView {
  return {
    importId: job.id,
    workflowId: job.workflowId,
    campaignId: job.campaignId,
    fileName: job.fileName,
    fileSha256: job.fileSha256,
    rowCount: job.rowCount,
    total: job.total,
    started: job.started,
    alreadyExisting: job.alreadyExisting,
    failed: job.failed,
    done: job.done,
    issueCount,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
  };
}

export class ScreeningImportService {
  private readonly imports: ImportRepository;

  constructor(
    dataSource: DataSource,
    private readonly client: ImportClient,
    private readonly options: ScreeningImportOptions = {},
  ) {
    this.imports = new ImportRepository(dataSource);
  }

  /** The blank template (.xlsx) with its 填写说明 sheet. */
  template(): Promise<Buffer> {
    return buildScreeningTemplate();
  }

  /**
   * Validates the file and starts importing its valid organizations. Answers at once with the row
   * problems found and the import's id; progress follows through `progress(importId)`. Throws
   * CampaignsException 'invalid_file' when the file cannot be read at all.
   */
  async upload(request: UploadScreeningListRequest): Promise<UploadResult> {
    const fileSha256 = sha256Hex(request.content);
    const importId = importIdFor(request.campaign.id, fileSha256);
    const workflowId = importWorkflowId(importId);
    const earlier = await this.imports.findById(importId);
    if (earlier) {
      await this.ensureStarted(earlier);
      const job = (await this.imports.findById(importId))!;
      return { ...view(job, job.issues.length), created: false, issues: job.issues };
    }
    const screened = await parseScreeningList(request.content, { campaign: request.campaign, policy: request.policy }, {
      fileName: request.fileName,
      format: request.format,
      limits: this.options.limits,
    });
    const { job, created } = await this.imports.createOnce(
      {
        id: importId,
        campaignId: request.campaign.id,
        fileSha256,
        fileName: request.fileName ?? null,
        workflowId,
        campaign: request.campaign,
        policy: request.policy,
        openedBy: request.uploadedBy,
        rowCount: screened.rowCount,
        issues: screened.issues,
      },
      screened.organizations.map((organization) => ({ rowNo: organization.row, orgCode: organization.input.org.code, caseId: organization.caseId, input: organization.input })),
    );
    await this.ensureStarted(job);
    const current = (await this.imports.findById(importId))!;
    return { ...view(current, current.issues.length), created, issues: current.issues };
  }

  /**
   * Starts the import workflow unless it runs or has completed; one that failed or was terminated is
   * started again (rows already handled are skipped). An import with nothing valid is simply marked done.
   */
  private async ensureStarted(job: ImportJobEntity): Promise<void> {
    if (job.done) return;
    if (job.total === 0) {
      await this.imports.refreshCounters(job.id, true);
      return;
    }
    const input: ImportWorkflowInput = {
      importId: job.id,
      total: job.total,
      ...(this.options.batchSize ? { batchSize: this.options.batchSize } : {}),
      ...(this.options.concurrency ? { concurrency: this.options.concurrency } : {}),
    };
    await this.client.start(input);
  }

  /** Progress as stored in Postgres (kept current batch by batch; readable after the workflow has finished). */
  async progress(importId: string): Promise<ImportView> {
    const job = await this.imports.findById(importId);
    if (!job) throw new CampaignsException('import_not_found', `导入批次 ${importId} 不存在`, `import ${importId} not found`);
    return view(job, job.issues.length);
  }

  /** Progress straight from the running workflow (query), falling back to the table once it is gone. */
  async liveProgress(importId: string): Promise<ImportProgress> {
    const live = await this.client.progress(importId);
    if (live) return live;
    const job = await this.progress(importId);
    return { total: job.total, started: job.started, alreadyExisting: job.alreadyExisting, failed: job.failed, done: job.done };
  }

  /** The row problems of an import, as reported at upload. */
  async issues(importId: string): Promise<ScreeningIssue[]> {
    const job = await this.imports.findById(importId);
    if (!job) throw new CampaignsException('import_not_found', `导入批次 ${importId} 不存在`, `import ${importId} not found`);
    return job.issues;
  }

  /** Imports of a campaign, newest first. */
  async list(campaignId: string): Promise<ImportView[]> {
    return (await this.imports.listByCampaign(campaignId)).map(({ job, issueCount }) => view(job, issueCount));
  }
}
