/**
 * One DTO per case action, mirroring the CaseAction union of @zhengdun/domain (each `implements`
 * its member without `type`, so a change to the union breaks the build here). Shape is checked here;
 * the rules (stage, plan quality, reasons …) are the domain's, applied by the workflow.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { AcceptanceChecks, CaseAction, CaseActionType, MeasureDraft, ReviewChecks } from '@zhengdun/domain';
import { CAMPAIGN_ID, DUE_ITEM_KEY, MEASURE_ID, PERSON_ID, PROBLEM_ID, SIGNAL_ID } from '../../../core/http/patterns';
import { ProblemInputDto, TeamMemberDto } from './open-case.dto';

/** The body of action T: its CaseAction member without `type`. */
export type ActionBody<T extends CaseActionType> = Omit<Extract<CaseAction, { type: T }>, 'type'>;

const TEXT = 2000;

export class MeasureDraftDto implements MeasureDraft {
  @ApiProperty({ example: 'p1', description: '对应的问题编号' })
  @IsString() @Matches(PROBLEM_ID)
  problemId!: string;

  @ApiProperty({ example: '每月召开党员大会，落实“三会一课”并建立台账', maxLength: TEXT })
  @IsString() @MaxLength(TEXT)
  description!: string;

  @ApiProperty({ example: 'sec-410323-001', description: '责任人编号' })
  @IsString() @Matches(PERSON_ID)
  ownerId!: string;

  @ApiProperty({ example: '王建国', description: '责任人姓名' })
  @IsString() @MaxLength(100)
  ownerName!: string;

  @ApiProperty({ example: '2026-09-30T00:00:00+08:00', description: '完成时限（ISO 8601）' })
  @IsString() @IsISO8601({ strict: true, strictSeparator: true })
  dueAt!: string;
}

export class AcceptanceChecksDto implements AcceptanceChecks {
  @ApiProperty({ description: '看台账：措施是否扎实具体' }) @IsBoolean() ledger!: boolean;
  @ApiProperty({ description: '看方案：是否严格落实' }) @IsBoolean() plan!: boolean;
  @ApiProperty({ description: '看成效：群众是否知晓满意' }) @IsBoolean() results!: boolean;
}

export class ReviewChecksDto implements ReviewChecks {
  @ApiProperty({ description: '整改措施是否落实' }) @IsBoolean() measuresCarriedOut!: boolean;
  @ApiProperty({ description: '长效机制是否发挥作用' }) @IsBoolean() mechanismsWorking!: boolean;
  @ApiProperty({ description: '承诺实事是否兑现' }) @IsBoolean() promisesDelivered!: boolean;
  @ApiProperty({ description: '不合格党员是否处置' }) @IsBoolean() unqualifiedMembersHandled!: boolean;
}

export class SurveyDto {
  @ApiProperty({ example: 20, minimum: 0 }) @IsInt() @Min(0) @Max(1_000_000) respondents!: number;
  @ApiProperty({ example: 19, minimum: 0 }) @IsInt() @Min(0) @Max(1_000_000) satisfied!: number;
}

export class AssignTeamDto implements ActionBody<'assignTeam'> {
  @ApiProperty({ type: [TeamMemberDto], minItems: 1, maxItems: 20 })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => TeamMemberDto)
  members!: TeamMemberDto[];
}

export class SubmitPlanDto implements ActionBody<'submitPlan'> {
  @ApiProperty({ type: [MeasureDraftDto], minItems: 1, maxItems: 200, description: '每个问题至少一条措施，明确责任人和时限' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => MeasureDraftDto)
  measures!: MeasureDraftDto[];
}

export class ReturnPlanDto implements ActionBody<'returnPlan'> {
  @ApiProperty({ type: [String], example: ['措施不够具体，缺少时间节点'], minItems: 1, maxItems: 20 })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(TEXT, { each: true })
  reasons!: string[];
}

export class ApprovePlanDto implements ActionBody<'approvePlan'> {
  @ApiPropertyOptional({ example: '同意按此方案实施', maxLength: TEXT })
  @IsOptional() @IsString() @MaxLength(TEXT)
  comment?: string;
}

export class AddMeasuresDto implements ActionBody<'addMeasures'> {
  @ApiProperty({ type: [MeasureDraftDto], minItems: 1, maxItems: 200 })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => MeasureDraftDto)
  measures!: MeasureDraftDto[];
}

export class CompleteMeasureDto implements ActionBody<'completeMeasure'> {
  @ApiProperty({ example: 'm1' })
  @IsString() @Matches(MEASURE_ID)
  measureId!: string;

