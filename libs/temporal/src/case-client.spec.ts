import { ActivityFailure, ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { Actor } from '@zhengdun/domain';
import { RULE_VIOLATION_FAILURE } from '@zhengdun/workflows';
import { CaseClient } from './case-client';
import { CaseException } from './case.exception';

const committee: Actor = { userId: 'c1', name: '李委员', role: 'township_committee', scope: { level: 'township', county: '示范县', township: '青山镇' } };

/** A client whose every Update fails with `error`, as Temporal's client would throw it. */
function failingWith(error: unknown): CaseClient {
  const client = { workflow: { getHandle: () => ({ executeUpdate: () => Promise.reject(error) }) } } as unknown as Client;
  return new CaseClient(client, 'cases', { actorKey: new Uint8Array(32) });
}

async function answerTo(error: unknown): Promise<CaseException> {
  const thrown = await failingWith(error).act('case:c1:org1', committee, { type: 'approvePlan' }).catch((e: unknown) => e);
  expect(thrown).toBeInstanceOf(CaseException);
  return thrown as CaseException;
}

describe('what CaseClient says when an action fails', () => {
  it('a rule’s refusal as that rule', async () => {
    const rule = ApplicationFailure.create({ type: RULE_VIOLATION_FAILURE, message: 'wrong stage', details: [{ code: 'wrong_stage', messageZh: '当前阶段不能审批方案', messageEn: 'wrong stage', details: {} }] });
    const answer = await answerTo(new WorkflowUpdateFailedError('Workflow Update failed', rule));
    expect([answer.code, answer.answerCode, answer.messageZh]).toEqual(['refused', 'wrong_stage', '当前阶段不能审批方案']);
  });

  it('an archived case as closed', async () => {
    const answer = await answerTo(new WorkflowNotFoundError('workflow execution already completed', 'case:c1:org1', undefined));
    expect(answer.answerCode).toBe('case_closed');
  });

  it('a failure that is no rule (an activity the action needed failed) as interrupted, not as a closed case', async () => {
    const cause = new ActivityFailure('activity failed', 'dueDatesFrom', '1', 'MAXIMUM_ATTEMPTS_REACHED', 'worker', ApplicationFailure.create({ message: 'ECONNREFUSED' }));
    const answer = await answerTo(new WorkflowUpdateFailedError('Workflow Update failed', cause));
    expect([answer.answerCode, answer.messageZh]).toEqual(['case_interrupted', '操作未能完成，未作任何更改，请稍后重试']);
  });
});
