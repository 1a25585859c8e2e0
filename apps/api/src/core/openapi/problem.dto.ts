import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'measures[0].dueAt' }) field!: string;
  @ApiProperty({ example: '必须是 ISO 8601 格式的日期时间' }) detail!: string;
  @ApiProperty({ example: 'dueAt must be a valid ISO 8601 date string' }) detail_en!: string;
}

export class RuleDto {
  @ApiProperty({ example: 'wrong_stage' }) code!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}

/** RFC 9457 problem details, with Chinese title/detail and the English beside them. */
export class ProblemDto {
  @ApiProperty({ example: 'urn:zhengdun:problem:wrong_stage' }) type!: string;
  @ApiProperty({ example: '操作被拒绝' }) title!: string;
  @ApiProperty({ example: 'Conflict' }) title_en!: string;
  @ApiProperty({ example: 409 }) status!: number;
  @ApiProperty({ example: '当前处于“已落实包抓”阶段，不能“启动结果公示”' }) detail!: string;
  @ApiProperty({ example: 'startPublicity is not allowed in stage assigned' }) detail_en!: string;
  @ApiPropertyOptional({ example: '/cases/case:c1:org1/actions/startPublicity' }) instance?: string;
  @ApiProperty({ example: 'wrong_stage', description: 'Stable machine-readable code' }) code!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'The field(s) at fault (400, and rules naming a field)' }) errors?: FieldErrorDto[];
  @ApiPropertyOptional({ type: RuleDto, description: 'The domain rule that refused the action' }) rule?: RuleDto;
  @ApiPropertyOptional({ description: 'Request id, also in the X-Request-Id header and the logs' }) traceId?: string;
}
