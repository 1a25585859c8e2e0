import dayjs from 'dayjs';

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY年M月D日') : '—';
}

export function formatTime(date: Date | null | undefined): string {
  return date ? dayjs(date).format('HH:mm:ss') : '—';
}

export function percent(rate: number | null | undefined, digits = 1): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(digits)}%`;
}

/** Whole days from now until `iso` (negative once past); today counts as 0. */
export function daysUntil(iso: string, now: Date = new Date()): number {
  return dayjs(iso).startOf('day').diff(dayjs(now).startOf('day'), 'day');
}

/** "还有 3 天", "今天到期", "已逾期 2 天". */
export function dueText(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return '—';
  const days = daysUntil(iso, now);
  if (days > 0) return `还有 ${days} 天`;
  if (days === 0) return dayjs(iso).isBefore(now) ? '今天已到期' : '今天到期';
  return `已逾期 ${-days} 天`;
}
