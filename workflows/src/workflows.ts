// The worker's bundle entry: every workflow function the worker registers, and nothing else.
export { caseWorkflow } from './case/case.workflow';
export { campaignWorkflow } from './campaign/campaign.workflow';
export { importWorkflow } from './import/import.workflow';
