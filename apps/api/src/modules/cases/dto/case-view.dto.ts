import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_ACTION_TYPES, ORG_DOMAINS, STAGES, type CaseActionType, type OrgDomain, type Stage } from '@zhengdun/domain';
import { ProblemDto } from '../../../core/openapi/problem.dto';

/** One row of the case list (from the read model). */
export class CaseSummaryView {
  @ApiProperty({ example: 'case:c1a2b3c4d5e6:410323-001' }) caseId!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty() county!: string;
  @ApiProperty() orgCode!: string;
  @ApiProperty() orgName!: string;
  @ApiProperty({ enum: ORG_DOMAINS }) domain!: OrgDomain;
  @ApiProperty() township!: string;
  @ApiProperty() isKeyVillage!: boolean;
  @ApiProperty({ enum: STAGES }) stage!: Stage;
  @ApiProperty() round!: number;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ enum: [0, 1, 2, 3] }) escalationLevel!: number;
  @ApiProperty() talks!: number;
  @ApiProperty() organizationalHandling!: boolean;
  @ApiProperty() problemCount!: number;
  @ApiProperty() openProblemCount!: number;
  @ApiProperty() measureCount!: number;
  @ApiProperty({ description: '已销项（经核验）的措施数' }) measuresDone!: number;
  @ApiProperty({ description: '已报告完成、待乡镇党委核验的措施数' }) measuresReported!: number;
  @ApiProperty({ nullable: true, type: Number }) satisfactionRate!: number | null;
  @ApiProperty({ nullable: true, type: String }) nextDueAt!: string | null;
  @ApiProperty() stageEnteredAt!: string;
  @ApiProperty({ nullable: true, type: String }) delistedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ description: '已投影的时间线序号' }) seq!: number;
}

export class CaseListView {
  @ApiProperty({ type: [CaseSummaryView] }) items!: CaseSummaryView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

const OBJECT = { type: 'object', additionalProperties: true } as const;
const OBJECTS = { type: 'array', items: { type: 'object', additionalProperties: true } } as const;

/**
 * A case's whole state as its workflow holds it (CaseState of @zhengdun/domain), without the
 * timeline (that comes row by row from the read model). The domain type is the reference.
 */
export class CaseStateView {
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: STAGES }) stage!: Stage;
  @ApiProperty() round!: number;
  @ApiProperty({ description: 'Number of timeline entries so far' }) seq!: number;
  @ApiProperty(OBJECT) campaign!: unknown;
  @ApiProperty(OBJECT) org!: unknown;
  @ApiProperty() source!: string;
  @ApiProperty(OBJECT) policy!: unknown;
  @ApiProperty(OBJECTS) problems!: unknown[];
  @ApiProperty(OBJECTS) team!: unknown[];
  @ApiProperty(OBJECT) plan!: unknown;
  @ApiProperty(OBJECTS) measures!: unknown[];
  @ApiProperty(OBJECTS) reports!: unknown[];
  @ApiProperty(OBJECT) deadlines!: unknown;
  @ApiPropertyOptional(OBJECT) publicity?: unknown;
  @ApiProperty(OBJECTS) objections!: unknown[];
  @ApiProperty(OBJECT) satisfaction!: unknown;
  @ApiProperty(OBJECTS) acceptances!: unknown[];
  @ApiProperty(OBJECTS) reviews!: unknown[];
  @ApiProperty(OBJECT) escalation!: unknown;
  @ApiProperty(OBJECTS) history!: unknown[];
  @ApiPropertyOptional({ enum: ['committee'], description: 'committee：措施须支部报告完成、乡镇党委核验后方可销项（新列入的整顿对象）' }) measureVerification?: 'committee';
  @ApiPropertyOptional({ ...OBJECTS, description: '历任支部书记及任职起止（调整书记后）' }) secretaries?: unknown[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class TimelineRowView {
  @ApiProperty() seq!: number;
  @ApiProperty() at!: string;
  @ApiProperty({ example: 'plan_submitted' }) type!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty() actorName!: string;
  @ApiProperty() actorRole!: string;
  @ApiProperty() summary!: string;
}

export class CaseDetailView {
  @ApiProperty({ type: CaseStateView, description: 'Live state from the workflow' }) case!: CaseStateView;
  @ApiProperty({ type: [TimelineRowView], description: 'Timeline rows from the read model (may lag the live state by a moment)' }) timeline!: TimelineRowView[];
  @ApiProperty({ enum: CASE_ACTION_TYPES, isArray: true, description: 'Actions your role may take in the current stage' }) availableActions!: CaseActionType[];
}

export class PlanWarningView {
  @ApiProperty({
    enum: ['vague_measure', 'similar_plan', 'no_root_cause'],
    description: 'vague_measure: 措施空泛；similar_plan: 与本批次其他组织的方案高度相似；no_root_cause: 问题未写明根源',
  })
  kind!: 'vague_measure' | 'similar_plan' | 'no_root_cause';
  @ApiProperty({ description: '提示（中文）' }) messageZh!: string;
  @ApiPropertyOptional({ description: 'vague_measure: 措施编号' }) measureId?: string;
  @ApiPropertyOptional({ description: 'vague_measure: 措施内容；no_root_cause: 问题描述' }) description?: string;
  @ApiPropertyOptional({ description: 'no_root_cause: 问题编号' }) problemId?: string;
  @ApiPropertyOptional({ description: 'similar_plan: 相似方案所属整顿对象' }) caseId?: string;
  @ApiPropertyOptional({ description: 'similar_plan: 相似方案所属组织' }) orgName?: string;
  @ApiPropertyOptional({ description: 'similar_plan: 相似度 0–1（字符二元组 Dice 系数）' }) similarity?: number;
}

export class PlanWarningListView {
  @ApiProperty({ type: [PlanWarningView] }) warnings!: PlanWarningView[];
}

export class OpenedCaseView {
  @ApiProperty({ example: 'case:c1a2b3c4d5e6:410323-001' }) caseId!: string;
}

export class BatchItemResultView {
  @ApiProperty() index!: number;
  @ApiPropertyOptional() orgCode?: string;
  @ApiProperty({ example: 201, description: 'The status this item would have had on its own' }) status!: number;
  @ApiPropertyOptional() caseId?: string;
  @ApiPropertyOptional({ type: ProblemDto }) problem?: ProblemDto;
}

export class BatchResultView {
  @ApiProperty() created!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ type: [BatchItemResultView] }) results!: BatchItemResultView[];
}
