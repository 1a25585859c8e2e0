/**
 * Temporal's visibility store (list, count) shows what workflows did only after a lag. An assertion on
 * it waits until it shows what the test expects, instead of failing on the first, stale answer.
 */
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { eventually } from './environment';

export async function listExecutions(client: Client, query: string): Promise<WorkflowExecutionInfo[]> {
  const found: WorkflowExecutionInfo[] = [];
  for await (const execution of client.workflow.list({ query })) found.push(execution);
  return found;
}

/** The executions matching `query` once `settled` accepts them (or the last answer on timeout, failing). */
export function eventuallyListed(client: Client, query: string, settled: (executions: WorkflowExecutionInfo[]) => boolean, what = query, timeoutMs = 30_000): Promise<WorkflowExecutionInfo[]> {
  return eventually(async () => {
    const executions = await listExecutions(client, query);
    return settled(executions) ? executions : undefined;
  }, timeoutMs, `visibility to list ${what}`);
}

/** Every run of a workflow id, once visibility lists the current run and every earlier one has closed. */
export async function allRunsOf(client: Client, workflowId: string): Promise<WorkflowExecutionInfo[]> {
  const current = await client.workflow.getHandle(workflowId).describe();
  return eventuallyListed(
    client,
    `WorkflowId = '${workflowId}'`,
    (runs) => runs.some((run) => run.runId === current.runId && run.status.name === current.status.name) && runs.every((run) => run.runId === current.runId || run.status.name !== 'RUNNING'),
    `every run of ${workflowId}`,
  );
}
