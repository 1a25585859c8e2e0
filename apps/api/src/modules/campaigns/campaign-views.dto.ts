import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { ORG_DOMAINS, type OrgDomain } from '@zhengdun/domain';
import { CAMPAIGN_ID, PLACE_NAME } from '../../core/http/patterns';

export class CampaignStatusView {
  @ApiProperty({ example: 'c0123456789ab' }) campaignId!: string;
  @ApiProperty({ example: 'campaign:c0123456789ab' }) workflowId!: string;
  @ApiProperty({ description: '距截止时间剩余天数（已过为 0）', example: 120 }) daysLeft!: number;
  @ApiProperty({ description: '计算 daysLeft 的时间' }) asOf!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty() endsAt!: string;
  @ApiProperty({ description: '已发送的进展汇总次数' }) summariesSent!: number;
  @ApiProperty({ nullable: true, type: String }) nextSummaryAt!: string | null;
  @ApiProperty({ nullable: true, type: Object, description: '最近一次进展汇总（全县数字，仅县级用户可见；尚无或非县级用户为 null）' }) lastSummary!: Record<string, unknown> | null;
  @ApiProperty({ description: '已到截止时间并完成到期督办' }) ended!: boolean;
  @ApiProperty({ nullable: true, type: Object, description: '到期督办报告（全县数字，仅县级用户可见）' }) end!: Record<string, unknown> | null;
}

export class ScreeningIssueView {
  @ApiProperty({ description: '表格行号（表头为第 1 行）', example: 3 }) row!: number;
  @ApiProperty({ description: '列名', example: '领域' }) field!: string;
  @ApiProperty({ description: '原因（中文）', example: '领域“工厂”无效' }) reason!: string;
}

export class ImportProgressView {
  @ApiProperty({ description: '<批次编号>:<文件 SHA-256>' }) importId!: string;
  @ApiProperty() workflowId!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty({ nullable: true, type: String }) fileName!: string | null;
  @ApiProperty() fileSha256!: string;
  @ApiProperty({ description: '文件中的数据行数' }) rowCount!: number;
  @ApiProperty({ description: '待导入（校验通过）的党组织数' }) total!: number;
  @ApiProperty({ description: '已列入整顿名单' }) started!: number;
  @ApiProperty({ description: '此前已在本批次列入整顿名单' }) alreadyExisting!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() done!: boolean;
  @ApiProperty() issueCount!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;
}

export class ScreeningUploadView extends ImportProgressView {
  @ApiProperty({ description: 'false：同一文件此前已上传，未启动任何新的导入' }) created!: boolean;
  @ApiProperty({ type: [ScreeningIssueView], description: '有误的行；所在党组织整体未导入' }) issues!: ScreeningIssueView[];
}

export class ScreeningUploadBody {
  @ApiProperty({ type: 'string', format: 'binary', description: '摸排名单（.xlsx 或 .csv，不超过 10 MB）' })
  file!: unknown;
}

export class LedgerQueryDto {
  @ApiPropertyOptional({ description: '整顿批次' })
  @IsOptional() @IsString() @Matches(CAMPAIGN_ID)
  campaignId?: string;

  @ApiPropertyOptional({ example: '青山镇', description: '乡镇党委用户始终为本乡镇' })
  @IsOptional() @IsString() @Matches(PLACE_NAME)
  township?: string;

  @ApiPropertyOptional({ enum: ORG_DOMAINS })
  @IsOptional() @IsIn(ORG_DOMAINS)
  domain?: OrgDomain;
}
