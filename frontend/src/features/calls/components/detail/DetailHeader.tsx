import { AlertTriangle, X } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import type { CallView } from "@/lib/api-types";
import { formatPhone, formatUsd } from "@/lib/format";
import { formatDuration, parseServerTime } from "@/lib/time";
import { useTimeFormat } from "@/lib/time-zone";
import { useCallAlert } from "@/features/live/hooks/live-context";
import { useFreshAlert } from "../../hooks/useFreshAlert";
import { useCallTiming } from "../../hooks/useCallTiming";
import { callerLabel, directionLabel } from "../../model/direction";
import { DirectionIcon } from "../shared/DirectionIcon";
import { StatusBadge } from "../shared/StatusBadge";

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-[11px] font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-0.5 truncate text-sm font-medium text-slate-900 tabular-nums">{children}</dd>
    </div>
  );
}

export function DetailHeader({ call, onClose }: { call: CallView; onClose: () => void }) {
  const timing = useCallTiming(call);
  const alert = useFreshAlert(useCallAlert(call.id));
  const started = parseServerTime(call.startedAt);
  const created = parseServerTime(call.createdAt);
  const time = useTimeFormat();

  return (
    <header className="shrink-0 border-b border-slate-200 px-5 pt-4 pb-4">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge call={call} data-testid="detail-status" />
            <span className="inline-flex items-center gap-1 text-xs text-slate-500">
              <DirectionIcon direction={call.direction} className="size-3.5" />
              {directionLabel(call.direction)}
            </span>
          </div>
          <h2 className="mt-2 truncate text-xl font-semibold tracking-tight text-slate-900 tabular-nums">{callerLabel(call)}</h2>
          <p className="mt-0.5 truncate text-sm text-slate-500">
            {call.assistantName ?? "Unnamed assistant"}
            {call.ourNumber && (
              <>
                <span className="mx-1.5 text-slate-300">·</span>
                {call.direction === "outbound" ? "from " : "to "}
                <span className="tabular-nums">{formatPhone(call.ourNumber)}</span>
              </>
            )}
          </p>
        </div>
        <Button variant="ghost" size="md" onClick={onClose} aria-label="Close call details" title="Close (Esc)" className="-mt-1 -mr-2 size-9 px-0">
          <X className="size-5" />
        </Button>
      </div>

      <dl className="mt-4 grid grid-cols-3 gap-4">
        <Stat label={timing.kind === "waiting" ? (call.status === "queued" ? "Queued for" : "Ringing for") : "Duration"}>
          {timing.kind === "none" ? <span className="text-slate-400">—</span> : formatDuration(timing.ms)}
        </Stat>
        <Stat label="Started">
          {started !== null ? (
            <span title={`${time.full(started)}${time.zone ? ` (${time.zone})` : ""}`} data-testid="detail-started">
              {time.clock(started)} <span className="text-xs font-normal text-slate-400">{time.zoneName(started)}</span>
            </span>
          ) : created !== null ? (
            <span className="text-slate-400" title={`Created ${time.full(created)}`}>
              Not connected
            </span>
          ) : (
            "—"
          )}
        </Stat>
        <Stat label="Cost">{call.cost !== null ? formatUsd(call.cost) : <span className="text-slate-400">{call.status === "ended" ? "—" : "After the call"}</span>}</Stat>
      </dl>

      {alert?.kind === "hang" && (
        <div role="alert" className="mt-4 flex animate-alert-flash items-center gap-2 rounded-lg border border-amber-300 px-3 py-2 text-sm text-amber-900">
          <AlertTriangle aria-hidden className="size-4 shrink-0" />
          <span>
            <strong className="font-semibold">The assistant is not responding.</strong> It has not answered for about 5 seconds.
          </span>
        </div>
      )}
      {alert?.kind === "user-interrupted" && (
        <p className="mt-3 text-xs text-slate-500" role="status">
          The caller interrupted the assistant.
        </p>
      )}
    </header>
  );
}
