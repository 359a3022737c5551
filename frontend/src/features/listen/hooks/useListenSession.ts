import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useContext, useEffect, useRef, useSyncExternalStore } from "react";
import { ApiError, apiGet, apiPath } from "@/lib/api-client";
import type { CallDetail, CallView } from "@/lib/api-types";
import type { ChannelSelection } from "@/lib/listen/format";
import { ListenClient, listenError, listenSocketUrl, type ListenError, type ListenPhase, type ListenState } from "@/lib/listen/listen-client";
import { listenKey, listenSessions } from "../listen-sessions";
import { AudioSinkFactoryContext } from "../sink-factory";

const VOLUME_KEY = "switchboard.listenVolume";
const CHANNEL_KEY = "switchboard.listenChannel";

function storedVolume(): number {
  try {
    const v = Number(window.localStorage.getItem(VOLUME_KEY));
    return window.localStorage.getItem(VOLUME_KEY) !== null && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0.9;
  } catch {
    return 0.9;
  }
}

function storedChannel(): ChannelSelection {
  try {
    const v = window.localStorage.getItem(CHANNEL_KEY);
    return v === "customer" || v === "assistant" ? v : "both";
  } catch {
    return "both";
  }
}

function remember(key: string, value: string) {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // no storage: not remembered
  }
}

/** Why the relay refused the upgrade (browsers only see close 1006): ask the call detail. */
export async function diagnoseListen(clientId: string, callId: string): Promise<ListenError | null> {
  try {
    const detail = await apiGet<CallDetail>(apiPath(clientId, "calls", callId));
    if (detail.call.status === "ended") return listenError("not_live");
    if (!detail.call.listenUrl) return listenError("no_audio");
    return null;
  } catch (error) {
    if (error instanceof ApiError && error.isNotFound) return listenError("not_found", error.message);
    return null;
  }
}

export interface ListenSession {
  /** This call's session, or null when not listening to it. */
  client: ListenClient | null;
  /** Its phase (the full state, with levels updating ~12×/s, is read by the panel alone: useListenState). */
  phase: ListenPhase | null;
  start: () => void;
  stop: () => void;
  retry: () => void;
  setChannel: (channel: ChannelSelection) => void;
  setVolume: (volume: number) => void;
  resumeAudio: () => void;
}

const noSubscribe = () => () => {};
const nothing = () => null;

/**
 * Listening to one call from its detail panel. The session is the tab's single listen session (see
 * listenSessions); it stops when the panel goes away (closed, another call, tenant switch), when the
 * call ends, or from the Stop button. `start` must run inside the click, so the browser allows audio.
 */
export function useListenSession(clientId: string, call: CallView): ListenSession {
  const createSink = useContext(AudioSinkFactoryContext);
  const queryClient = useQueryClient();
  const key = listenKey(clientId, call.id);
  const active = useSyncExternalStore(listenSessions.subscribe, listenSessions.get);
  const client = active?.key === key ? active.client : null;
  const phase = useSyncExternalStore(client ? client.subscribe : noSubscribe, client ? () => client.getSnapshot().phase : nothing);
  const { listenUrl, id: callId, status } = call;

  const start = useCallback(() => {
    if (!listenUrl) return;
    const session = new ListenClient({
      url: listenSocketUrl(listenUrl, callId, clientId),
      sink: createSink(),
      diagnose: () => diagnoseListen(clientId, callId),
      channel: storedChannel(),
      volume: storedVolume(),
    });
    listenSessions.start(key, session);
  }, [listenUrl, callId, clientId, createSink, key]);

  const stop = useCallback(() => {
    if (client) listenSessions.stop(client);
  }, [client]);

  // Leaving this call (panel closed, another call opened, tenant switched) stops its audio.
  const clientRef = useRef(client);
  useEffect(() => {
    clientRef.current = client;
  });
  useEffect(
    () => () => {
      if (clientRef.current) listenSessions.stop(clientRef.current);
    },
    [],
  );

  // The board knows the call ended: stop now rather than wait for the relay.
  useEffect(() => {
    if (client && status === "ended") client.callEnded();
  }, [client, status]);

  // Listen sessions are audited: refetch the call (its timeline) when one starts and after it ends.
  const live = phase === "buffering" || phase === "playing";
  const wasLive = useRef(false);
  useEffect(() => {
    if (live === wasLive.current) return;
    wasLive.current = live;
    const refetch = () => void queryClient.invalidateQueries({ queryKey: ["call-detail", clientId, callId] });
    if (live) {
      refetch();
      return;
    }
    // The server records the end when it sees the socket close: give it a moment.
    const timer = setTimeout(refetch, 1000);
    return () => clearTimeout(timer);
  }, [live, queryClient, clientId, callId]);

  return {
    client,
    phase,
    start,
    stop,
    retry: start,
    setChannel: useCallback(
      (channel: ChannelSelection) => {
        remember(CHANNEL_KEY, channel);
        client?.setChannel(channel);
      },
      [client],
    ),
    setVolume: useCallback(
      (volume: number) => {
        remember(VOLUME_KEY, String(volume));
        client?.setVolume(volume);
      },
      [client],
    ),
    resumeAudio: useCallback(() => client?.resumeAudio(), [client]),
  };
}

/** The session's full state (levels, latency): subscribe only where it is shown, it changes ~12×/s. */
export function useListenState(client: ListenClient): ListenState {
  return useSyncExternalStore(client.subscribe, client.getSnapshot);
}
