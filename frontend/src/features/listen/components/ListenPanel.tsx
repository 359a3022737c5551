import { AlertCircle, Headphones, PhoneOff, RotateCcw, Square, Volume1, Volume2, VolumeX } from "lucide-react";
import type { ReactNode } from "react";
import { Spinner } from "@/components/ui/Spinner";
import { cn } from "@/components/ui/cn";
import type { ChannelSelection } from "@/lib/listen/format";
import type { ListenClient, ListenState } from "@/lib/listen/listen-client";
import { useListenState, type ListenSession } from "../hooks/useListenSession";
import { LevelMeter } from "./LevelMeter";

const STATUS: Record<ListenState["phase"], { label: string; className: string }> = {
  connecting: { label: "Connecting…", className: "text-slate-300" },
  buffering: { label: "Buffering…", className: "text-amber-300" },
  playing: { label: "Live", className: "text-emerald-300" },
  ended: { label: "Ended", className: "text-slate-300" },
  error: { label: "Not playing", className: "text-red-300" },
};

const SOURCE: Record<string, string> = {
  announced: "announced by the provider",
  detected: "detected from the byte rate",
  configured: "set for this client",
  assumed: "assumed",
};

/**
 * The Listen panel: what state the audio is in, who is speaking (a meter per channel), which side to
 * hear, the volume, and how far behind live it plays. The transcript beside it is the call's own.
 */
export function ListenPanel({ session, client, className }: { session: ListenSession; client: ListenClient; className?: string }) {
  const state = useListenState(client);
  const { phase, format } = state;
  const status = STATUS[phase];
  const active = phase === "connecting" || phase === "buffering" || phase === "playing";

  return (
    <section data-testid="listen-panel" aria-label="Listen" className={cn("bg-slate-900 text-white", className)}>
      <div className="flex items-center gap-2.5 px-4 pt-3.5">
        <span className={cn("flex size-7 items-center justify-center rounded-full", phase === "playing" ? "bg-emerald-500/15 text-emerald-300" : "bg-white/10 text-slate-300")}>
          <Headphones aria-hidden className="size-4" />
        </span>
        <div className="min-w-0 flex-1">
          <h3 className="text-sm font-semibold">Listening</h3>
          <p data-testid="listen-status" data-state={phase} role="status" className={cn("flex items-center gap-1.5 text-xs font-medium", status.className)}>
            {phase === "playing" && <span aria-hidden className="size-1.5 animate-live-pulse rounded-full bg-emerald-400" />}
            {(phase === "connecting" || phase === "buffering") && <Spinner className="size-3 border-[1.5px]" label={status.label} />}
            {status.label}
            {phase === "playing" && state.latencyMs !== null && (
              <span data-testid="listen-latency" className="font-normal text-slate-400 tabular-nums" title={latencyTitle(state)}>
                · {state.latencyMs} ms behind
              </span>
            )}
          </p>
        </div>
        {active && (
          <button
            type="button"
            onClick={session.stop}
            className="inline-flex h-7 items-center gap-1.5 rounded-md bg-white/10 px-2.5 text-xs font-medium text-white hover:bg-white/20 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-400"
          >
            <Square aria-hidden className="size-3 fill-current" />
            Stop
          </button>
        )}
      </div>

      {active ? <Playing session={session} state={state} /> : phase === "ended" ? <Ended state={state} onClose={session.stop} /> : <Failed session={session} state={state} />}

      {active && format && (
        <p className="border-t border-white/10 px-4 py-2 text-[11px] text-slate-400">
          {format.sampleRate / 1000} kHz · {format.channels === 2 ? "stereo" : "mono"} · {SOURCE[format.source] ?? format.source}
          {(state.underruns > 0 || state.droppedMs >= 1) && (
            <span title="Rebuffers happen when audio arrives late; skipped audio keeps the delay short after a burst.">
              {" "}
              · {state.underruns} {state.underruns === 1 ? "rebuffer" : "rebuffers"}
              {state.droppedMs >= 1 && `, ${(state.droppedMs / 1000).toFixed(1)} s skipped`}
            </span>
          )}
        </p>
      )}
    </section>
  );
}

function latencyTitle(state: ListenState): string {
  const buffered = Math.round(state.bufferedMs);
  const output = state.latencyMs !== null ? Math.max(0, state.latencyMs - buffered) : 0;
  return `${buffered} ms buffered (jitter buffer starts at ${Math.round(state.targetMs)} ms) + ${output} ms audio output`;
}

