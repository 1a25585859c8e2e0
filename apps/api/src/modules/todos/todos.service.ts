import { Injectable, Logger } from '@nestjs/common';
import { byUrgency, TODO_KIND_LABELS, todosFor, type Actor, type CaseState, type Stage } from '@zhengdun/domain';
import { CaseQueryRepository } from '@zhengdun/persistence';
import type { TodoListView, TodoView } from './todos.dto';

/** How many cases one answer looks at, the earliest due first. */
export const TODO_CASE_LIMIT = 500;

/**
 * Stages in which a committee or the county has something of its own to do on a case; in remediation
 * only once the measures are done or a lapse is explained (remediationAwaitingCommittee).
 */
const COMMITTEE_STAGES: readonly Stage[] = ['planning', 'publicizing', 'preliminary_acceptance', 'follow_up_review'];
const COUNTY_STAGES: readonly Stage[] = ['county_acceptance', 'follow_up_review'];

/** 待办 from the read model: which cases to look at is a query; what is to do on each is the domain's todosFor. */
@Injectable()
export class TodosService {
  private readonly logger = new Logger(TodosService.name);

  constructor(private readonly query: CaseQueryRepository) {}

  async forActor(actor: Actor): Promise<TodoListView> {
    const candidates = await this.query.todoCandidates(actor.scope, this.whereToLook(actor), TODO_CASE_LIMIT + 1);
    const truncated = candidates.length > TODO_CASE_LIMIT;
    const now = new Date().toISOString();
    const items: TodoView[] = candidates.slice(0, TODO_CASE_LIMIT).flatMap((candidate) => {
      try {
        // The read model keeps the state without its timeline, which the to-do rules do not read.
        const todos = candidate.committeeTodos ?? todosFor({ ...candidate.state, timeline: [] } as CaseState, actor, now);
        return todos.map((todo) => ({
          ...todo,
          label: TODO_KIND_LABELS[todo.kind],
          caseId: candidate.caseId,
          orgName: candidate.orgName,
          township: candidate.township,
          stage: candidate.stage,
        }));
      } catch (error) {
        // One row the rules cannot read (written by hand, or by a far older version) must not hide everyone's to-dos.
        this.logger.warn({ err: error, caseId: candidate.caseId }, 'a case in the read model could not be read for to-dos; skipped');
        return [];
      }
    });
    items.sort(byUrgency);
    const counts: Record<string, number> = {};
    for (const item of items) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
    return { items, counts, truncated };
  }

  private whereToLook(actor: Actor): Parameters<CaseQueryRepository['todoCandidates']>[1] {
    switch (actor.role) {
      case 'branch_secretary':
      case 'assigned_leader':
        return { personId: actor.userId };
      case 'township_committee':
        // The kept committee to-dos (the same for every member); the rest only for rows written before they were kept.
        return { committeeTodos: true, stages: COMMITTEE_STAGES, remediationAwaitingCommittee: true, awaiting: ['talk'] };
      case 'county_department':
        return { stages: COUNTY_STAGES, planPastCampaignEnd: true, awaiting: ['talk', 'organizational_handling'] };
      case 'auditor':
        return {};
    }
  }
}
