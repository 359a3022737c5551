import { X } from "lucide-react";
import { timeChips, withoutChip, type HistoryFilters } from "../model/filters";

/**
 * The view's hour and weekday filters (set by a click in Analytics) as chips, each removable on its own. They name
 * the zone: "14:00–15:00" means the tenant's clock, which may not be the reader's.
 */
export function TimeFilterChips({ value, timeZone, onApply }: { value: HistoryFilters; timeZone: string; onApply: (f: HistoryFilters) => void }) {
  const chips = timeChips(value);
  if (chips.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="time-filter-chips">
      <span className="text-slate-500">Only calls placed on</span>
      {chips.map((chip) => (
        <span key={`${chip.key}-${chip.value}`} data-testid={`chip-${chip.key}-${chip.value}`}
          className="inline-flex items-center gap-1 rounded-full bg-blue-50 py-0.5 pr-1 pl-2.5 text-xs font-medium text-blue-800 ring-1 ring-blue-600/20 ring-inset">
          <span className="text-blue-600/80">{chip.key === "hour" ? "Hour" : "Weekday"}</span> {chip.label}
          <button type="button" aria-label={`Remove ${chip.key === "hour" ? "hour" : "weekday"} ${chip.label}`}
            onClick={() => onApply(withoutChip(value, chip))}
            className="rounded-full p-0.5 hover:bg-blue-100 focus-visible:outline-2 focus-visible:outline-blue-600">
            <X aria-hidden className="size-3" />
          </button>
        </span>
      ))}
      <span className="text-xs text-slate-400">{timeZone} time</span>
    </div>
  );
}
