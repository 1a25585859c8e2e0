/** 节假日安排 (holiday_arrangement): written by the county department, read by the worker's calendar and the API. */
import type { DataSource } from 'typeorm';
import type { HolidayArrangement } from '@zhengdun/domain';

export interface EnteredHolidayArrangement extends HolidayArrangement {
  enteredBy: string;
  enteredAt: string;
}

export class HolidayArrangementRepository {
  constructor(private readonly dataSource: DataSource) {}

  async all(): Promise<EnteredHolidayArrangement[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT year, holidays, make_up_workdays, entered_by, entered_at FROM holiday_arrangement ORDER BY year`,
    );
    return rows.map((row) => ({
      year: Number(row.year),
      holidays: row.holidays as HolidayArrangement['holidays'],
      makeUpWorkdays: row.make_up_workdays as string[],
      enteredBy: String(row.entered_by),
      enteredAt: new Date(row.entered_at as string).toISOString(),
    }));
  }

  /** Adds or replaces a year's arrangement. */
  async save(arrangement: HolidayArrangement, enteredBy: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO holiday_arrangement (year, holidays, make_up_workdays, entered_by, entered_at) VALUES ($1, $2::jsonb, $3::jsonb, $4, now())
       ON CONFLICT (year) DO UPDATE SET holidays = EXCLUDED.holidays, make_up_workdays = EXCLUDED.make_up_workdays,
         entered_by = EXCLUDED.entered_by, entered_at = now()`,
      [arrangement.year, JSON.stringify(arrangement.holidays), JSON.stringify(arrangement.makeUpWorkdays), enteredBy],
    );
  }
}
