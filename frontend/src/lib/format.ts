// Dates and numbers in the person's own locale (the browser's).
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateTimeSeconds = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const integer = new Intl.NumberFormat(undefined);

/** A date and time in the person's locale, or an em dash when there is none. */
export function formatDateTime(value: string | null | undefined, withSeconds = false): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  return (withSeconds ? dateTimeSeconds : dateTime).format(date);
}

export function formatNumber(value: number | null | undefined): string {
  return value == null ? '—' : integer.format(value);
}

const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** A byte count in decimal units ("12.3 MB"). */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** A duration as "1 h 2 min", "3 min 4 s" or "5 s". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms) || ms < 0) return '—';
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min ${s} s`;
  return `${s} s`;
}

/** A count and its noun, singular for exactly one: "1 product", "0 products", "— products" when unknown. */
export function plural(count: number | null | undefined, noun: string, pluralNoun = `${noun}s`): string {
  return `${formatNumber(count)} ${count === 1 ? noun : pluralNoun}`;
}
