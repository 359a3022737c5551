import { memo } from "react";
import { cn } from "@/components/ui/cn";
import { formatUsd } from "@/lib/format";
import { parseServerTime } from "@/lib/time";
import { useTimeFormat } from "@/lib/time-zone";
import { useCallAlert, useChangedAt, useLiveCall } from "@/features/live/hooks/live-context";
import { useFreshAlert } from "../../hooks/useFreshAlert";
import { CallDuration } from "../shared/CallDuration";
import { callerLabel } from "../../model/direction";
import { DirectionIcon } from "../shared/DirectionIcon";
import { StatusBadge } from "../shared/StatusBadge";
import { ACTIVITY_CELL, BOARD_GRID, COST_CELL, STARTED_CELL } from "./board-columns";
import { RowActivity } from "./RowActivity";

/**
 * One call on the board. Reads its own call from the live store, so an update to one call re-renders
 * one row. Rows are focusable; the board moves focus between them with the arrow keys.
 */
export const CallRow = memo(function CallRow({ callId, selected, onOpen }: { callId: string; selected: boolean; onOpen: (id: string) => void }) {
  const call = useLiveCall(callId);
  const changedAt = useChangedAt(callId);
  const hang = useFreshAlert(useCallAlert(callId))?.kind === "hang";
  const time = useTimeFormat();
  if (!call) return null;
  const started = parseServerTime(call.startedAt) ?? parseServerTime(call.createdAt);
  const ended = call.status === "ended";

  return (
    <div
      role="row"
      tabIndex={0}
      data-testid="call-row"
      data-call-id={call.id}
      data-status={call.status}
      aria-current={selected ? "true" : undefined}
      aria-label={`${callerLabel(call)}, ${call.status}`}
      onClick={() => onOpen(call.id)}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          onOpen(call.id);
        }
      }}
      className={cn(
        BOARD_GRID,
        "relative min-h-15 cursor-pointer border-b border-slate-100 px-4 py-2.5 transition-colors last:border-b-0 sm:px-5",
        "focus-visible:z-10 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600",
        selected ? "bg-blue-50/70" : "hover:bg-slate-50",
        hang && "animate-alert-flash",
      )}
    >
      {changedAt !== null && <span key={changedAt} aria-hidden className="pointer-events-none absolute inset-0 animate-row-flash" />}
      {selected && <span aria-hidden className="absolute inset-y-0 left-0 w-0.5 bg-blue-600" />}
      <div role="cell" className="relative">
        <StatusBadge call={call} />
      </div>
      <div role="cell" className="relative min-w-0">
        <div className="flex items-center gap-1.5">
          <span className="shrink-0 text-slate-400">
            <DirectionIcon direction={call.direction} />
          </span>
          <span className="truncate text-[15px] font-medium text-slate-900 tabular-nums">{callerLabel(call)}</span>
        </div>
        <div className="truncate pl-5 text-xs text-slate-500">{call.assistantName ?? "Unnamed assistant"}</div>
      </div>
      <div role="cell" className={cn(STARTED_CELL, "relative text-sm text-slate-600 tabular-nums", !call.startedAt && "text-slate-400")}>
        {started !== null ? <span title={time.full(started)}>{time.clock(started)}</span> : "—"}
      </div>
      <div role="cell" className="relative text-sm">
        <CallDuration call={call} />
      </div>
      <div role="cell" className={cn(ACTIVITY_CELL, "relative min-w-0")}>
        <RowActivity call={call} />
      </div>
      <div role="cell" className={cn(COST_CELL, "relative text-right text-sm tabular-nums", ended && call.cost !== null ? "text-slate-700" : "text-slate-400")}>
        {ended && call.cost !== null ? formatUsd(call.cost) : "—"}
      </div>
    </div>
  );
});
