import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zhengdun/domain';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators';
import { RequestValidationException } from '../../core/errors/request-validation.exception';
import { ApiProblems } from '../../core/openapi/api-problems.decorator';
import { HolidayCalendarView, SaveHolidayArrangementDto } from './holiday-calendar.dto';
import { HolidayCalendarService } from './holiday-calendar.service';

@ApiTags('calendar 节假日安排')
@ApiBearerAuth()
@Controller('calendar/holidays')
export class HolidayCalendarController {
  constructor(private readonly calendar: HolidayCalendarService) {}

  @Get()
  @ApiOperation({
    summary: '节假日安排：各年份工作日的依据（系统内置、已录入或未录入），以及期限会用到却未录入的年份',
    description: 'Where each year’s working days come from, and the years deadlines need that have no holiday arrangement (counted Monday to Friday).',
  })
  @ApiOkResponse({ type: HolidayCalendarView })
  @ApiProblems(401, 403)
  holidays(): Promise<HolidayCalendarView> {
    return this.calendar.calendar();
  }

  @Put(':year')
  @Roles('county_department')
  @ApiOperation({
    summary: '录入一年的节假日安排（依国务院办公厅通知）：放假日期与调休上班日；此后按工作日计算的期限以此为准',
    description: 'Enters or replaces a year’s statutory holiday arrangement; working-day periods computed from then on count on it (deadlines already set stay as they are).',
  })
  @ApiOkResponse({ type: HolidayCalendarView })
  @ApiProblems(400, 401, 403)
  save(@CurrentActor() actor: Actor, @Param('year') year: string, @Body() body: SaveHolidayArrangementDto): Promise<HolidayCalendarView> {
    if (!/^20\d\d$/.test(year)) throw RequestValidationException.field('year', '应为 2000 至 2099 之间的年份', 'year must be a year from 2000 to 2099');
    return this.calendar.save(actor, Number(year), body);
  }
}
