import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { CaseAccessService } from './case-access.service';
import { CaseActionsController } from './case-actions.controller';
import { CaseActionsService } from './case-actions.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  imports: [CampaignsModule],
  controllers: [CasesController, CaseActionsController],
  providers: [CasesService, CaseActionsService, CaseAccessService],
  exports: [CaseAccessService],
})
export class CasesModule {}
