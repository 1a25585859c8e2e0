import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { PublicNotice } from '@zhengdun/domain';
import { CaseQueryRepository } from '@zhengdun/persistence';
import { CaseClient, CaseException } from '@zhengdun/temporal';
import { TemporalCalls } from '../../core/infrastructure/temporal-calls.service';
import { AuditService, PUBLIC_AUDIT_ACTOR } from '../../core/audit/audit.service';
import type { RaiseObjectionDto, RateSatisfactionDto, SignalReceivedView } from './public-case.dto';
import { PublicCaseException } from './public-cases.exception';

/**
 * The public's side of a case: what is publicized, and objections and ratings sent as signals. A case
 * with nothing public and a case that does not exist get the same 404, after the same one lookup in
 * the read model. The stage is checked next so the sender hears "not now" (409); the workflow ignores
 * a signal that arrives after the stage moved on, and counts a repeated id once.
 */
@Injectable()
export class PublicCasesService {
  constructor(
    private readonly cases: CaseClient,
    private readonly temporal: TemporalCalls,
    private readonly audit: AuditService,
    private readonly query: CaseQueryRepository,
  ) {}

  async notice(caseId: string): Promise<PublicNotice> {
    // The workflow is asked only about a case the read model knows to be public.
    if (!(await this.query.isPublicized(caseId))) throw PublicCaseException.notPublic();
    const notice = await this.temporal.run(() => this.cases.publicNotice(caseId)).catch((error: unknown) => {
      throw error instanceof CaseException && error.code === 'not_found' ? PublicCaseException.notPublic() : error;
    });
    if (!notice) throw PublicCaseException.notPublic();
    return notice;
  }

  raiseObjection(caseId: string, dto: RaiseObjectionDto): Promise<SignalReceivedView> {
    const objectionId = dto.objectionId ?? `obj-${randomUUID()}`;
    const signal = { objectionId, content: dto.content };
    return this.audit.command(PUBLIC_AUDIT_ACTOR, caseId, 'raiseObjection', signal, async () => {
      const notice = await this.notice(caseId);
      if (!notice.acceptingObjections) throw PublicCaseException.notAcceptingObjections();
      await this.temporal.run(() => this.cases.raiseObjection(caseId, signal));
      return { id: objectionId, status: 'received' as const };
    });
  }

  rateSatisfaction(caseId: string, dto: RateSatisfactionDto): Promise<SignalReceivedView> {
    const ratingId = dto.ratingId ?? `rating-${randomUUID()}`;
    const signal = { ratingId, level: dto.level };
    return this.audit.command(PUBLIC_AUDIT_ACTOR, caseId, 'rateSatisfaction', signal, async () => {
      const notice = await this.notice(caseId);
      if (!notice.acceptingRatings) throw PublicCaseException.notAcceptingRatings();
      await this.temporal.run(() => this.cases.rateSatisfaction(caseId, signal));
      return { id: ratingId, status: 'received' as const };
    });
  }
}
