/**
 * Time helpers. The backend sends UTC timestamps without an offset ("2025-12-10T07:05:14.195000");
 * JavaScript would read those as local time, so we pin them to UTC. What people see is on a tenant's clock
 * (see {@link TimeFormat}): its calls happen in its time zone, whatever the reader's.
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

/**
 * Wall-clock formatting in one time zone: a tenant's (IANA id) for everything about its calls, so the board, the
 * call page, History and Analytics agree whatever the reader's own zone; the browser's when `zone` is undefined
 * (screens about no one tenant). Get one with {@link timeFormat}, or `useTimeFormat()` inside a tenant's screens.
 */
export interface TimeFormat {
  /** The IANA zone, or undefined for the browser's. */
  readonly zone: string | undefined;
  /** The IANA zone in effect: `zone`, or the browser's by name ("Europe/Berlin"). */
  readonly zoneId: string;
  /** "07:05:14"; a time from another day also gets its date ("Dec 10, 07:05:14"). */
  clock(epochMs: number, now?: number): string;
  /** "Dec 10, 2025, 7:05:14 AM EST": for tooltips and anywhere the zone must be spelled out. */
  full(epochMs: number): string;
  /** "Dec 10, 2025, 7:05:14 AM": to the second, where the zone is said once for the whole screen. */
  medium(epochMs: number): string;
  /** "Dec 10, 07:05:14": date and time where a full date would not fit. */
  short(epochMs: number): string;
  /** "Dec 10, 2025, 7:05 AM": a list of calls over many days. */
  dateTime(epochMs: number): string;
  /** "EST", "PDT", "GMT+5:30": the zone's short name at that instant (it changes with daylight saving). */
  zoneName(epochMs: number): string;
  /** Whether two instants fall on the same day of this zone. */
  sameDay(a: number, b: number): boolean;
}

const formats = new Map<string, TimeFormat>();

export function timeFormat(zone?: string): TimeFormat {
  const key = zone ?? "";
  let f = formats.get(key);
  if (!f) {
    f = makeTimeFormat(validZone(zone));
    formats.set(key, f);
  }
  return f;
}

/** An id the browser does not know (an older ICU) falls back to the browser's zone rather than breaking the screen. */
function validZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

function makeTimeFormat(zone: string | undefined): TimeFormat {
  const timeZone = zone;
  const clock = new Intl.DateTimeFormat(undefined, { timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit" });
  const shortDate = new Intl.DateTimeFormat(undefined, { timeZone, month: "short", day: "numeric" });
  const full = new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: "medium", timeStyle: "long" });
  const medium = new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: "medium", timeStyle: "medium" });
  const short = new Intl.DateTimeFormat(undefined, { timeZone, month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" });
  const dateTime = new Intl.DateTimeFormat("en-US", { timeZone, month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" });
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" });
  const day = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  const sameDay = (a: number, b: number) => day.format(a) === day.format(b);
  return {
    zone,
    zoneId: clock.resolvedOptions().timeZone,
    clock: (ms, now = Date.now()) => (sameDay(ms, now) ? clock.format(ms) : `${shortDate.format(ms)}, ${clock.format(ms)}`),
    full: (ms) => full.format(ms),
    medium: (ms) => medium.format(ms),
    short: (ms) => short.format(ms),
    dateTime: (ms) => dateTime.format(ms),
    zoneName: (ms) => name.formatToParts(ms).find((p) => p.type === "timeZoneName")?.value ?? "",
    sameDay,
  };
}
