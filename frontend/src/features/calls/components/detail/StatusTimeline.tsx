import { Section } from "@/components/ui/Card";
import { cn } from "@/components/ui/cn";
import type { JsonValue, TimelineEntry } from "@/lib/api-types";
import { describeEndedReason } from "@/lib/ended-reason";
import { formatPhone } from "@/lib/format";
import { formatClockTime, formatDuration, formatFullDateTime, parseServerTime } from "@/lib/time";
import { statusAppearance } from "../../model/call-status";

const dot: Record<string, string> = {
  slate: "bg-slate-400",
  sky: "bg-sky-500",
  amber: "bg-amber-500",
  green: "bg-emerald-500",
  violet: "bg-violet-500",
  red: "bg-red-500",
  blue: "bg-blue-500",
};

const SOURCES: Record<string, string> = {
  "status-update": "status update",
  "transfer-update": "transfer update",
  "end-of-call-report": "end-of-call report",
  debug: "debug API",
};

function detailOf(payload: JsonValue | null): string | null {
  if (payload && typeof payload === "object" && !Array.isArray(payload) && typeof payload.detail === "string") return payload.detail;
  return null;
}

/** Each status the call went through, when, and how long after the first. */
export function StatusTimeline({ entries, loading }: { entries: readonly TimelineEntry[]; loading: boolean }) {
  const first = entries.length ? parseServerTime(entries[0]!.at) : null;
  return (
    <Section title="Status timeline">
      {entries.length === 0 ? (
        <p className="text-sm text-slate-400">{loading ? "Loading…" : "No status changes recorded."}</p>
      ) : (
        <ol className="relative">
          {entries.map((entry, i) => {
            const at = parseServerTime(entry.at);
            const detail = detailOf(entry.payload);
            const endedInfo = entry.status === "ended" ? describeEndedReason(detail) : null;
            const look = statusAppearance({ status: entry.status, endedReason: entry.status === "ended" ? detail : null });
            const last = i === entries.length - 1;
            return (
              <li key={entry.id} className="relative flex gap-3 pb-4 last:pb-0">
                {!last && <span aria-hidden className="absolute top-3 bottom-0 left-[4.5px] w-px bg-slate-200" />}
                <span aria-hidden className={cn("relative mt-1.5 size-2.5 shrink-0 rounded-full ring-4 ring-white", dot[look.tone])} />
                <div className="min-w-0 flex-1">
                  <div className="flex items-baseline justify-between gap-2">
                    <span className="text-sm font-medium text-slate-900">{look.label}</span>
                    {at !== null && (
                      <time className="shrink-0 text-xs text-slate-500 tabular-nums" dateTime={new Date(at).toISOString()} title={formatFullDateTime(at)}>
                        {formatClockTime(at)}
                      </time>
                    )}
                  </div>
                  <div className="flex items-baseline justify-between gap-2 text-xs text-slate-400">
                    <span className="truncate">
                      {endedInfo ? endedInfo.label : detail && entry.status === "forwarding" ? `to ${formatPhone(detail)}` : SOURCES[entry.source ?? ""] ?? entry.source}
                    </span>
                    {at !== null && first !== null && i > 0 && <span className="shrink-0 tabular-nums">+{formatDuration(at - first)}</span>}
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
