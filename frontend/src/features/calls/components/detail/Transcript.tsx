import { ArrowDown, MessageSquareText } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { CallView, SpeakerRole, TranscriptLine } from "@/lib/api-types";
import type { PartialUtterance, RoleFlags } from "@/lib/live/live-state";
import { formatDuration, parseServerTime, type TimeFormat } from "@/lib/time";
import { useTimeFormat } from "@/lib/time-zone";
import { usePartials, useSpeaking } from "@/features/live/hooks/live-context";
import { useStickToBottom } from "../../hooks/useStickToBottom";
import { SpeakingBars } from "../shared/SpeakingBars";

const ROLE_NAME: Record<string, string> = { user: "Caller", assistant: "Assistant" };
const roleName = (role: string) => ROLE_NAME[role] ?? role.charAt(0).toUpperCase() + role.slice(1);
const isCaller = (role: string) => role === "user";

/** "0:42" into the call when the provider says so, else the wall-clock time of the line. */
function lineTime(line: TranscriptLine, startedAt: number | null, time: TimeFormat): string | null {
  if (line.secondsFromStart !== null && line.secondsFromStart !== undefined) return formatDuration(line.secondsFromStart * 1000);
  const at = parseServerTime(line.at);
  if (at === null) return null;
  return startedAt !== null && at >= startedAt ? formatDuration(at - startedAt) : time.clock(at);
}

/**
 * The conversation as chat bubbles: the caller on the left, the assistant on the right. Streams while
 * the call is live (partials in italics, a "speaking" bubble for whoever has the floor) and stays
 * pinned to the newest line unless the reader scrolled up. All provider text is rendered as text.
 */
export function Transcript({ call, lines, loading, className }: { call: CallView; lines: readonly TranscriptLine[]; loading: boolean; className?: string }) {
  const partials = usePartials(call.id);
  const speaking = useSpeaking(call.id);
  const live = call.status !== "ended";
  const contentKey = `${lines.length}:${partials.user?.text ?? ""}:${partials.assistant?.text ?? ""}:${speaking.user}:${speaking.assistant}`;
  const { ref, onScroll, atBottom, jumpToLatest } = useStickToBottom<HTMLDivElement>(contentKey);
  const startedAt = parseServerTime(call.startedAt);
  const time = useTimeFormat();
  // A partial means words are arriving: that role is speaking even if we missed its speech-start.
  const talking = (["user", "assistant"] as const).filter((r) => speaking[r] || partials[r]);

  return (
    <section aria-label="Transcript" className={cn("relative flex min-h-0 flex-col", className)}>
      <div className="flex h-11 shrink-0 items-center justify-between gap-2 border-b border-slate-100 px-5">
        <h3 className="text-[11px] font-semibold tracking-wider text-slate-500 uppercase">
          Transcript {lines.length > 0 && <span className="ml-1 font-normal text-slate-400 normal-case">{lines.length} {lines.length === 1 ? "line" : "lines"}</span>}
        </h3>
        {live && <SpeakingStatus talking={talking} />}
      </div>

      <div ref={ref} onScroll={onScroll} className="min-h-0 flex-1 overflow-y-auto px-5 py-4" aria-live={live ? "polite" : undefined}>
        {lines.length === 0 && !hasPartial(partials) && talking.length === 0 ? (
          <EmptyTranscript loading={loading} live={live} />
        ) : (
          <ol className="space-y-1">
            {lines.map((line, i) => {
              const first = i === 0 || lines[i - 1]!.role !== line.role;
              return (
                <Bubble key={line.id} role={line.role} label={first ? roleName(line.role) : null} time={lineTime(line, startedAt, time)} testId="transcript-line" spacing={first && i > 0}>
                  {line.text}
                </Bubble>
              );
            })}
            {live && <LiveTail partials={partials} speaking={speaking} lastRole={lines.at(-1)?.role ?? null} />}
          </ol>
        )}
      </div>

      {!atBottom && (
        <button
          type="button"
          onClick={jumpToLatest}
          className="absolute bottom-4 left-1/2 inline-flex -translate-x-1/2 items-center gap-1.5 rounded-full bg-slate-900 px-3 py-1.5 text-xs font-medium text-white shadow-lg hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          <ArrowDown aria-hidden className="size-3.5" />
          Jump to latest
        </button>
      )}
    </section>
  );
}

