import { Injectable } from '@nestjs/common';
import { isInScope, type Actor } from '@zhengdun/domain';
import { CaseQueryRepository } from '@zhengdun/persistence';
import { CaseClient } from '@zhengdun/temporal';
import { TemporalCalls } from '../../core/infrastructure/temporal-calls.service';
import { AccessException } from '../../core/auth/access.exception';

export interface CasePlace {
  county: string;
  township: string;
  orgCode: string;
}

/** Where a case belongs, and whether a user's scope covers it. */
@Injectable()
export class CaseAccessService {
  constructor(
    private readonly query: CaseQueryRepository,
    private readonly cases: CaseClient,
    private readonly temporal: TemporalCalls,
  ) {}

  /**
   * From the read model; a case opened a moment ago may not be projected yet, then from the
   * workflow itself (which also answers "no such case" with CaseException not_found).
   */
  async placeOf(caseId: string): Promise<CasePlace> {
    const row = await this.query.placeOf(caseId);
    if (row) return row;
    const { org } = await this.temporal.run(() => this.cases.state(caseId));
    return { county: org.county, township: org.township, orgCode: org.code };
  }

  assertInScope(actor: Actor, place: CasePlace, what = '该案件'): void {
    if (!isInScope(actor.scope, { county: place.county, township: place.township, code: place.orgCode })) {
      throw AccessException.scope(actor, what);
    }
  }
}
