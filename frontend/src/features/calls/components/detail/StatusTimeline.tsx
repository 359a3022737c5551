import { ArrowRightLeft, EyeOff, Headphones, MessageSquareText, Mic, MicOff, PhoneOff, Zap } from "lucide-react";
import { useMemo } from "react";
import { Section } from "@/components/ui/Card";
import { cn } from "@/components/ui/cn";
import type { CallAction, JsonValue, TimelineEntry } from "@/lib/api-types";
import { describeEndedReason } from "@/lib/ended-reason";
import { formatPhone } from "@/lib/format";
import { formatDuration } from "@/lib/time";
import { useTimeFormat } from "@/lib/time-zone";
import { statusAppearance } from "../../model/call-status";
import { actionTone, describeAction, describeOutcome, mergeTimeline, type ActionTone } from "../../model/timeline";

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

const ACTION_ICONS: Record<string, typeof Zap> = {
  listen: Headphones,
  transfer: ArrowRightLeft,
  end: PhoneOff,
  say: MessageSquareText,
  whisper: EyeOff,
  mute: MicOff,
  unmute: Mic,
};

const ACTION_TONE: Record<ActionTone, string> = {
  ok: "bg-blue-50 text-blue-600 ring-blue-200",
  failed: "bg-red-50 text-red-600 ring-red-200",
  timeout: "bg-amber-50 text-amber-600 ring-amber-200",
  pending: "bg-slate-50 text-slate-500 ring-slate-200",
};

function detailOf(payload: JsonValue | null): string | null {
  if (payload && typeof payload === "object" && !Array.isArray(payload) && typeof payload.detail === "string") return payload.detail;
  return null;
}

/**
 * Each status the call went through and everything supervisors did to it (listened, transferred,
 * said, …, with who, the outcome and the provider's latency), by time.
 */
export function StatusTimeline({ entries, actions = [], loading }: { entries: readonly TimelineEntry[]; actions?: readonly CallAction[]; loading: boolean }) {
  const items = useMemo(() => mergeTimeline(entries, actions), [entries, actions]);
  const first = items.find((i) => i.at !== null)?.at ?? null;
  return (
    <Section title="Timeline">
      {items.length === 0 ? (
        <p className="text-sm text-slate-400">{loading ? "Loading…" : "No status changes recorded."}</p>
      ) : (
        <ol className="relative">
          {items.map((item, i) => {
            const last = i === items.length - 1;
            const offset = item.at !== null && first !== null && item.at > first ? `+${formatDuration(item.at - first)}` : null;
            return (
              <li key={item.key} className="relative flex gap-3 pb-4 last:pb-0" data-testid={item.kind === "action" ? "timeline-action" : "timeline-status"} data-action={item.kind === "action" ? item.action.action : undefined} data-outcome={item.kind === "action" ? item.action.outcome ?? undefined : undefined}>
                {!last && <span aria-hidden className="absolute top-3 bottom-0 left-[4.5px] w-px bg-slate-200" />}
                {item.kind === "status" ? <StatusRow entry={item.entry} at={item.at} offset={offset} /> : <ActionRow action={item.action} at={item.at} offset={offset} />}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}

function Time({ at }: { at: number | null }) {
  const time = useTimeFormat();
  if (at === null) return null;
  return (
    <time className="shrink-0 text-xs text-slate-500 tabular-nums" dateTime={new Date(at).toISOString()} title={time.full(at)}>
      {time.clock(at)}
    </time>
  );
}

function StatusRow({ entry, at, offset }: { entry: TimelineEntry; at: number | null; offset: string | null }) {
  const detail = detailOf(entry.payload);
  const endedInfo = entry.status === "ended" ? describeEndedReason(detail) : null;
  const look = statusAppearance({ status: entry.status, endedReason: entry.status === "ended" ? detail : null });
  return (
    <>
      <span aria-hidden className={cn("relative mt-1.5 size-2.5 shrink-0 rounded-full ring-4 ring-white", dot[look.tone])} />
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline justify-between gap-2">
          <span className="text-sm font-medium text-slate-900">{look.label}</span>
          <Time at={at} />
        </div>
        <div className="flex items-baseline justify-between gap-2 text-xs text-slate-400">
          <span className="truncate">
            {endedInfo ? endedInfo.label : detail && entry.status === "forwarding" ? `to ${formatPhone(detail)}` : SOURCES[entry.source ?? ""] ?? entry.source}
          </span>
          {offset && <span className="shrink-0 tabular-nums">{offset}</span>}
        </div>
      </div>
    </>
  );
}

function ActionRow({ action, at, offset }: { action: CallAction; at: number | null; offset: string | null }) {
  const Icon = ACTION_ICONS[action.action] ?? Zap;
  const tone = actionTone(action);
  const outcome = describeOutcome(action);
  const who = [action.actor, action.clientAddress].filter(Boolean).join(" · ");
  const listening = action.action === "listen" && !action.endedAt;
  return (
    <>
      <span aria-hidden className={cn("relative -ml-[5px] flex size-5 shrink-0 items-center justify-center rounded-full ring-1 ring-inset", ACTION_TONE[tone], "outline-4 outline-white")}>
        <Icon className="size-3" />
      </span>
      <div className="-ml-[5px] min-w-0 flex-1">
        <div className="flex items-baseline justify-between gap-2">
          <span className="min-w-0 text-sm font-medium break-words text-slate-900">
            {describeAction(action)}
            {listening && <span className="ml-1.5 inline-block size-1.5 animate-live-pulse rounded-full bg-emerald-500 align-middle" />}
          </span>
          <Time at={at} />
        </div>
        <div className="flex items-baseline justify-between gap-2 text-xs text-slate-400">
          <span className="min-w-0 truncate" title={who}>
            {who ? `by ${who}` : "by an unknown user"}
          </span>
          <span className="shrink-0 tabular-nums">
            {action.latencyMs !== null && action.action !== "listen" && <span title="Provider response time">{action.latencyMs} ms</span>}
            {action.latencyMs !== null && action.action !== "listen" && offset && " · "}
            {offset}
          </span>
        </div>
        {outcome && <p title={outcome} className={cn("mt-1 line-clamp-3 text-xs break-words", tone === "timeout" ? "text-amber-700" : tone === "failed" ? "text-red-700" : "text-slate-500")}>{outcome}</p>}
        {action.action === "transfer" && typeof action.parameters?.message === "string" && action.parameters.message && (
          <p className="mt-1 text-xs text-slate-500">Said first: “{action.parameters.message}”</p>
        )}
      </div>
    </>
  );
}
