import { Activity, CalendarCheck, ListChecks, Timer } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { formatDurationWords } from "@/lib/time";
import { useNow } from "@/lib/use-now";
import { useTimeFormat } from "@/lib/time-zone";
import { Skeleton } from "@/components/ui/Skeleton";
import { useCallOrder, useHasSnapshot, useLiveCalls } from "@/features/live/hooks/live-context";
import { summarizeBoard } from "../../model/board-summary";

function Stat({ icon, label, value, hint, accent, loading }: { icon: ReactNode; label: string; value: ReactNode; hint?: string; accent?: boolean; loading: boolean }) {
  return (
    <div className="flex items-center gap-3 rounded-xl border border-slate-200 bg-white px-4 py-2.5 shadow-xs" title={hint}>
      <div className={cn("hidden size-9 shrink-0 items-center justify-center rounded-lg @3xl:flex", accent ? "bg-emerald-50 text-emerald-600" : "bg-slate-100 text-slate-500")}>
        {icon}
      </div>
      <div className="min-w-0">
        <div className="truncate text-xs font-medium text-slate-500">{label}</div>
        <div className="text-lg leading-6 font-semibold text-slate-900 tabular-nums">{loading ? <Skeleton className="my-1 h-4 w-10" /> : value}</div>
      </div>
    </div>
  );
}

/** Four numbers above the board, computed from the calls in view. */
export function BoardSummaryStrip() {
  const calls = useLiveCalls();
  const order = useCallOrder();
  // "Today" only moves at midnight; the shared one-second clock is plenty.
  const now = useNow();
  const loading = !useHasSnapshot();
  const time = useTimeFormat();
  const summary = summarizeBoard(order.map((id) => calls[id]!).filter(Boolean), now, time.sameDay);
  return (
    <div className="grid grid-cols-2 gap-3 @xl:grid-cols-4" aria-label="Summary">
      <Stat icon={<Activity className="size-4.5" />} label="Live now" value={summary.liveNow} accent={summary.liveNow > 0} hint="Calls queued, ringing, in progress or forwarding" loading={loading} />
      <Stat icon={<ListChecks className="size-4.5" />} label="Calls in view" value={summary.inView} hint="All live calls plus the most recent ended ones" loading={loading} />
      <Stat icon={<CalendarCheck className="size-4.5" />} label="Ended today" value={summary.endedToday} hint={`Calls in view that ended today (${time.zone ?? "local time"})`} loading={loading} />
      <Stat
        icon={<Timer className="size-4.5" />}
        label="Avg. duration"
        value={summary.averageEndedMs === null ? <span className="text-slate-400">—</span> : formatDurationWords(summary.averageEndedMs)}
        hint="Average talk time of the ended calls in view that connected"
        loading={loading}
      />
    </div>
  );
}
