/** China has one time zone (Beijing time, UTC+8) and no daylight saving. */
export const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar day in Beijing time of an instant: `2026-12-31T16:30:00Z` → `2027-01-01`. */
export function chinaDate(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** 2026-05-01 08:00 in Beijing time, as every message the county reads gives a time. */
export function chinaTime(iso: string): string {
  const local = new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}