function Playing({ session, state }: { session: ListenSession; state: ListenState }) {
  const stereo = state.format?.channels === 2;
  const hears = (side: ChannelSelection) => state.channel === "both" || state.channel === side;
  const VolumeIcon = state.volume === 0 ? VolumeX : state.volume < 0.5 ? Volume1 : Volume2;

  return (
    <div className="space-y-4 px-4 pt-4 pb-4">
      <div data-testid="listen-level" data-level={state.level.toFixed(4)} className="relative space-y-2">
        {stereo ? (
          <>
            <LevelMeter label="Caller" tone="emerald" level={state.levels[0] ?? 0} dimmed={!hears("customer")} data-testid="listen-level-customer" />
            <LevelMeter label="Assistant" tone="blue" level={state.levels[1] ?? 0} dimmed={!hears("assistant")} data-testid="listen-level-assistant" />
          </>
        ) : (
          <LevelMeter label={state.format ? "Call" : "Audio"} tone={state.format ? "emerald" : "slate"} level={state.levels[0] ?? 0} data-testid="listen-level-mixed" />
        )}
        {state.audioBlocked && (
          <button
            type="button"
            onClick={session.resumeAudio}
            className="absolute inset-0 flex items-center justify-center rounded-lg bg-slate-900/85 text-sm font-medium text-white ring-1 ring-white/20 hover:bg-slate-900/70"
          >
            The browser paused the audio. Click to start it.
          </button>
        )}
      </div>

      <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
        {stereo && (
          <label className="flex items-center gap-2 text-xs text-slate-300">
            Hear
            <select
              data-testid="listen-channel"
              value={state.channel}
              onChange={(e) => session.setChannel(e.target.value as ChannelSelection)}
              className="h-7 rounded-md border-0 bg-white/10 py-0 pr-7 pl-2 text-xs font-medium text-white ring-1 ring-white/15 ring-inset focus:ring-2 focus:ring-sky-400 focus:outline-none [&>option]:text-slate-900"
            >
              <option value="both">Both sides</option>
              <option value="customer">Caller only</option>
              <option value="assistant">Assistant only</option>
            </select>
          </label>
        )}
        <label className="flex min-w-36 flex-1 items-center gap-2 text-xs text-slate-300">
          <VolumeIcon aria-hidden className="size-4 shrink-0" />
          <span className="sr-only">Volume</span>
          <input
            data-testid="listen-volume"
            type="range"
            min={0}
            max={100}
            step={1}
            value={Math.round(state.volume * 100)}
            onChange={(e) => session.setVolume(Number(e.target.value) / 100)}
            aria-valuetext={`${Math.round(state.volume * 100)} %`}
            className="h-1.5 flex-1 cursor-pointer accent-sky-400"
          />
          <span className="w-8 text-right tabular-nums">{Math.round(state.volume * 100)}%</span>
        </label>
      </div>
      {state.phase === "connecting" && <p className="text-xs text-slate-400">Opening the call's audio stream…</p>}
    </div>
  );
}

function Ended({ state, onClose }: { state: ListenState; onClose: () => void }) {
  return (
    <Outcome icon={<PhoneOff aria-hidden className="size-4" />} title={state.endedMessage ?? "The call ended"} tone="slate">
      <p>The audio stopped. The call's outcome and summary appear when the provider's report arrives.</p>
      <div className="mt-3">
        <PanelButton onClick={onClose}>Close</PanelButton>
      </div>
    </Outcome>
  );
}

function Failed({ session, state }: { session: ListenSession; state: ListenState }) {
  const error = state.error;
  return (
    <Outcome icon={<AlertCircle aria-hidden className="size-4" />} title={error?.title ?? "Listening stopped"} tone="red">
      {error && <p>{error.hint}</p>}
      {error?.detail && <p className="mt-1 font-mono text-[11px] break-words text-slate-400">{error.detail}</p>}
      <div className="mt-3 flex gap-2">
        {error?.retryable && (
          <PanelButton onClick={session.retry} primary>
            <RotateCcw aria-hidden className="size-3.5" />
            Try again
          </PanelButton>
        )}
        <PanelButton onClick={session.stop}>Close</PanelButton>
      </div>
    </Outcome>
  );
}

function Outcome({ icon, title, tone, children }: { icon: ReactNode; title: string; tone: "slate" | "red"; children: ReactNode }) {
  return (
    <div role={tone === "red" ? "alert" : undefined} className="flex gap-3 px-4 pt-4 pb-4">
      <span className={cn("mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full", tone === "red" ? "bg-red-500/15 text-red-300" : "bg-white/10 text-slate-300")}>{icon}</span>
      <div className="min-w-0 text-xs text-slate-300">
        <p className="text-sm font-medium text-white">{title}</p>
        <div className="mt-1">{children}</div>
      </div>
    </div>
  );
}

function PanelButton({ onClick, primary, children }: { onClick: () => void; primary?: boolean; children: ReactNode }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className={cn(
        "inline-flex h-7 items-center gap-1.5 rounded-md px-2.5 text-xs font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-400",
        primary ? "bg-sky-500 text-white hover:bg-sky-400" : "bg-white/10 text-white hover:bg-white/20",
      )}
    >
      {children}
    </button>
  );
}
