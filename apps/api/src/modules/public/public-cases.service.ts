import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { PublicNotice } from '@zhengdun/domain';
import { CaseClient } from '@zhengdun/temporal';
import { TemporalCalls } from '../../core/infrastructure/temporal-calls.service';
import { AuditService, PUBLIC_AUDIT_ACTOR } from '../audit/audit.service';
import type { RaiseObjectionDto, RateSatisfactionDto, SignalReceivedView } from './public-case.dto';
import { PublicCaseException } from './public-cases.exception';

/**
 * The public's side of a case: what is publicized, and objections and ratings sent as signals. The
 * stage is checked first so the sender hears "not now" (409); the workflow ignores a signal that
 * arrives after the stage moved on, and counts a repeated id once.
 */
@Injectable()
export class PublicCasesService {
  constructor(
    private readonly cases: CaseClient,
    private readonly temporal: TemporalCalls,
    private readonly audit: AuditService,
  ) {}

  async notice(caseId: string): Promise<PublicNotice> {
    const notice = await this.temporal.run(() => this.cases.publicNotice(caseId));
    if (!notice) throw PublicCaseException.notPublic();
    return notice;
  }

  raiseObjection(caseId: string, dto: RaiseObjectionDto): Promise<SignalReceivedView> {
    const objectionId = dto.objectionId ?? `obj-${randomUUID()}`;
    const signal = { objectionId, content: dto.content };
    return this.audit.command(PUBLIC_AUDIT_ACTOR, caseId, 'raiseObjection', signal, async () => {
      const notice = await this.temporal.run(() => this.cases.publicNotice(caseId));
      if (!notice?.acceptingObjections) throw PublicCaseException.notAcceptingObjections();
      await this.temporal.run(() => this.cases.raiseObjection(caseId, signal));
      return { id: objectionId, status: 'received' as const };
    });
  }

  rateSatisfaction(caseId: string, dto: RateSatisfactionDto): Promise<SignalReceivedView> {
    const ratingId = dto.ratingId ?? `rating-${randomUUID()}`;
    const signal = { ratingId, level: dto.level };
    return this.audit.command(PUBLIC_AUDIT_ACTOR, caseId, 'rateSatisfaction', signal, async () => {
      const notice = await this.temporal.run(() => this.cases.publicNotice(caseId));
      if (!notice?.acceptingRatings) throw PublicCaseException.notAcceptingRatings();
      await this.temporal.run(() => this.cases.rateSatisfaction(caseId, signal));
      return { id: ratingId, status: 'received' as const };
    });
  }
}
