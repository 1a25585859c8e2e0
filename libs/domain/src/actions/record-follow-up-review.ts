import { z } from 'zod';
import { reviewRefusal, recordFollowUpReview } from '../lifecycle/follow-up-review';
import { categoryRefusal } from '../problems';
import { defineAction } from './definition';
import { ID_PATTERNS, problemInput, reviewChecks, reviewFindings, text } from './fields';
import type { NextCampaign } from './payloads';

const reviewBody = {
  checks: reviewChecks,
  findings: reviewFindings.optional(),
  opinion: text('回头看意见', '未发现反弹'),
  reboundedProblemIds: z.array(z.string().regex(ID_PATTERNS.problem)).max(100).meta({ title: '反弹的问题', description: '旧问题反弹' }),
  newProblems: z.array(problemInput).max(100).meta({ title: '新发现的问题' }),
};

/** 回头看: the return visit after delisting (Key tasks 2020); 滚动整顿 rolls findings into the next campaign. */
export const recordFollowUpReviewAction = defineAction({
  type: 'recordFollowUpReview',
  label: '回头看',
  description: '销号后回头看：未反弹则归档；发现问题则重新整顿，或转入下一轮整顿批次',
  stages: ['follow_up_review'],
  roles: ['township_committee', 'county_department'],
  records: ['follow_up_review_recorded'],
  body: z.strictObject({
    ...reviewBody,
    // Resolved by the API from nextCampaignId: the workflow cannot look a campaign up.
    nextCampaign: z.custom<NextCampaign>().optional(),
  }),
  request: z.strictObject({
    ...reviewBody,
    nextCampaignId: z
      .string()
      .regex(ID_PATTERNS.campaign)
      .nullish()
      .meta({ title: '转入的下一轮整顿批次', description: '滚动整顿：发现问题时转入的下一轮整顿批次（本县）', examples: ['c1a2b3c4d5e6'] }),
  }),
  admissible: (state, body) => categoryRefusal(state.org.domain, body.newProblems ?? [], 'newProblems') ?? reviewRefusal(state, body.checks, body.findings ?? {}),
  apply: (draft, body) =>
    recordFollowUpReview(draft, body.checks, body.opinion, body.reboundedProblemIds ?? [], body.newProblems ?? [], body.nextCampaign, body.findings),
});