function hasPartial(p: RoleFlags<PartialUtterance>) {
  return Boolean(p.user || p.assistant);
}

/** In-progress words (partials) and "speaking" bubbles for whoever is talking without words yet. */
function LiveTail({ partials, speaking, lastRole }: { partials: RoleFlags<PartialUtterance>; speaking: RoleFlags<boolean>; lastRole: string | null }) {
  const roles: SpeakerRole[] = ["user", "assistant"];
  return (
    <>
      {roles.map((role) => {
        const partial = partials[role];
        if (partial) {
          return (
            <Bubble key={role} role={role} label={lastRole !== role ? roleName(role) : null} partial testId="transcript-partial" spacing={lastRole !== role}>
              {partial.text}…
            </Bubble>
          );
        }
        if (speaking[role]) {
          return (
            <Bubble key={role} role={role} label={lastRole !== role ? roleName(role) : null} partial spacing={lastRole !== role}>
              <span className="inline-flex items-center gap-2 not-italic">
                <SpeakingBars />
                <span>speaking…</span>
              </span>
            </Bubble>
          );
        }
        return null;
      })}
    </>
  );
}

function Bubble({ role, label, time, partial, testId, spacing, children }: {
  role: string;
  label: string | null;
  time?: string | null;
  partial?: boolean;
  testId?: string;
  spacing?: boolean;
  children: ReactNode;
}) {
  const caller = isCaller(role);
  return (
    <li data-testid={testId} data-role={role} className={cn("flex flex-col", caller ? "items-start" : "items-end", spacing && "pt-3")}>
      {label && (
        <span className={cn("mb-1 px-1 text-[11px] font-medium", caller ? "text-emerald-700" : "text-blue-700")}>{label}</span>
      )}
      <div className={cn("group flex max-w-[85%] items-end gap-2", !caller && "flex-row-reverse")}>
        <p
          className={cn(
            "rounded-2xl px-3.5 py-2 text-sm leading-relaxed break-words whitespace-pre-wrap",
            caller ? "rounded-tl-md" : "rounded-tr-md",
            partial
              ? "border border-dashed border-slate-300 bg-white text-slate-500 italic"
              : caller
                ? "bg-slate-100 text-slate-800"
                : "bg-blue-600 text-white",
          )}
        >
          {children}
        </p>
        {time && <span className="shrink-0 pb-1 text-[10px] text-slate-400 tabular-nums">{time}</span>}
      </div>
    </li>
  );
}

function SpeakingStatus({ talking }: { talking: readonly SpeakerRole[] }) {
  if (talking.length === 0) {
    return (
      <span className="inline-flex items-center gap-1.5 text-xs font-medium text-slate-500">
        <span className="size-1.5 animate-live-pulse rounded-full bg-emerald-500" />
        Live
      </span>
    );
  }
  const who = talking.length === 2 ? "Both speaking" : `${roleName(talking[0]!)} speaking`;
  return (
    <span data-testid="speaking-indicator" className={cn("inline-flex items-center gap-1.5 text-xs font-medium", talking.includes("assistant") ? "text-blue-700" : "text-emerald-700")}>
      <SpeakingBars />
      {who}…
    </span>
  );
}

function EmptyTranscript({ loading, live }: { loading: boolean; live: boolean }) {
  if (loading) {
    return (
      <div className="space-y-3" aria-busy="true" aria-label="Loading transcript">
        {[60, 80, 45].map((w, i) => (
          <div key={i} className={cn("flex", i % 2 ? "justify-end" : "justify-start")}>
            <span className="h-9 animate-pulse rounded-2xl bg-slate-100" style={{ width: `${w}%` }} />
          </div>
        ))}
      </div>
    );
  }
  return (
    <div className="flex h-full flex-col items-center justify-center py-10 text-center text-sm text-slate-500">
      <MessageSquareText aria-hidden className="mb-2 size-5 text-slate-300" />
      {live ? (
        <p>Waiting for the first words…</p>
      ) : (
        <>
          <p>No transcript was recorded for this call.</p>
          <p className="mt-1 max-w-xs text-xs text-slate-400">
            Live transcripts need the <code className="font-mono">transcript</code> server message enabled in Vapi.
          </p>
        </>
      )}
    </div>
  );
}
