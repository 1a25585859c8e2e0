import { Injectable } from '@nestjs/common';
import { campaignRefOf, CampaignsException, detectFormat, ScreeningImportService, sha256Hex, type UploadResult } from '@zhengdun/campaigns';
import type { Actor } from '@zhengdun/domain';
import { AuditService } from '../../core/audit/audit.service';
import { TemporalCalls } from '../../core/infrastructure/temporal-calls.service';
import { CampaignRequestException } from './campaign-request.exception';
import { CampaignsService } from './campaigns.service';
import type { ImportProgressView } from './campaign-views.dto';
import type { UploadedSpreadsheet } from './screening-file.interceptor';

const SPREADSHEET_NAME = /\.(xlsx|csv)$/i;

/** Screening lists (摸排名单) of a campaign: the template, audited uploads and their progress. */
@Injectable()
export class ScreeningUploadsService {
  constructor(
    private readonly imports: ScreeningImportService,
    private readonly campaigns: CampaignsService,
    private readonly audit: AuditService,
    private readonly temporal: TemporalCalls,
  ) {}

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
}
