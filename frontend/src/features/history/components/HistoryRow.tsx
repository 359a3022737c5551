import { memo } from "react";
import { cn } from "@/components/ui/cn";
import { describeEndedReason } from "@/lib/ended-reason";
import { formatUsd } from "@/lib/format";
import { formatDuration, parseServerTime, type TimeFormat } from "@/lib/time";
import { CallDuration } from "@/features/calls/components/shared/CallDuration";
import { statusAppearance } from "@/features/calls/model/call-status";
import { callerLabel } from "@/features/calls/model/direction";
import { useLiveCall } from "@/features/live/hooks/live-context";
import type { HistoryItem } from "../api/history";
import { withLiveState } from "../model/live-row";

export interface HistoryRowProps {
  item: HistoryItem;
  time: TimeFormat;
  selected: boolean;
  onOpen: (id: string) => void;
}

/**
 * One call of the list. A call the live socket knows (every live call, and the latest that ended) is shown as the
 * socket has it: a row loaded while its call was in progress ticks, and shows its outcome, cost and summary when
 * the call ends, in place. The row never moves; new calls wait for the list's refresh (NewCallsBar).
 */
export const HistoryRow = memo(function HistoryRow({ item, time, selected, onOpen }: HistoryRowProps) {
  const c = withLiveState(item, useLiveCall(item.id));
  const at = parseServerTime(c.createdAt);
  const reason = describeEndedReason(c.endedReason);
  const ended = c.status === "ended";
  return (
    <tr
      data-testid="history-row"
      data-status={c.status}
      aria-selected={selected}
      tabIndex={0}
      onClick={() => onOpen(c.id)}
      onKeyDown={(e) => e.key === "Enter" && onOpen(c.id)}
      className={cn("cursor-pointer align-top hover:bg-slate-50", selected && "bg-blue-50/60")}
    >
      <td className="px-4 py-2.5 whitespace-nowrap text-slate-700">{at === null ? "—" : <span title={time.full(at)}>{time.dateTime(at)}</span>}</td>
      <td className="px-3 py-2.5 whitespace-nowrap">
        <span className="text-slate-900">{callerLabel(c)}</span>
        <span className="block text-xs text-slate-400">{c.direction ?? ""}</span>
      </td>
      <td className="hidden px-3 py-2.5 text-slate-700 @2xl:table-cell">{c.assistantName ?? "—"}</td>
      <td className="px-3 py-2.5">
        <span className={cn("text-slate-700", reason?.tone === "error" && "text-red-700", reason?.tone === "warning" && "text-amber-700")}>
          {!ended ? statusAppearance(c).label : reason?.label ?? "Ended"}
        </span>
        {c.transferred && <span className="block text-xs text-slate-400">transferred</span>}
      </td>
      <td className="px-3 py-2.5 text-right whitespace-nowrap tabular-nums" data-testid="history-duration">
        {c.durationSeconds != null ? (
          formatDuration(c.durationSeconds * 1000)
        ) : c.live ? (
          <CallDuration call={c} showWaitingLabel={false} />
        ) : (
          "—"
        )}
      </td>
      <td className="px-3 py-2.5 text-right whitespace-nowrap tabular-nums">{c.cost == null ? "—" : formatUsd(c.cost)}</td>
      <td className="hidden max-w-md px-4 py-2.5 text-slate-600 @4xl:table-cell">
        {c.highlight ? <Snippet parts={c.highlight} /> : <span className="line-clamp-2">{c.summary ?? ""}</span>}
      </td>
    </tr>
  );
});

/** Rendered as text with <mark>s: the server sends parts, never HTML. */
function Snippet({ parts }: { parts: { text: string; match: boolean }[] }) {
  return (
    <span className="line-clamp-3" data-testid="history-snippet">
      {parts.map((part, i) => (part.match ? <mark key={i} className="rounded bg-amber-100 px-0.5 text-slate-900">{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}
