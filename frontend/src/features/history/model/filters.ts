/**
 * A history view's filters as they live in the URL (?view=history&status=ended&q=refund…). The URL parameters
 * are exactly the API's, so a shared link, the table and the export all ask the server the same question.
 * Structured-data filters are `data.<field>=<value>`.
 */
export interface HistoryFilters {
  status: string[];
  category: string[];
  type: string[];
  /** Hours of the day 0–23 and ISO weekdays 1–7 (Monday = 1), on the tenant's clock. */
  hour: string[];
  weekday: string[];
  reason: string;
  assistant: string;
  phone: string;
  from: string;
  to: string;
  minDuration: string;
  maxDuration: string;
  minCost: string;
  maxCost: string;
  success: string;
  transferred: string;
  q: string;
  data: [field: string, value: string][];
}

const LISTS = ["status", "category", "type", "hour", "weekday"] as const;
const TEXTS = ["reason", "assistant", "phone", "from", "to", "minDuration", "maxDuration", "minCost", "maxCost", "success", "transferred", "q"] as const;

export const EMPTY_FILTERS: HistoryFilters = {
  status: [], category: [], type: [], hour: [], weekday: [], reason: "", assistant: "", phone: "", from: "", to: "",
  minDuration: "", maxDuration: "", minCost: "", maxCost: "", success: "", transferred: "", q: "", data: [],
};

export function filtersFromSearch(search: string | URLSearchParams): HistoryFilters {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const f: HistoryFilters = { ...EMPTY_FILTERS, data: [] };
  for (const key of LISTS) f[key] = (params.get(key) ?? "").split(",").map((v) => v.trim()).filter(Boolean);
  for (const key of TEXTS) f[key] = params.get(key) ?? "";
  for (const [key, value] of params) if (key.startsWith("data.") && key.length > 5) f.data.push([key.slice(5), value]);
  return f;
}

/** The API's query parameters for the view, in a stable order, empty filters left out. */
export function filtersToParams(f: HistoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of LISTS) if (f[key].length) params.set(key, f[key].join(","));
  for (const key of TEXTS) if (f[key].trim()) params.set(key, f[key].trim());
  for (const [field, value] of f.data) if (field.trim() && value.trim()) params.set(`data.${field.trim()}`, value.trim());
  return params;
}

/** Every URL parameter a history view may set (to clear the old view's before writing the new one). */
export function filterKeysIn(search: string): string[] {
  const keys: string[] = [...LISTS, ...TEXTS];
  for (const key of new URLSearchParams(search).keys()) if (key.startsWith("data.")) keys.push(key);
  return keys;
}

export function activeFilterCount(f: HistoryFilters): number {
  return [...filtersToParams(f).keys()].filter((k) => k !== "q").length;
}

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const clock = (h: number) => `${String(h).padStart(2, "0")}:00`;

/** "09:00–10:00" for hour 9 (the hour is on the tenant's clock, like every time on the screen). */
export function hourLabel(hour: string): string {
  const h = Number(hour);
  return Number.isInteger(h) && h >= 0 && h <= 23 ? `${clock(h)}–${clock((h + 1) % 24)}` : hour;
}

/** "Sunday" for ISO weekday 7. */
export function weekdayLabel(weekday: string): string {
  return WEEKDAYS[Number(weekday) - 1] ?? weekday;
}

/** One removable chip per hour and weekday value (they have no field of their own; Analytics sets them). */
export interface FilterChip {
  key: "hour" | "weekday";
  value: string;
  label: string;
}

export function timeChips(f: HistoryFilters): FilterChip[] {
  return [
    ...[...f.weekday].sort((a, b) => Number(a) - Number(b)).map((value) => ({ key: "weekday" as const, value, label: weekdayLabel(value) })),
    ...[...f.hour].sort((a, b) => Number(a) - Number(b)).map((value) => ({ key: "hour" as const, value, label: hourLabel(value) })),
  ];
}

export function withoutChip(f: HistoryFilters, chip: FilterChip): HistoryFilters {
  return { ...f, [chip.key]: f[chip.key].filter((v) => v !== chip.value) };
}
