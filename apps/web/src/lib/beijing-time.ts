/** Instants shown in Beijing time whatever the browser's zone (the audit trail is read against county records). */
const BEIJING = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** "2026/11/30 19:52:24（北京时间）". */
export function beijingTime(iso: string | null | undefined): string {
  return iso ? `${BEIJING.format(new Date(iso))}（北京时间）` : '—';
}
