export * from './search-attributes';
export * from './case/case.messages';
export type { CaseActivities, CalendarActivities, CaseProjection } from './case/case.activities';
export type { CaseResult } from './case/case.workflow';
/** Absolute path of the bundle entry, for `bundleWorkflowCode` and `Worker.create`. */
export const WORKFLOWS_PATH = require.resolve('./workflows');
