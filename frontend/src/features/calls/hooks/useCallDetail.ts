import { useMemo } from "react";
import type { CallAction, CallView, TimelineEntry, TranscriptLine } from "@/lib/api-types";
import { useConnectionStatus, useLiveCall, useLiveEpoch, useLiveLines, useTranscriptResets } from "@/features/live/hooks/live-context";
import { useCallDetailQuery } from "../api/call-detail";
import { mergeTranscript } from "../model/transcript";

export interface CallDetailView {
  /** The newest version known, live or fetched; null until one of them arrives. */
  call: CallView | null;
  timeline: readonly TimelineEntry[];
  /** Audited listen sessions and control actions; undefined until loaded (or from an older server). */
  actions: readonly CallAction[] | undefined;
  transcript: readonly TranscriptLine[];
  /** The stored detail has not arrived yet (the live call may already be shown). */
  loading: boolean;
  error: Error | null;
  retry: () => void;
}

const NO_TIMELINE: readonly TimelineEntry[] = [];
const NO_LINES: readonly TranscriptLine[] = [];

/** The open call: REST detail for history, the live stream for everything after it. */
export function useCallDetail(clientId: string, callId: string): CallDetailView {
  const live = useLiveCall(callId);
  const liveLines = useLiveLines(callId);
  const resets = useTranscriptResets(callId);
  const epoch = useLiveEpoch();
  const phase = useConnectionStatus()?.phase ?? null;
  // Fetch once the live stream is subscribed (its first snapshot), so no line can fall between the
  // fetch and the stream; but never wait on a socket that is down: history must open regardless.
  const streamReady = phase === null || phase !== "connecting" || epoch > 0;
  const query = useCallDetailQuery(clientId, callId, `${epoch}:${resets}:${live?.version ?? "-"}`, streamReady);
  const stored = query.data;

  const call = live && (!stored || live.version >= stored.call.version) ? live : stored?.call ?? live;
  const transcript = useMemo(() => mergeTranscript(stored?.transcript ?? NO_LINES, liveLines), [stored, liveLines]);
  const { refetch } = query;

  return {
    call: call ?? null,
    timeline: stored?.timeline ?? NO_TIMELINE,
    actions: stored?.actions,
    transcript,
    loading: query.isPending,
    // An error after a successful load (a refetch failing) keeps showing the last good detail.
    error: stored ? null : query.error,
    retry: () => void refetch(),
  };
}
