import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HolidayPeriod } from '@zhengdun/domain';

/**
 * A year's statutory holiday arrangement (节假日安排) the county entered from the State Council's
 * notice: the holidays and the make-up working days. Working-day periods of that year count on it
 * instead of the shipped holiday package. One per year for the whole deployment: the arrangement is national.
 */
@Entity({ name: 'holiday_arrangement' })
export class HolidayArrangementEntity {
  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ type: 'jsonb' })
  holidays!: HolidayPeriod[];

  @Column({ name: 'make_up_workdays', type: 'jsonb' })
  makeUpWorkdays!: string[];

  @Column({ name: 'entered_by', type: 'text' })
  enteredBy!: string;

  @Column({ name: 'entered_at', type: 'timestamptz', default: () => 'now()' })
  enteredAt!: Date;
}
