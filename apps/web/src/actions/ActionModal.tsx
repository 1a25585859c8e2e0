/**
 * The form of one case action, sent to POST /cases/:caseId/actions/<type>. Which fields, values and
 * body belong to which action is its form's (forms/); the title and description are the action's
 * definition in @zhengdun/domain. The API decides; its refusal (problem+json) is shown as it says it.
 * Once applied, the case is fetched again: the page shows what the API answers, buttons included.
 */
import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Modal, Typography } from 'antd';
import { CASE_ACTIONS, type CaseActionType } from '@zhengdun/domain';
import { ApiProblem, apiPost, casePath } from '../api/http';
import { queryKeys } from '../api/queries';
import type { CaseStateView } from '../api/views';
import { useUser } from '../auth/session';
import { ProblemAlert } from '../components/common';
import { randomId } from '../lib/ids';
import type { ActionForm } from './action-form';
import { ACTION_FORMS } from './forms';

export function ActionModal({
  type,
  state,
  onApplied,
  onClose,
}: {
  type: CaseActionType;
  state: CaseStateView;
  /** The API has applied the action (before the case is fetched again). */
  onApplied: () => void;
  onClose: () => void;
}) {
  const definition = CASE_ACTIONS[type];
  const actionForm: ActionForm<CaseActionType> = ACTION_FORMS[type];
  const [form] = Form.useForm();
  // Once, when the modal opens: later polls must not overwrite what the user is typing.
  const user = useUser();
  const [initialValues] = useState(() => actionForm.initialValues(state, user));
  // One key per attempt; kept only when the network failed, so a retry is applied once.
  const idempotencyKey = useRef(randomId('web-'));
  const queryClient = useQueryClient();

  const act = useMutation({
    mutationFn: (body: unknown) => apiPost<CaseStateView>(`${casePath(state.caseId)}/actions/${type}`, body, { idempotencyKey: idempotencyKey.current }),
    onSuccess: async () => {
      idempotencyKey.current = randomId('web-');
      onApplied();
      // Closes once the page has the case as it now is (stage, available actions).
      await queryClient.invalidateQueries({ queryKey: queryKeys.case(state.caseId) });
      onClose();
    },
    onError: (caught) => {
      if (!(caught instanceof ApiProblem && caught.status === 0)) idempotencyKey.current = randomId('web-');
    },
  });

  async function submit() {
    let values: unknown;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    act.mutate(actionForm.body(values, state));
  }

  const { Fields } = actionForm;
  return (
    <Modal
      open
      title={definition.label}
      width={actionForm.wide ? 760 : 560}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="提交"
      cancelText="取消"
      confirmLoading={act.isPending}
      destroyOnHidden
      mask={{ closable: false }}
      okButtonProps={{ 'data-testid': 'action-submit' } as Record<string, string>}
      data-testid={`action-modal-${type}`}
    >
      <div data-testid="action-modal">
        <Typography.Paragraph type="secondary">{definition.description}</Typography.Paragraph>
        <ProblemAlert error={act.error} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" disabled={act.isPending} initialValues={initialValues}>
          <Fields state={state} />
        </Form>
      </div>
    </Modal>
  );
}
