import { AlertTriangle, ArrowRightLeft } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { CallView } from "@/lib/api-types";
import { describeEndedReason, type EndedReasonTone } from "@/lib/ended-reason";
import { formatPhone } from "@/lib/format";
import { useCallAlert, useLastUtterance, usePartials, useSpeaking } from "@/features/live/hooks/live-context";
import { useFreshAlert } from "../../hooks/useFreshAlert";
import { SpeakingBars } from "../shared/SpeakingBars";

const reasonColour: Record<EndedReasonTone, string> = {
  neutral: "text-slate-600",
  warning: "text-amber-700",
  error: "text-red-700",
};

const who = (role: string) => (role === "user" ? "Caller" : "Assistant");

/** The board's "what is happening" column: live preview, transfer, alert, or why the call ended. */
export function RowActivity({ call }: { call: CallView }) {
  const alert = useFreshAlert(useCallAlert(call.id));
  if (call.status === "ended") return <EndedReason reason={call.endedReason} />;
  if (alert?.kind === "hang") {
    return (
      <span className="inline-flex max-w-full items-center gap-1.5 truncate rounded-md bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
        <AlertTriangle aria-hidden className="size-3.5" />
        Assistant not responding
      </span>
    );
  }
  return <LivePreview call={call} />;
}

function EndedReason({ reason }: { reason: string | null }) {
  const info = describeEndedReason(reason);
  if (!info) return <span className="text-sm text-slate-400">Ended</span>;
  return (
    <span className={cn("block truncate text-sm", reasonColour[info.tone])} title={`${info.explanation} (${reason})`}>
      {info.label}
    </span>
  );
}

function LivePreview({ call }: { call: CallView }) {
  const partials = usePartials(call.id);
  const speaking = useSpeaking(call.id);
  const last = useLastUtterance(call.id);
  const speaker = speaking.assistant ? "assistant" : speaking.user ? "user" : null;
  const partial = partials.user ?? partials.assistant;
  const partialRole = partials.user ? "user" : "assistant";

  if (call.status === "forwarding") {
    return (
      <span className="flex min-w-0 items-center gap-1.5 text-sm text-violet-700">
        <ArrowRightLeft aria-hidden className="size-3.5 shrink-0" />
        <span className="truncate">{call.transferDestination ? `Transferring to ${formatPhone(call.transferDestination)}` : "Transferring…"}</span>
      </span>
    );
  }
  if (!partial && !last && !speaker) {
    const waiting = call.status === "ringing" || call.status === "queued" || call.status === "scheduled";
    // Lines spoken before this page connected are not in the snapshot; say what we know, not "silence".
    return <span className="text-sm text-slate-400">{waiting ? "Waiting to connect…" : "In conversation"}</span>;
  }
  return (
    <span className="flex min-w-0 items-center gap-2 text-sm">
      {speaker && (
        <span className={speaker === "assistant" ? "text-blue-600" : "text-emerald-600"} title={`${who(speaker)} speaking`}>
          <SpeakingBars />
        </span>
      )}
      {partial ? (
        <span className="truncate text-slate-500 italic">
          <span className="font-medium not-italic text-slate-600">{who(partialRole)}:</span> {partial.text}…
        </span>
      ) : last ? (
        <span className="truncate text-slate-600">
          <span className="font-medium text-slate-700">{who(last.role)}:</span> {last.text}
        </span>
      ) : (
        <span className="text-slate-500">{who(speaker!)} speaking…</span>
      )}
    </span>
  );
}
