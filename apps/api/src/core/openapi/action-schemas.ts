import { acceptanceChecks, assessment, CASE_ACTION_TYPES, measureDraft, problemInput, requestSchema, reviewChecks, survey, teamMember, type CaseActionType } from '@zhengdun/domain';
import { z } from 'zod';

/** The component name of an action's request body: submitPlan → SubmitPlanRequest. */
export function actionRequestName(type: CaseActionType): string {
  return `${type[0].toUpperCase()}${type.slice(1)}Request`;
}

/**
 * The OpenAPI components of the case actions' request bodies, generated from the domain's zod
 * schemas (shared parts such as MeasureDraft as their own components).
 */
export function actionSchemaComponents(): Record<string, object> {
  const registry = z.registry<{ id: string }>();
  const shared = { MeasureDraft: measureDraft, TeamMember: teamMember, ProblemInput: problemInput, AcceptanceChecks: acceptanceChecks, ReviewChecks: reviewChecks, Survey: survey, Assessment: assessment };
  for (const [id, schema] of Object.entries(shared)) registry.add(schema, { id });
  for (const type of CASE_ACTION_TYPES) registry.add(requestSchema(type), { id: actionRequestName(type) });
  const { schemas } = z.toJSONSchema(registry, { target: 'openapi-3.0', io: 'input', uri: (id) => `#/components/schemas/${id}` });
  // `$id` is JSON Schema's, not OpenAPI's: the component's key names it.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $id: _id, ...schema }]) => [id, schema]));
}
