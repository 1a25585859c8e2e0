import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OPEN_OBJECTIONS_LIMITS, type PublicNotice } from '@zhengdun/domain';
import { CaseQueryRepository, PublicSignalRepository } from '@zhengdun/persistence';
import { CaseClient, CaseException } from '@zhengdun/temporal';
import { TemporalCalls } from '../../core/infrastructure/temporal-calls.service';
import { AuditService, PUBLIC_AUDIT_ACTOR } from '../../core/audit/audit.service';
import type { RaiseObjectionDto, RateSatisfactionDto, SignalReceivedView } from './public-case.dto';
import { PublicCaseException } from './public-cases.exception';

/**
 * The public's side of a case: what is publicized, and objections and ratings sent as signals. A case
 * with nothing public and a case that does not exist get the same 404, after the same one lookup in
 * the read model. The stage is checked next so the sender hears "not now" (409); the workflow ignores
 * a signal that arrives after the stage moved on, and counts a repeated id once. One rating per device
 * and case, and at most a few open objections per address and case (public-client.ts), are checked in
 * Postgres before the case is signalled, so no flood reaches the case's state.
 */
@Injectable()
export class PublicCasesService {
  constructor(
    private readonly cases: CaseClient,
    private readonly temporal: TemporalCalls,
    private readonly audit: AuditService,
    private readonly query: CaseQueryRepository,
    private readonly sources: PublicSignalRepository,
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

  /** `source`: the sender's hashed address (sourceOf). */
  raiseObjection(caseId: string, dto: RaiseObjectionDto, source: string): Promise<SignalReceivedView> {
    const objectionId = dto.objectionId ?? `obj-${randomUUID()}`;
    const signal = { objectionId, content: dto.content };
    return this.audit.command(PUBLIC_AUDIT_ACTOR, caseId, 'raiseObjection', signal, async () => {
      const notice = await this.notice(caseId);
      if (!notice.acceptingObjections) throw PublicCaseException.notAcceptingObjections();
      const claim = await this.sources.claimObjection(caseId, objectionId, source, OPEN_OBJECTIONS_LIMITS);
      if (claim === 'source_full') throw PublicCaseException.tooManyOpenObjections('source', OPEN_OBJECTIONS_LIMITS.perSource);
      if (claim === 'case_full') throw PublicCaseException.tooManyOpenObjections('case', OPEN_OBJECTIONS_LIMITS.perCase);
      await this.temporal.run(() => this.cases.raiseObjection(caseId, signal)).catch(async (error: unknown) => {
        await this.sources.releaseObjection(caseId, objectionId);
        throw error;
      });
      return { id: objectionId, status: 'received' as const };
    });
  }

  /** `device`: the sender's hashed device id (deviceOf); the rating's id is derived from it, so a device counts once. */
  rateSatisfaction(caseId: string, dto: RateSatisfactionDto, device: string): Promise<SignalReceivedView> {
    const ratingId = `rating-${device.slice(0, 32)}`;
    const signal = { ratingId, level: dto.level };
    return this.audit.command(PUBLIC_AUDIT_ACTOR, caseId, 'rateSatisfaction', signal, async () => {
      const notice = await this.notice(caseId);
      if (!notice.acceptingRatings) throw PublicCaseException.notAcceptingRatings();
      if (!(await this.sources.claimRating(caseId, device))) throw PublicCaseException.alreadyRated();
      await this.temporal.run(() => this.cases.rateSatisfaction(caseId, signal)).catch(async (error: unknown) => {
        await this.sources.releaseRating(caseId, device);
        throw error;
      });
      return { id: ratingId, status: 'received' as const };
    });
  }
}
