import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { prepareLedgerStream, type LedgerStream } from '@zhengdun/campaigns';
import type { AppConfig } from '@zhengdun/config';
import type { Actor } from '@zhengdun/domain';
import { AccessException } from '../../core/auth/access.exception';
import { API_CONFIG } from '../../core/infrastructure/injection-tokens';
import type { LedgerQueryDto } from './campaign-views.dto';

/** The ledger (台账) as a streamed workbook, limited to the caller's scope. */
@Injectable()
export class LedgerExportService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Within the caller's scope: a township committee gets its own township whatever it asks. At most
   * LEDGER_MAX_CASES cases per export (a larger selection is 422, asking to filter); streamed.
   */
  export(actor: Actor, query: LedgerQueryDto): Promise<LedgerStream> {
    const scope = actor.scope;
    if (scope.level === 'organization') {
      throw AccessException.role(actor, ['county_department', 'township_committee', 'auditor'], '导出台账', 'export the ledger');
    }
    const township = scope.level === 'township' ? scope.township : query.township;
    return prepareLedgerStream(this.dataSource, { county: scope.county, campaignId: query.campaignId, township, domain: query.domain }, { maxCases: this.config.ledger.maxCases });
  }
}
