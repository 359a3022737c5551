import type { CallView } from "@/lib/api-types";
import { formatDuration } from "@/lib/time";
import { useCallTiming } from "../../hooks/useCallTiming";

/** What the caller is waiting for: a small label under a duration that is not talk time yet. */
function waitingLabel(status: string): string {
  return status === "queued" || status === "scheduled" ? status : status === "ringing" ? "ringing" : "connecting";
}

type Fields = Pick<CallView, "status" | "startedAt" | "endedAt" | "createdAt">;

/** The duration as a row shows it; live calls tick every second on the shared clock. */
export function CallDuration({ call, showWaitingLabel = true }: { call: Fields; showWaitingLabel?: boolean }) {
  const timing = useCallTiming(call);
  if (timing.kind === "none") return <span className="text-slate-400">—</span>;
  return (
    <span className="inline-flex flex-col leading-tight">
      <span className={timing.kind === "waiting" ? "text-slate-500 tabular-nums" : "font-medium text-slate-900 tabular-nums"}>{formatDuration(timing.ms)}</span>
      {timing.kind === "waiting" && showWaitingLabel && <span className="text-[11px] text-slate-400">{waitingLabel(call.status)}</span>}
    </span>
  );
}
