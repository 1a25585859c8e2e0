import { Module } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { CampaignWorkflowService, ScreeningImportService } from '@zhengdun/campaigns';
import type { AppConfig } from '@zhengdun/config';
import { API_CONFIG, TEMPORAL_CLIENT } from '../../core/infrastructure/injection-tokens';
import { CampaignFeaturesService } from './campaign-features.service';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';
import { LedgerController } from './ledger.controller';
import { ScreeningController } from './screening.controller';
import { ScreeningFileInterceptor } from './screening-file.interceptor';

@Module({
  controllers: [CampaignsController, ScreeningController, LedgerController],
  providers: [
    {
      provide: CampaignWorkflowService,
      inject: [TEMPORAL_CLIENT, API_CONFIG],
      useFactory: (client: Client, config: AppConfig) => new CampaignWorkflowService(client, config.temporal.taskQueue),
    },
    {
      provide: ScreeningImportService,
      inject: [DataSource, TEMPORAL_CLIENT, API_CONFIG],
      useFactory: (dataSource: DataSource, client: Client, config: AppConfig) =>
        new ScreeningImportService(dataSource, client, { taskQueue: config.temporal.taskQueue, limits: config.uploads }),
    },
    CampaignsService,
    CampaignFeaturesService,
    ScreeningFileInterceptor,
  ],
  exports: [CampaignsService],
})
export class CampaignsModule {}
