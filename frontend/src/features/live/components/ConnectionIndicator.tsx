import { RefreshCw } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { ConnectionPhase, ConnectionStatus } from "@/lib/live/live-socket";
import { useNow } from "@/lib/use-now";
import { useConnectionStatus, useLiveSocket } from "../hooks/live-context";

const dotColour: Record<ConnectionPhase, string> = {
  live: "bg-emerald-500",
  connecting: "bg-slate-400",
  reconnecting: "bg-amber-500",
  offline: "bg-red-500",
};

function label(status: ConnectionStatus, now: number): string {
  switch (status.phase) {
    case "live":
      return "Live";
    case "connecting":
      return "Connecting…";
    case "reconnecting": {
      const wait = status.retryAt ? Math.ceil((status.retryAt - now) / 1000) : 0;
      const attempt = status.attempt > 0 ? ` · attempt ${status.attempt}` : "";
      return wait > 0 ? `Reconnecting in ${wait}s${attempt}` : `Reconnecting…${attempt}`;
    }
    case "offline":
      return "Offline";
  }
}

function title(status: ConnectionStatus): string {
  if (status.phase === "live") {
    return status.resyncs > 0 ? "Connected. Resynced after a dropped connection." : "Connected: updates arrive as they happen.";
  }
  return status.reason ?? (status.phase === "connecting" ? "Opening the live connection" : "Not connected");
}

/** Header pill: is the board live? Offers "Retry now" while waiting between reconnect attempts. */
export function ConnectionIndicator({ fallbackPhase = "connecting" }: { fallbackPhase?: ConnectionPhase }) {
  const socket = useLiveSocket();
  // No socket yet (the tenant list is loading or failed): say so in the same vocabulary.
  const status = useConnectionStatus() ?? { phase: fallbackPhase, attempt: 0, retryAt: null, reason: null, resyncs: 0 };
  const now = useNow(status.phase === "reconnecting" && status.retryAt !== null);
  const waiting = status.phase === "reconnecting" && status.retryAt !== null && status.retryAt > now;
  return (
    <div className="flex items-center gap-1.5">
      <div
        data-testid="connection-status"
        data-state={status.phase}
        role="status"
        aria-live="polite"
        title={title(status)}
        className={cn(
          "inline-flex h-8 items-center gap-2 rounded-full px-3 text-xs font-medium ring-1 ring-inset",
          status.phase === "live" && "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
          status.phase === "connecting" && "bg-slate-100 text-slate-600 ring-slate-500/15",
          status.phase === "reconnecting" && "bg-amber-50 text-amber-800 ring-amber-600/25",
          status.phase === "offline" && "bg-red-50 text-red-700 ring-red-600/20",
        )}
      >
        <span className="relative flex size-2">
          {status.phase === "live" && <span className="absolute inline-flex size-full animate-ping rounded-full bg-emerald-400 opacity-60 [animation-duration:2.5s]" />}
          <span className={cn("relative inline-flex size-2 rounded-full", dotColour[status.phase], status.phase !== "live" && status.phase !== "offline" && "animate-live-pulse")} />
        </span>
        <span className="tabular-nums">{label(status, now)}</span>
      </div>
      {waiting && socket && (
        <button
          type="button"
          onClick={() => socket.retryNow()}
          className="inline-flex h-8 items-center gap-1 rounded-full px-2.5 text-xs font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          <RefreshCw aria-hidden className="size-3.5" />
          Retry now
        </button>
      )}
    </div>
  );
}
