import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AuditVerifyView {
  @ApiProperty({ description: '整条审计链完整' }) ok!: boolean;
  @ApiProperty({ description: '已核验的记录数' }) checked!: number;
  @ApiPropertyOptional({ description: '第一条被篡改或断链的记录编号' }) firstBrokenId?: string;
}
