const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/** 1536 → "1.5 KB" (binary multiples, as cloud consoles show disk sizes). */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** An API time (UTC) as "6 Sept 2018, 14:03 UTC"; anything unparsable is shown as it came. */
export function formatDateTime(isoTime: string | undefined): string {
  if (!isoTime) return '—';
  const time = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(isoTime) ? isoTime : `${isoTime}Z`);
  return Number.isNaN(time) ? isoTime : `${dateTime.format(time)} UTC`;
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
