import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

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
}
