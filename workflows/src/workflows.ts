// The worker's bundle entry: every workflow function the worker registers, and nothing else.
export { caseWorkflow } from './case/case.workflow';
