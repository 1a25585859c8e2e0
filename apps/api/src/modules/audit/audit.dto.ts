import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const PROBLEMS = ['link_broken', 'hash_mismatch', 'checkpoint_mismatch', 'entries_missing', 'checkpoint_forged', 'checkpoints_missing'];

export class AuditVerifyView {
  @ApiProperty({ description: '整条审计链完整，且与所有签名检查点相符' }) ok!: boolean;
  @ApiProperty({ description: '已核验的记录数' }) checked!: number;
  @ApiPropertyOptional({ description: '核对过的签名检查点数' }) checkpoints?: number;
  @ApiPropertyOptional({ description: '损坏从哪条记录起：第一条被篡改、断链或缺失的记录编号' }) firstBrokenId?: string;
  @ApiPropertyOptional({
    enum: PROBLEMS,
    description:
      'link_broken 断链（其前记录被删改）；hash_mismatch 记录被改写；checkpoint_mismatch 与签名检查点不符（删改后重算哈希）；entries_missing 记录缺失（删除链尾或清空）；checkpoint_forged 检查点签名无效；checkpoints_missing 检查点被删除',
  })
  problem?: string;
  @ApiPropertyOptional({ description: '仍与审计链相符的最新检查点编号' }) lastGoodCheckpointId?: string;
  @ApiPropertyOptional({ description: '问题说明（中文 / English）' }) message?: string;
  @ApiProperty({ description: '核验前从整顿对象时间线补记的审计记录数（请求在操作生效后、记审计前中断）' }) reconciled!: number;
  @ApiPropertyOptional({ description: '仍与审计链相符的最新签名检查点的签署时间（本次核验签署的，或此前的）' }) lastCheckpointAt?: string;
}

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value);

export class AuditListQueryDto {
  @ApiPropertyOptional({ description: '上一页最后一条记录的编号：从它之前（更早）的记录接着列出' })
  @IsOptional() @IsString() @Matches(/^[1-9][0-9]{0,17}$/)
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20, description: '每页条数' })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100)
  limit?: number;
}

export class AuditEntryView {
  @ApiProperty({ description: '记录编号（链上顺序）' }) id!: string;
  @ApiProperty({ description: '时间' }) at!: string;
  @ApiProperty({ description: '操作人编号' }) userId!: string;
  @ApiProperty({ description: '操作人' }) userName!: string;
  @ApiProperty({ description: '操作人角色（system 为系统）' }) role!: string;
  @ApiProperty({ description: '操作（操作名，如 approvePlan）' }) action!: string;
  @ApiProperty({ description: '操作的中文名称' }) actionLabel!: string;
  @ApiProperty({ description: 'accepted 已生效；refused:<规则> 被拒绝；error 出错；accepted:reconciled 从时间线补记' }) outcome!: string;
  @ApiProperty({ type: String, nullable: true, description: '整顿对象编号（与整顿对象无关的操作为 null）' }) caseId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '整顿对象（党组织名称）' }) orgName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '乡镇（街道）' }) township!: string | null;
  @ApiProperty({ description: '本条记录的哈希' }) hash!: string;
}

export class AuditEntryPageView {
  @ApiProperty({ type: [AuditEntryView], description: '最新的在前' }) items!: AuditEntryView[];
  @ApiProperty({ type: String, nullable: true, description: '下一页的 before；没有更早的记录时为 null' }) nextBefore!: string | null;
}
