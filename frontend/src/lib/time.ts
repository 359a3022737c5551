/**
 * Time helpers. The backend sends UTC timestamps without an offset ("2025-12-10T07:05:14.195000");
 * JavaScript would read those as local time, so we pin them to UTC. Everything shown to people is in
 * the browser's local time zone.
 */

const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;
const FRACTION = /\.(\d{3})\d+/;

/** Epoch milliseconds for a server timestamp, or null when absent or unreadable. */
export function parseServerTime(value: string | null | undefined): number | null {
  if (!value) return null;
  // Date.parse is only specified for up to millisecond precision; the server sends microseconds.
  let text = value.trim().replace(FRACTION, ".$1");
  if (!HAS_ZONE.test(text)) text += "Z";
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/** "0:07", "12:05", "1:02:03": a clock-style duration; negative inputs count as zero. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, "0");
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, "0")}:${ss}`;
  return `${minutes}:${ss}`;
}

/** "4m 05s", "1h 02m", "38s": a duration for prose and summaries. */
export function formatDurationWords(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  if (total < 60) return `${total}s`;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, "0")}m`;
  return `${minutes}m ${String(total % 60).padStart(2, "0")}s`;
}

export function isSameLocalDay(a: number, b: number): boolean {
  const x = new Date(a);
  const y = new Date(b);
  return x.getFullYear() === y.getFullYear() && x.getMonth() === y.getMonth() && x.getDate() === y.getDate();
}

const clockFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
const shortDateFormat = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** Local wall-clock time; calls from another day also get their date ("Dec 10, 07:05:14"). */
export function formatClockTime(epochMs: number, now: number = Date.now()): string {
  const time = clockFormat.format(epochMs);
  return isSameLocalDay(epochMs, now) ? time : `${shortDateFormat.format(epochMs)}, ${time}`;
}

export function formatFullDateTime(epochMs: number): string {
  return fullFormat.format(epochMs);
}

const shortDateTimeFormat = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** "Dec 10, 07:05:14": date and time where a full date would not fit. */
export function formatShortDateTime(epochMs: number): string {
  return shortDateTimeFormat.format(epochMs);
}
