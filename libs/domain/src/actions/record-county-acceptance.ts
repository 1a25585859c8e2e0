import { z } from 'zod';
import { recordCountyAcceptance } from '../lifecycle/acceptance';
import { defineAction } from './definition';
import { acceptanceChecks, survey, text } from './fields';

/** 验收销号: the county accepts and delists (County speech). */
export const recordCountyAcceptanceAction = defineAction({
  type: 'recordCountyAcceptance',
  label: '县级验收',
  description: '县委组织部验收：通过则销号，未通过则限期整改',
  stages: ['county_acceptance'],
  roles: ['county_department'],
  records: ['county_acceptance_recorded'],
  body: z.strictObject({ checks: acceptanceChecks, opinion: text('验收意见', '同意销号'), survey: survey.optional() }),
  apply: (draft, body) => {
    recordCountyAcceptance(draft, body.checks, body.opinion, body.survey);
  },
});
