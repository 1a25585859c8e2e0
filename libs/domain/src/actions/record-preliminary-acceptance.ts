import { z } from 'zod';
import { acceptanceFailures, recordPreliminaryAcceptance, unresolvedProblemsMissing } from '../lifecycle/acceptance';
import { defineAction } from './definition';
import { acceptanceChecks, assessment, text, unresolvedProblems } from './fields';

/** 初验: the township committee checks first (County speech). */
export const recordPreliminaryAcceptanceAction = defineAction({
  type: 'recordPreliminaryAcceptance',
  label: '党（工）委初验',
  description: '乡镇（街道）党（工）委对照台账、方案、成效初验',
  stages: ['preliminary_acceptance'],
  roles: ['township_committee'],
  records: ['preliminary_acceptance_recorded'],
  body: z.strictObject({ checks: acceptanceChecks, opinion: text('初验意见', '台账完整，措施落实'), assessment: assessment.optional(), unresolvedProblems: unresolvedProblems.optional() }),
  admissible: (state, body) => unresolvedProblemsMissing(state, acceptanceFailures(state, 'preliminary', body.checks).length > 0, body.unresolvedProblems),
  apply: (draft, body) => {
    recordPreliminaryAcceptance(draft, body.checks, body.opinion, body.unresolvedProblems, body.assessment);
  },
});
