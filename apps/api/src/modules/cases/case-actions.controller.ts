/**
 * POST /cases/:caseId/actions/<action>, one endpoint per definition in CASE_ACTIONS (libs/domain):
 * path, allowed roles, body validation and the OpenAPI description all come from the definition, so a
 * new action needs no code here.
 */
import { applyDecorators, Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { actionDefinition, CASE_ACTION_TYPES, requestSchema, STAGE_LABELS, USER_ROLE_LABELS, type Actor, type CaseActionType } from '@zhengdun/domain';
import { CurrentActor, TakesCaseAction } from '../../core/auth/auth.decorators';
import { CaseIdPipe } from '../../core/http/id-param.pipe';
import { ApiIdempotencyKey } from '../../core/openapi/api-idempotency.decorator';
import { actionRequestName } from '../../core/openapi/action-schemas';
import { ApiProblems } from '../../core/openapi/api-problems.decorator';
import { ActionBodyPipe } from './action-body.pipe';
import { CaseActionsService } from './case-actions.service';
import { CaseStateView } from './dto/case-view.dto';

function ActionEndpoint(type: CaseActionType) {
  const definition = actionDefinition(type);
  const roles = definition.roles.map((role) => `${USER_ROLE_LABELS[role]} (${role})`).join('、');
  const stages = definition.stages.map((stage) => `${STAGE_LABELS[stage]} (${stage})`).join('、');
  return applyDecorators(
    Post(`actions/${type}`),
    HttpCode(200),
    TakesCaseAction(type),
    ApiOperation({
      operationId: type,
      summary: `${definition.label} (${type})`,
      description: `${definition.description}。可操作角色 roles: ${roles}。适用阶段 stages: ${stages}。Returns the case's new state, or the refusal as a problem.`,
    }),
    ApiParam({ name: 'caseId', example: 'case:c1a2b3c4d5e6:410323-001' }),
    ApiBody({ schema: { $ref: `#/components/schemas/${actionRequestName(type)}` } }),
    ApiIdempotencyKey(),
    ApiOkResponse({ type: CaseStateView, description: 'The case after the action' }),
    ApiProblems(400, 401, 403, 404, 409, 413, 422),
  );
}

@ApiTags('case actions 整顿对象操作')
@ApiBearerAuth()
@Controller('cases/:caseId')
export class CaseActionsController {
  constructor(readonly actions: CaseActionsService) {}
}

/** Adds the endpoint of one action to the controller, as if written out with decorators. */
function addActionEndpoint(type: CaseActionType): void {
  const prototype = CaseActionsController.prototype as unknown as Record<string, unknown>;
  const handler = {
    [type](this: CaseActionsController, actor: Actor, caseId: string, body: Record<string, unknown>) {
      return this.actions.take(actor, caseId, type, body);
    },
  }[type];
  Object.defineProperty(prototype, type, { value: handler, writable: true, configurable: true });
  // What the compiler emits for a written-out method. Without it Nest warns at every start that the
  // global ValidationPipe cannot see the parameters' types (the body is ActionBodyPipe's to validate).
  Reflect.defineMetadata('design:paramtypes', [Object, String, Object], prototype, type);
  CurrentActor()(prototype, type, 0);
  Param('caseId', CaseIdPipe)(prototype, type, 1);
  Body(new ActionBodyPipe(requestSchema(type)))(prototype, type, 2);
  const descriptor = Object.getOwnPropertyDescriptor(prototype, type)!;
  ActionEndpoint(type)(prototype, type, descriptor);
  Object.defineProperty(prototype, type, descriptor);
}

for (const type of CASE_ACTION_TYPES) addActionEndpoint(type);
