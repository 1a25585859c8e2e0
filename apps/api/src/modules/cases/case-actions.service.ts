import { campaignRefOf } from '@zhengdun/campaigns';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { CaseQueryRepository } from '@zhengdun/persistence';
import type { Actor, CaseAction, CaseActionType, NextCampaign } from '@zhengdun/domain';
import { CaseClient } from '@zhengdun/temporal';
import { IdempotencyContext } from '../../core/idempotency/idempotency-context';
import { TemporalCalls } from '../../core/infrastructure/temporal-calls.service';
import { WorkflowUnavailableException } from '../../core/infrastructure/workflow-unavailable.exception';
import { AuditService } from '../../core/audit/audit.service';
import { CampaignsService } from '../campaigns/campaigns.service';
import { CaseAccessService } from './case-access.service';
import { toCaseStateView } from './case-view.mapper';
import type { CaseStateView } from './dto/case-view.dto';

type FollowUpReview = Extract<CaseAction, { type: 'recordFollowUpReview' }>;

/** How long an applied action may take to appear in the read model before the answer is 503. */
const READ_MODEL_WAIT_MS = 5_000;
const READ_MODEL_POLL_MS = 50;

/**
 * Sends a supervisor's action to the case's workflow as an Update; every attempt is audited. With an
 * Idempotency-Key, every attempt carries the same Update id, so a retry after a lost answer (503,
 * timeout) is not applied a second time by the workflow.
 */
@Injectable()
export class CaseActionsService {
  constructor(
    private readonly cases: CaseClient,
    private readonly temporal: TemporalCalls,
    private readonly access: CaseAccessService,
    private readonly campaigns: CampaignsService,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyContext,
    private readonly readModel: CaseQueryRepository,
  ) {}

  /** An action's request, validated against its definition, as the workflow is to receive it. */
  take(actor: Actor, caseId: string, type: CaseActionType, body: Record<string, unknown>): Promise<CaseStateView> {
    if (type === 'recordTalk') {
      const talk = { type, ...body } as Extract<CaseAction, { type: 'recordTalk' }>;
      return this.run(actor, caseId, talk, async () => ({ ...talk, talksElsewhere: await this.talksElsewhere(caseId, talk) }));
    }
    if (type === 'recordFollowUpReview') {
      const { nextCampaignId, ...review } = body as Omit<FollowUpReview, 'type' | 'nextCampaign'> & { nextCampaignId?: string | null };
      return this.recordFollowUpReview(actor, caseId, { type, ...review }, nextCampaignId ?? undefined);
    }
    return this.act(actor, caseId, { type, ...body } as CaseAction);
  }

  act(actor: Actor, caseId: string, action: CaseAction): Promise<CaseStateView> {
    return this.run(actor, caseId, action, async () => action);
  }

  /** 回头看, optionally rolling what it found into a case of the next campaign (by its id). */
  private recordFollowUpReview(actor: Actor, caseId: string, review: FollowUpReview, nextCampaignId?: string): Promise<CaseStateView> {
    if (nextCampaignId === undefined) return this.act(actor, caseId, review);
    const payload = { ...review, nextCampaignId };
    return this.run(actor, caseId, payload, async () => ({ ...review, nextCampaign: await this.nextCampaign(actor, nextCampaignId) }));
  }

  private run(actor: Actor, caseId: string, payload: { type: CaseAction['type'] }, build: () => Promise<CaseAction>): Promise<CaseStateView> {
    const updateId = this.idempotency.updateId();
    return this.audit.command(
      actor,
      caseId,
      payload.type,
      payload,
      async () => {
        await this.access.placeVisibleTo(actor, caseId);
        const action = await build();
        const snapshot = await this.temporal.run(() => this.cases.act(caseId, actor, action, { updateId }));
        await this.recorded(caseId, snapshot.seq);
        return toCaseStateView(snapshot);
      },
      // The case's seq right after the action: its one audit entry, whether this request, its retry
      // (same Update id, same answer) or the reconciler reading the timeline records it.
      { caseSeqOf: (view) => view.seq },
    );
  }

  /**
   * An action is answered as applied only once the read model shows it. The workflow writes it in the
   * same task that applies it, so this is one lookup; while Postgres is unreachable for the worker the
   * answer is 503, and a retry with the same Idempotency-Key (the same Update id) gets this outcome
   * without applying the action again.
   */
  private async recorded(caseId: string, seq: number): Promise<void> {
    const deadline = Date.now() + READ_MODEL_WAIT_MS;
    for (;;) {
      const written = await this.readModel.recordedSeq(caseId).catch(() => null);
      if (written !== null && written >= seq) return;
      if (Date.now() >= deadline) throw WorkflowUnavailableException.notYetRecorded();
      await sleep(READ_MODEL_POLL_MS);
    }
  }

  /** Talks the people talked to have had about the county's other branches, from the read model. */
  private async talksElsewhere(caseId: string, talk: Extract<CaseAction, { type: 'recordTalk' }>): Promise<Record<string, number>> {
    const state = await this.readModel.stateOf(caseId);
    const proposal = state?.escalation.proposals?.find((candidate) => candidate.id === talk.proposalId);
    if (!state || !proposal) return {}; // the workflow refuses the talk itself
    const people = proposal.subjects.filter((subject) => talk.talkedTo.includes(subject.standing)).map((subject) => subject.personId);
    return this.readModel.talksElsewhere(state.org.county, people, caseId);
  }

  private async nextCampaign(actor: Actor, campaignId: string): Promise<NextCampaign> {
    const campaign = await this.campaigns.get(actor, campaignId);
    return { campaign: campaignRefOf(campaign), policy: campaign.policy };
  }
}
