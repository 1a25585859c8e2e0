import type { z } from 'zod';
import type { Draft } from '../lifecycle/draft';
import type { UserRole } from '../roles';
import type { Stage } from '../stages';

/**
 * One action a person takes on a case, defined once: everything the API, the workflow's Updates, the
 * OpenAPI document and the UI's form need is read from here (docs/architecture.md "Adding an action").
 */
export interface ActionDefinition<T extends string = string, Body extends z.ZodObject = z.ZodObject> {
  type: T;
  /** The action's name on buttons, in the timeline and in refusals. */
  label: string;
  /** One sentence for the API docs and under the form's title. */
  description: string;
  stages: readonly Stage[];
  roles: readonly UserRole[];
  /** What the workflow receives besides `type` (and records in its history): field types, bounds and labels. */
  body: Body;
  /**
   * What a person sends, when the API first resolves part of it (e.g. a campaign id into the campaign
   * and its policy, which the workflow cannot look up). Absent: the person sends `body`.
   */
  request?: z.ZodObject;
  /** The lifecycle step: checks the rules and changes the draft, or throws a RuleViolation. */
  apply(draft: Draft, body: z.output<Body>): void;
}

/** Keeps the literal type and the body's inferred type of a definition. */
export function defineAction<const T extends string, Body extends z.ZodObject>(definition: ActionDefinition<T, Body>): ActionDefinition<T, Body> {
  return definition;
}

/** Stages in which the organization has not yet been put through publicity. */
export const ACTIVE_STAGES: readonly Stage[] = ['identified', 'assigned', 'planning', 'remediating'];
