/**
 * What one action's form is: the values it opens with, the antd fields it shows, and the request
 * body it sends. One file per action under forms/, collected in forms/index.ts by action type, so
 * an action without a form does not compile. Titles and field labels come from the action's
 * definition (CASE_ACTIONS of @zhengdun/domain); the rules are the API's to apply.
 */
import type { ComponentType } from 'react';
import type { CaseActionType } from '@zhengdun/domain';
import type { ActionRequestBody, CaseStateView } from '../api/views';
import type { SessionUser } from '../auth/session';

export interface ActionFormProps {
  state: CaseStateView;
}

export interface ActionForm<T extends CaseActionType, Values = unknown> {
  /** A wide modal, for forms with rows (measures, team members). */
  wide?: boolean;
  /** Read once when the modal opens: later polls must not overwrite what the user is typing. */
  initialValues(state: CaseStateView, user: SessionUser): Partial<Values>;
  Fields: ComponentType<ActionFormProps>;
  // Method syntax on purpose: each form's own Values type still fits ActionForm<T> in the registry.
  body(values: Values, state: CaseStateView): ActionRequestBody<T>;
}

export type ActionForms = { [T in CaseActionType]: ActionForm<T> };
