import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HolidayArrangementRepository } from '@zhengdun/persistence';
import { HolidayCalendarController } from './holiday-calendar.controller';
import { HolidayCalendarService } from './holiday-calendar.service';

/** 节假日安排: the years' holiday arrangements the working-day periods count on. */
@Module({
  controllers: [HolidayCalendarController],
  providers: [
    HolidayCalendarService,
    { provide: HolidayArrangementRepository, inject: [DataSource], useFactory: (dataSource: DataSource) => new HolidayArrangementRepository(dataSource) },
  ],
})
export class HolidayCalendarModule {}
