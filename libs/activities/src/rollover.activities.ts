/** Opens the next campaign's case of a rollover (滚动整顿) for the case workflow. */
import { caseIdFor } from '@zhengdun/domain';
import { CaseException, type CaseClient } from '@zhengdun/temporal';
import type { RolloverActivities } from '@zhengdun/workflows';

export function createRolloverActivities(cases: CaseClient): RolloverActivities {
  return {
    async openRolloverCase({ input, openedBy }) {
      const caseId = caseIdFor(input.campaign.id, input.org.code);
      try {
        await cases.open(input, openedBy);
        return { caseId, created: true };
      } catch (error) {
        if (!(error instanceof CaseException) || error.code !== 'already_exists') throw error;
      }
      // Either this activity's own earlier try (then the case names us as its origin), or the
      // organization was already listed in that campaign: link to it either way.
      try {
        const existing = await cases.state(caseId);
        return { caseId, created: existing.carriedFromCaseId === input.carriedFromCaseId };
      } catch {
        return { caseId, created: false };
      }
    },
  };
}
