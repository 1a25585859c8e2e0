export * from './search-attributes';
export * from './case/case.messages';
export { ACTOR_SIGNATURE_MAX_AGE_MS, signActor, withActorKey, type ActorSignature } from './case/actor-signature';
export type { CaseActivities, CalendarActivities, CaseProjection, RolloverActivities, RolloverRequest, RolloverResult } from './case/case.activities';
export type { CaseResult } from './case/case.workflow';
export * from './campaign/campaign.messages';
export * from './campaign/campaign-schedule';
export type { CampaignActivities, CampaignSummaryRequest, UnfinishedPageRequest, UnfinishedPageResult } from './campaign/campaign.activities';
export * from './import/import.messages';
export type { ImportActivities, ImportBatchRequest, ImportBatchResult } from './import/import.activities';
/** Absolute path of the bundle entry, for `bundleWorkflowCode` and `Worker.create`. */
export const WORKFLOWS_PATH = require.resolve('./workflows');
