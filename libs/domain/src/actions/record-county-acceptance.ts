import { z } from 'zod';
import { acceptanceFailures, assessmentMissing, recordCountyAcceptance, unresolvedProblemsMissing } from '../lifecycle/acceptance';
import { defineAction } from './definition';
import { acceptanceChecks, assessment, survey, text, unresolvedProblems } from './fields';

/** 验收销号: the county accepts and delists (County speech). */
export const recordCountyAcceptanceAction = defineAction({
  type: 'recordCountyAcceptance',
  label: '县级验收',
  description: '县委组织部验收：通过则销号，未通过则限期整改',
  stages: ['county_acceptance'],
  roles: ['county_department'],
  records: ['county_acceptance_recorded'],
  body: z.strictObject({
    checks: acceptanceChecks,
    opinion: text('验收意见', '同意销号'),
    assessment: assessment.optional(),
    survey: survey.optional(),
    unresolvedProblems: unresolvedProblems.optional(),
  }),
  admissible: (state, body) =>
    assessmentMissing(state, body) ?? unresolvedProblemsMissing(state, acceptanceFailures(state, 'county', body.checks, body.survey, body.assessment).length > 0, body.unresolvedProblems),
  apply: (draft, body) => {
    recordCountyAcceptance(draft, body.checks, body.opinion, body.survey, body.unresolvedProblems, body.assessment);
  },
});
