import { Injectable } from '@nestjs/common';
import { ChineseStatutoryCalendar } from '@zhengdun/activities';
import { chinaDate, HOLIDAY_SOURCE_LABELS, holidayArrangementProblems, yearsNeeded, type Actor, type HolidayArrangement } from '@zhengdun/domain';
import { CampaignRepository, HolidayArrangementRepository } from '@zhengdun/persistence';
import { AuditService } from '../../core/audit/audit.service';
import { RequestValidationException } from '../../core/errors/request-validation.exception';
import type { HolidayCalendarView, SaveHolidayArrangementDto } from './holiday-calendar.dto';

/** `holidays[1].name` → 放假安排第2项 */
function fieldLabel(field: string): string {
  const [, list, index] = /^(holidays|makeUpWorkdays)(?:\[(\d+)\])?/.exec(field) ?? [];
  const name = list === 'makeUpWorkdays' ? '调休上班日' : '放假安排';
  return index === undefined ? name : `${name}第${Number(index) + 1}项`;
}

/** 节假日安排: which years the working-day periods can count on, and the county's entries for the rest. */
@Injectable()
export class HolidayCalendarService {
  constructor(
    private readonly arrangements: HolidayArrangementRepository,
    private readonly campaigns: CampaignRepository,
    private readonly audit: AuditService,
  ) {}

  async calendar(): Promise<HolidayCalendarView> {
    const entered = await this.arrangements.all();
    const calendar = new ChineseStatutoryCalendar(entered);
    const now = new Date();
    const ends = (await this.campaigns.endDatesFrom(now)).map((at) => chinaDate(at.toISOString()));
    const needed = new Set(yearsNeeded(chinaDate(now.toISOString()), ends));
    const years = [...new Set([...needed, ...entered.map((a) => a.year)])].sort((a, b) => a - b);
    const views = years.map((year) => {
      const entry = entered.find((a) => a.year === year);
      const source = calendar.sourceOf(year);
      return {
        year,
        source,
        sourceLabel: HOLIDAY_SOURCE_LABELS[source],
        needed: needed.has(year),
        holidays: entry?.holidays ?? [],
        makeUpWorkdays: entry?.makeUpWorkdays ?? [],
        ...(entry ? { enteredBy: entry.enteredBy, enteredAt: entry.enteredAt } : {}),
      };
    });
    return { years: views, missingYears: views.filter((v) => v.needed && v.source === 'missing').map((v) => v.year) };
  }

  save(actor: Actor, year: number, body: SaveHolidayArrangementDto): Promise<HolidayCalendarView> {
    const arrangement: HolidayArrangement = { year, holidays: body.holidays.map(({ name, from, to }) => ({ name: name.trim(), from, to })), makeUpWorkdays: body.makeUpWorkdays };
    return this.audit.command(actor, null, 'saveHolidayArrangement', arrangement, async () => {
      const problems = holidayArrangementProblems(arrangement);
      if (problems.length > 0) {
        throw new RequestValidationException(problems.map((p) => ({ field: p.field, label: fieldLabel(p.field), detail: p.messageZh, detail_en: p.messageEn })));
      }
      await this.arrangements.save(arrangement, actor.userId);
      return this.calendar();
    });
  }
}