  @ApiProperty({ example: '已召开党员大会通报整改情况，台账附后', maxLength: TEXT, description: '整改成效说明' })
  @IsString() @MaxLength(TEXT)
  evidence!: string;
}

export class ReportProgressDto implements ActionBody<'reportProgress'> {
  @ApiProperty({ example: '本月召开党员大会1次，化解矛盾2件', maxLength: TEXT })
  @IsString() @MaxLength(TEXT)
  summary!: string;
}

export class SubmitExplanationDto implements ActionBody<'submitExplanation'> {
  @ApiProperty({ example: 'plan:r1', description: '被要求说明原因的事项（见案件的 escalation.records）' })
  @IsString() @Matches(DUE_ITEM_KEY)
  dueItemKey!: string;

  @ApiProperty({ example: '书记住院两周，已安排副书记代为推进', maxLength: TEXT })
  @IsString() @MaxLength(TEXT)
  explanation!: string;
}

export class StartPublicityDto implements ActionBody<'startPublicity'> {}

export class ResolveObjectionDto implements ActionBody<'resolveObjection'> {
  @ApiProperty({ example: 'obj-6f1c…' })
  @IsString() @Matches(SIGNAL_ID)
  objectionId!: string;

  @ApiProperty({ enum: ['upheld', 'dismissed'], description: 'upheld 属实（退回整改）/ dismissed 不成立' })
  @IsIn(['upheld', 'dismissed'])
  decision!: 'upheld' | 'dismissed';

  @ApiProperty({ example: '经核实，换届确未完成', maxLength: TEXT })
  @IsString() @MaxLength(TEXT)
  reason!: string;
}

export class RecordPreliminaryAcceptanceDto implements ActionBody<'recordPreliminaryAcceptance'> {
  @ApiProperty({ type: AcceptanceChecksDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => AcceptanceChecksDto)
  checks!: AcceptanceChecksDto;

  @ApiProperty({ example: '台账完整，措施落实', maxLength: TEXT })
  @IsString() @MaxLength(TEXT)
  opinion!: string;
}

export class RecordCountyAcceptanceDto implements ActionBody<'recordCountyAcceptance'> {
  @ApiProperty({ type: AcceptanceChecksDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => AcceptanceChecksDto)
  checks!: AcceptanceChecksDto;

  @ApiProperty({ example: '同意销号', maxLength: TEXT })
  @IsString() @MaxLength(TEXT)
  opinion!: string;

  @ApiPropertyOptional({ type: SurveyDto, description: '验收时组织的满意度测评，与群众在线评价合并计算' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => SurveyDto)
  survey?: SurveyDto;
}

export class RecordFollowUpReviewDto implements ActionBody<'recordFollowUpReview'> {
  @ApiProperty({ type: ReviewChecksDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ReviewChecksDto)
  checks!: ReviewChecksDto;

  @ApiProperty({ example: '未发现反弹', maxLength: TEXT })
  @IsString() @MaxLength(TEXT)
  opinion!: string;

  @ApiProperty({ type: [String], example: [], description: '反弹的问题编号（旧问题反弹）' })
  @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @Matches(PROBLEM_ID, { each: true })
  reboundedProblemIds!: string[];

  @ApiProperty({ type: [ProblemInputDto], description: '回头看新发现的问题' })
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ProblemInputDto)
  newProblems!: ProblemInputDto[];

  @ApiPropertyOptional({
    example: 'c1a2b3c4d5e6',
    description: '滚动整顿：发现问题时转入的下一轮整顿批次（本县）。给出时，问题转入该批次的新案件，本案件归档并与之关联 (the API resolves it to the CaseAction’s nextCampaign).',
  })
  @IsOptional() @IsString() @Matches(CAMPAIGN_ID)
  nextCampaignId?: string;
}

/** Every action type has its DTO: a missing entry is a compile error. */
export const ACTION_DTOS: { [T in CaseActionType]: new () => ActionBody<T> } = {
  assignTeam: AssignTeamDto,
  submitPlan: SubmitPlanDto,
  returnPlan: ReturnPlanDto,
  approvePlan: ApprovePlanDto,
  addMeasures: AddMeasuresDto,
  completeMeasure: CompleteMeasureDto,
  reportProgress: ReportProgressDto,
  submitExplanation: SubmitExplanationDto,
  startPublicity: StartPublicityDto,
  resolveObjection: ResolveObjectionDto,
  recordPreliminaryAcceptance: RecordPreliminaryAcceptanceDto,
  recordCountyAcceptance: RecordCountyAcceptanceDto,
  recordFollowUpReview: RecordFollowUpReviewDto,
};
