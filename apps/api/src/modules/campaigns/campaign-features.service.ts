import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  campaignRefOf,
  CampaignsException,
  CampaignWorkflowService,
  detectFormat,
  prepareLedgerStream,
  ScreeningImportService,
  sha256Hex,
  type LedgerStream,
  type UploadResult,
} from '@zhengdun/campaigns';
import type { AppConfig } from '@zhengdun/config';
import type { Actor } from '@zhengdun/domain';
import { campaignWorkflowId } from '@zhengdun/workflows';
import { AccessException } from '../../core/auth/access.exception';
import { API_CONFIG } from '../../core/infrastructure/injection-tokens';
import { TemporalCalls } from '../../core/infrastructure/temporal-calls.service';
import { AuditService } from '../audit/audit.service';
import { CampaignRequestException } from './campaign-request.exception';
import { CampaignsService } from './campaigns.service';
import type { CampaignStatusView, ImportProgressView, LedgerQueryDto } from './campaign-features.dto';
import type { UploadedSpreadsheet } from './screening-file.interceptor';

const SPREADSHEET_NAME = /\.(xlsx|csv)$/i;

/** Workflow of a campaign, screening-list imports and the ledger: adapters over @zhengdun/campaigns. */
@Injectable()
export class CampaignFeaturesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: CampaignWorkflowService,
    private readonly imports: ScreeningImportService,
    private readonly campaigns: CampaignsService,
    private readonly audit: AuditService,
    private readonly temporal: TemporalCalls,
    @Inject(API_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The campaign's clock for everyone in its county; its figures (the last progress summary, the end
   * report) are county-wide, so only county-level users get them: a township or an organization sees
   * null there and its own figures on /dashboard/summary, which is scoped.
   */
  async status(actor: Actor, campaignId: string): Promise<CampaignStatusView> {
    const campaign = await this.campaigns.get(actor, campaignId);
    const status = await this.temporal.run(() => this.workflows.status(campaign.id));
    const countyWide = actor.scope.level === 'county';
    return {
      campaignId: campaign.id,
      workflowId: campaignWorkflowId(campaign.id),
      daysLeft: status.daysLeft,
      asOf: status.asOf,
      startedAt: status.startedAt,
      endsAt: status.campaign.endsAt,
      summariesSent: status.summariesSent,
      nextSummaryAt: status.nextSummaryAt,
      lastSummary: countyWide ? (status.lastSummary as unknown as Record<string, unknown> | null) : null,
      ended: status.ended,
      end: countyWide ? (status.end as unknown as Record<string, unknown> | null) : null,
    };
  }

  template(): Promise<Buffer> {
    return this.imports.template();
  }

  /** Audited like every command; the payload digest is the SHA-256 of the file. */
  upload(actor: Actor, campaignId: string, file: UploadedSpreadsheet | undefined): Promise<UploadResult> {
    if (!file) throw CampaignRequestException.badUpload('no file part');
    return this.audit.commandWithDigest(actor, null, 'uploadScreeningList', sha256Hex(file.buffer), async () => {
      const campaign = await this.campaigns.get(actor, campaignId);
      const fileName = file.originalname.normalize('NFC').slice(0, 200);
      if (!SPREADSHEET_NAME.test(fileName)) throw CampaignRequestException.notSpreadsheet(fileName);
      // A NUL in a cell would reach Postgres (which refuses it) only when the rows are stored: a 500.
      if (detectFormat(file.buffer, fileName) === 'csv' && file.buffer.includes(0)) throw CampaignRequestException.notCsvText(fileName);
      return this.temporal.run(() =>
        this.imports.upload({ campaign: campaignRefOf(campaign), policy: campaign.policy, content: file.buffer, fileName, uploadedBy: actor }),
      );
    });
  }

  async progress(actor: Actor, campaignId: string, importId: string): Promise<ImportProgressView> {
    const campaign = await this.campaigns.get(actor, campaignId);
    const view = await this.imports.progress(importId);
    if (view.campaignId !== campaign.id) {
      throw new CampaignsException('import_not_found', `导入批次 ${importId} 不属于该整顿批次`, `import ${importId} is not in campaign ${campaign.id}`);
    }
    return view;
  }

  /**
   * Within the caller's scope: a township committee gets its own township whatever it asks. At most
   * LEDGER_MAX_CASES cases per export (a larger selection is 422, asking to filter); streamed.
   */
  ledger(actor: Actor, query: LedgerQueryDto): Promise<LedgerStream> {
    const scope = actor.scope;
    if (scope.level === 'organization') {
      throw AccessException.role(actor, ['county_department', 'township_committee', 'auditor'], '导出台账', 'export the ledger');
    }
    const township = scope.level === 'township' ? scope.township : query.township;
    return prepareLedgerStream(this.dataSource, { county: scope.county, campaignId: query.campaignId, township, domain: query.domain }, { maxCases: this.config.ledger.maxCases });
  }
}
