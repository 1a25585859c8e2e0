import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { HOLIDAY_SOURCE_LABELS, MAX_HOLIDAY_PERIODS, MAX_MAKE_UP_WORKDAYS, type HolidayCalendarSource } from '@zhengdun/domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SOURCES = Object.keys(HOLIDAY_SOURCE_LABELS) as HolidayCalendarSource[];

export class HolidayPeriodDto {
  @ApiProperty({ title: '节日名称', example: '元旦' })
  @IsString() @MaxLength(20)
  name!: string;

  @ApiProperty({ title: '放假开始日', example: '2027-01-01' })
  @IsString() @Matches(DATE)
  from!: string;

  @ApiProperty({ title: '放假结束日（含）', example: '2027-01-03' })
  @IsString() @Matches(DATE)
  to!: string;
}

export class SaveHolidayArrangementDto {
  @ApiProperty({ type: [HolidayPeriodDto], title: '放假安排', description: '按国务院办公厅通知逐项录入' })
  @IsArray() @ArrayMaxSize(MAX_HOLIDAY_PERIODS) @ValidateNested({ each: true }) @Type(() => HolidayPeriodDto)
  holidays!: HolidayPeriodDto[];

  @ApiProperty({ type: [String], title: '调休上班日', description: '需要上班的周六、周日', example: ['2027-02-20'] })
  @IsArray() @ArrayMaxSize(MAX_MAKE_UP_WORKDAYS) @IsString({ each: true }) @Matches(DATE, { each: true })
  makeUpWorkdays!: string[];
}

export class HolidayYearView {
  @ApiProperty({ example: 2027 }) year!: number;
  @ApiProperty({ enum: SOURCES, description: 'entered 已录入 · package 系统内置 · missing 未录入（按周一至周五计算工作日）' }) source!: HolidayCalendarSource;
  @ApiProperty({ example: '未录入' }) sourceLabel!: string;
  @ApiProperty({ description: '工作日期限会用到这一年（今年、入秋后的明年、各批次截止日所在年份）' }) needed!: boolean;
  @ApiProperty({ type: [HolidayPeriodDto], description: '录入的放假安排（系统内置的年份为空）' }) holidays!: HolidayPeriodDto[];
  @ApiProperty({ type: [String] }) makeUpWorkdays!: string[];
  @ApiPropertyOptional() enteredBy?: string;
  @ApiPropertyOptional() enteredAt?: string;
}

export class HolidayCalendarView {
  @ApiProperty({ type: [HolidayYearView] }) years!: HolidayYearView[];
  @ApiProperty({ type: [Number], description: '期限会用到、却没有节假日安排的年份：这些年份按周一至周五计算工作日，截止日期可能有误' }) missingYears!: number[];
}
