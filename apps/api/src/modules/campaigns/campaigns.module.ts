import { Module } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { CampaignWorkflowService, ScreeningImportService } from '@zhengdun/campaigns';
import type { AppConfig } from '@zhengdun/config';
import { CampaignNoticeRepository, SpotCheckRepository } from '@zhengdun/persistence';
import { CampaignClient, ImportClient } from '@zhengdun/temporal';
import { API_CONFIG, TEMPORAL_CLIENT } from '../../core/infrastructure/injection-tokens';
import { CampaignProgressService } from './campaign-progress.service';
import { CampaignStatusService } from './campaign-status.service';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';
import { LedgerController } from './ledger.controller';
import { LedgerExportService } from './ledger-export.service';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';
import { ScreeningController } from './screening.controller';
import { ScreeningFileInterceptor } from './screening-file.interceptor';
import { ScreeningUploadsService } from './screening-uploads.service';
import { SpotChecksController } from './spot-checks.controller';
import { SpotChecksService } from './spot-checks.service';

@Module({
  controllers: [CampaignsController, ScreeningController, LedgerController, NoticesController, SpotChecksController],
  providers: [
    {
      provide: CampaignWorkflowService,
      inject: [TEMPORAL_CLIENT, API_CONFIG],
      useFactory: (client: Client, config: AppConfig) => new CampaignWorkflowService(new CampaignClient(client, config.temporal.taskQueue)),
    },
    {
      provide: ScreeningImportService,
      inject: [DataSource, TEMPORAL_CLIENT, API_CONFIG],
      useFactory: (dataSource: DataSource, client: Client, config: AppConfig) =>
        new ScreeningImportService(dataSource, new ImportClient(client, config.temporal.taskQueue), { limits: config.uploads }),
    },
    { provide: CampaignNoticeRepository, inject: [DataSource], useFactory: (dataSource: DataSource) => new CampaignNoticeRepository(dataSource) },
    { provide: SpotCheckRepository, inject: [DataSource], useFactory: (dataSource: DataSource) => new SpotCheckRepository(dataSource) },
    CampaignsService,
    CampaignStatusService,
    CampaignProgressService,
    ScreeningUploadsService,
    LedgerExportService,
    NoticesService,
    SpotChecksService,
    ScreeningFileInterceptor,
  ],
  exports: [CampaignsService, SpotChecksService],
})
export class CampaignsModule {}
