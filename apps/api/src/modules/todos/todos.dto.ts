import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_ACTION_TYPES, STAGES, TODO_KINDS, type CaseActionType, type Stage, type TodoKind } from '@zhengdun/domain';

export class TodoView {
  @ApiProperty({ enum: TODO_KINDS }) kind!: TodoKind;
  @ApiProperty({ description: '待办类别（中文）', example: '待审批整顿方案' }) label!: string;
  @ApiProperty({ enum: CASE_ACTION_TYPES, description: '办理它的操作' }) action!: CaseActionType;
  @ApiProperty({ description: '事项', example: '第1版整顿方案待审批' }) subject!: string;
  @ApiPropertyOptional({ description: '期限（ISO 8601），政策规定了期限的事项' }) dueAt?: string;
  @ApiPropertyOptional({ description: '等待自（ISO 8601），没有期限的事项：方案提交、异议收到、约谈提请之时' }) since?: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ example: '青山村党支部' }) orgName!: string;
  @ApiProperty({ example: '青山镇' }) township!: string;
  @ApiProperty({ enum: STAGES }) stage!: Stage;
}

export class TodoListView {
  @ApiProperty({ type: [TodoView], description: '有期限的按期限先后，其余按等待时间先后' }) items!: TodoView[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: '各类待办数' }) counts!: Record<string, number>;
  @ApiProperty({ description: '是否因整顿对象过多只计算了最早到期的一部分' }) truncated!: boolean;
}
