import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { isInScope, type Actor } from '@zhengdun/domain';
import { CaseQueryRepository } from '@zhengdun/persistence';
import { CaseClient } from '@zhengdun/temporal';
import { TemporalCalls } from '../../core/infrastructure/temporal-calls.service';
import { TEMPORAL_CLIENT } from '../../core/infrastructure/injection-tokens';
import { AccessException } from '../../core/auth/access.exception';

export interface CasePlace {
  county: string;
  township: string;
  orgCode: string;
}

/** Where a case belongs, and whether a user's scope covers it. */
/** How many cases' places one API process keeps (oldest out first); a few MB at most. */
const PLACES_KEPT = 50_000;

@Injectable()
export class CaseAccessService {
  private readonly places = new Map<string, CasePlace>();

  constructor(
    private readonly query: CaseQueryRepository,
    private readonly cases: CaseClient,
    private readonly temporal: TemporalCalls,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  /**
   * The place of a case the actor may see. A case outside the actor's scope is answered as a missing
   * one (AccessException.caseOutOfScope, mapped to the same 404 body), after the same kind of lookups
   * a missing case costs: the read model, then one call to Temporal that no worker answers. So
   * neither the answer nor its time tells whether the case exists.
   */
  async placeVisibleTo(actor: Actor, caseId: string): Promise<CasePlace> {
    const place = await this.placeOf(caseId);
    if (isInScope(actor.scope, { county: place.county, township: place.township, code: place.orgCode })) return place;
    await this.query.placeOf(caseId);
    await this.temporal.run(() => this.client.workflow.getHandle(caseId).describe()).catch(() => undefined);
    throw AccessException.caseOutOfScope(caseId);
  }

  /**
   * From the read model; a case opened a moment ago may not be projected yet, then from the
   * workflow itself (which also answers "no such case" with CaseException not_found).
   */
  async placeOf(caseId: string): Promise<CasePlace> {
    const known = this.places.get(caseId);
    if (known) return known;
    const place = (await this.query.placeOf(caseId)) ?? (await this.placeFromWorkflow(caseId));
    this.remember(caseId, place);
    return place;
  }

  private async placeFromWorkflow(caseId: string): Promise<CasePlace> {
    const { org } = await this.temporal.run(() => this.cases.state(caseId));
    return { county: org.county, township: org.township, orgCode: org.code };
  }

  /** A case never moves (its organization is fixed when it opens), so its place can be kept. */
  private remember(caseId: string, place: CasePlace): void {
    if (this.places.size >= PLACES_KEPT) this.places.delete(this.places.keys().next().value!);
    this.places.set(caseId, place);
  }

  assertInScope(actor: Actor, place: CasePlace, what = '该整顿对象'): void {
    if (!isInScope(actor.scope, { county: place.county, township: place.township, code: place.orgCode })) {
      throw AccessException.scope(actor, what);
    }
  }
}
