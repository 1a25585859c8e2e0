import { applyDecorators, Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ACTION_RULES, STAGE_LABELS, USER_ROLE_LABELS, type Actor, type CaseActionType } from '@zhengdun/domain';
import { CurrentActor, TakesCaseAction } from '../../core/auth/auth.decorators';
import { CaseIdPipe } from '../../core/http/id-param.pipe';
import { ApiIdempotencyKey } from '../../core/openapi/api-idempotency.decorator';
import { ApiProblems } from '../../core/openapi/api-problems.decorator';
import { CaseActionsService } from './case-actions.service';
import {
  AddMeasuresDto,
  ApprovePlanDto,
  AssignTeamDto,
  CompleteMeasureDto,
  RecordCountyAcceptanceDto,
  RecordFollowUpReviewDto,
  RecordPreliminaryAcceptanceDto,
  ReportProgressDto,
  ResolveObjectionDto,
  ReturnPlanDto,
  StartPublicityDto,
  SubmitExplanationDto,
  SubmitPlanDto,
} from './dto/case-action.dto';
import { CaseStateView } from './dto/case-view.dto';

/** POST /cases/:caseId/actions/<action>: roles from ACTION_RULES, documented from the same table. */
function ActionEndpoint(action: CaseActionType) {
  const rule = ACTION_RULES[action];
  return applyDecorators(
    Post(`actions/${action}`),
    HttpCode(200),
    TakesCaseAction(action),
    ApiOperation({
      operationId: action,
      summary: `${rule.label} (${action})`,
      description: `可操作角色 roles: ${rule.roles.map((role) => `${USER_ROLE_LABELS[role]} (${role})`).join('、')}。适用阶段 stages: ${rule.stages
        .map((stage) => `${STAGE_LABELS[stage]} (${stage})`)
        .join('、')}。Returns the case's new state, or the refusal as a problem.`,
    }),
    ApiParam({ name: 'caseId', example: 'case:c1a2b3c4d5e6:410323-001' }),
    ApiIdempotencyKey(),
    ApiOkResponse({ type: CaseStateView, description: 'The case after the action' }),
    ApiProblems(400, 401, 403, 404, 409, 413, 422),
  );
}

@ApiTags('case actions 案件操作')
@ApiBearerAuth()
@Controller('cases/:caseId')
export class CaseActionsController {
  constructor(private readonly actions: CaseActionsService) {}

  @ActionEndpoint('assignTeam')
  assignTeam(@CurrentActor() actor: Actor, @Param('caseId', CaseIdPipe) caseId: string, @Body() body: AssignTeamDto): Promise<CaseStateView> {
    return this.actions.act(actor, caseId, { type: 'assignTeam', members: body.members });
  }

  @ActionEndpoint('submitPlan')
  submitPlan(@CurrentActor() actor: Actor, @Param('caseId', CaseIdPipe) caseId: string, @Body() body: SubmitPlanDto): Promise<CaseStateView> {
    return this.actions.act(actor, caseId, { type: 'submitPlan', measures: body.measures });
  }

  @ActionEndpoint('returnPlan')
  returnPlan(@CurrentActor() actor: Actor, @Param('caseId', CaseIdPipe) caseId: string, @Body() body: ReturnPlanDto): Promise<CaseStateView> {
    return this.actions.act(actor, caseId, { type: 'returnPlan', reasons: body.reasons });
  }

  @ActionEndpoint('approvePlan')
  approvePlan(@CurrentActor() actor: Actor, @Param('caseId', CaseIdPipe) caseId: string, @Body() body: ApprovePlanDto): Promise<CaseStateView> {
    return this.actions.act(actor, caseId, { type: 'approvePlan', ...(body.comment !== undefined ? { comment: body.comment } : {}) });
  }

  @ActionEndpoint('addMeasures')
  addMeasures(@CurrentActor() actor: Actor, @Param('caseId', CaseIdPipe) caseId: string, @Body() body: AddMeasuresDto): Promise<CaseStateView> {
    return this.actions.act(actor, caseId, { type: 'addMeasures', measures: body.measures });
  }

  @ActionEndpoint('completeMeasure')
  completeMeasure(@CurrentActor() actor: Actor, @Param('caseId', CaseIdPipe) caseId: string, @Body() body: CompleteMeasureDto): Promise<CaseStateView> {
    return this.actions.act(actor, caseId, { type: 'completeMeasure', measureId: body.measureId, evidence: body.evidence });
  }

  @ActionEndpoint('reportProgress')
  reportProgress(@CurrentActor() actor: Actor, @Param('caseId', CaseIdPipe) caseId: string, @Body() body: ReportProgressDto): Promise<CaseStateView> {
    return this.actions.act(actor, caseId, { type: 'reportProgress', summary: body.summary });
  }

  @ActionEndpoint('submitExplanation')
  submitExplanation(@CurrentActor() actor: Actor, @Param('caseId', CaseIdPipe) caseId: string, @Body() body: SubmitExplanationDto): Promise<CaseStateView> {
    return this.actions.act(actor, caseId, { type: 'submitExplanation', dueItemKey: body.dueItemKey, explanation: body.explanation });
  }

  @ActionEndpoint('startPublicity')
  startPublicity(@CurrentActor() actor: Actor, @Param('caseId', CaseIdPipe) caseId: string, @Body() _body: StartPublicityDto): Promise<CaseStateView> {
    return this.actions.act(actor, caseId, { type: 'startPublicity' });
  }

  @ActionEndpoint('resolveObjection')
  resolveObjection(@CurrentActor() actor: Actor, @Param('caseId', CaseIdPipe) caseId: string, @Body() body: ResolveObjectionDto): Promise<CaseStateView> {
    return this.actions.act(actor, caseId, { type: 'resolveObjection', objectionId: body.objectionId, decision: body.decision, reason: body.reason });
  }

  @ActionEndpoint('recordPreliminaryAcceptance')
  recordPreliminaryAcceptance(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: RecordPreliminaryAcceptanceDto,
  ): Promise<CaseStateView> {
    return this.actions.act(actor, caseId, { type: 'recordPreliminaryAcceptance', checks: { ...body.checks }, opinion: body.opinion });
  }

  @ActionEndpoint('recordCountyAcceptance')
  recordCountyAcceptance(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: RecordCountyAcceptanceDto,
  ): Promise<CaseStateView> {
    return this.actions.act(actor, caseId, {
      type: 'recordCountyAcceptance',
      checks: { ...body.checks },
      opinion: body.opinion,
      ...(body.survey ? { survey: { respondents: body.survey.respondents, satisfied: body.survey.satisfied } } : {}),
    });
  }

  @ActionEndpoint('recordFollowUpReview')
  recordFollowUpReview(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: RecordFollowUpReviewDto,
  ): Promise<CaseStateView> {
    return this.actions.recordFollowUpReview(
      actor,
      caseId,
      {
        type: 'recordFollowUpReview',
        checks: { ...body.checks },
        opinion: body.opinion,
        reboundedProblemIds: body.reboundedProblemIds,
        newProblems: body.newProblems.map((problem) => ({ category: problem.category, description: problem.description })),
      },
      // IsOptional lets null through: null says "no next campaign", as leaving it out does.
      body.nextCampaignId ?? undefined,
    );
  }
}
