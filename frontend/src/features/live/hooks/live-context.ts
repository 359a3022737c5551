import { createContext, useContext, useSyncExternalStore } from "react";
import type { CallView, TranscriptLine } from "@/lib/api-types";
import type { CallAlert, PartialUtterance, RoleFlags, Utterance } from "@/lib/live/live-state";
import type { ConnectionStatus, LiveSnapshot, LiveSocket } from "@/lib/live/live-socket";

/** The open tenant's LiveSocket; null while no tenant is selected. */
export const LiveSocketContext = createContext<LiveSocket | null>(null);

export function useLiveSocket(): LiveSocket | null {
  return useContext(LiveSocketContext);
}

const noop = () => () => {};
const NO_SNAPSHOT = () => null;

/**
 * Reads a slice of the live state. Selectors must return something already in the state (or a
 * constant), never a fresh object, or React would re-render forever.
 */
export function useLiveSelector<T>(selector: (snapshot: LiveSnapshot) => T, fallback: T): T {
  const socket = useLiveSocket();
  return useSyncExternalStore(
    socket ? socket.subscribe : noop,
    socket ? () => selector(socket.getSnapshot()) : NO_SNAPSHOT,
  ) ?? fallback;
}

const EMPTY_LINES: readonly TranscriptLine[] = [];
const EMPTY_FLAGS = {};
const NO_IDS: readonly string[] = [];
const NO_CALLS: Readonly<Record<string, CallView>> = {};

export const useConnectionStatus = (): ConnectionStatus | null => useLiveSelector((s) => s.connection, null);
export const useHasSnapshot = (): boolean => useLiveSelector((s) => s.data.hasSnapshot, false);
export const useCallOrder = (): readonly string[] => useLiveSelector((s) => s.data.order, NO_IDS);
export const useLiveCalls = (): Readonly<Record<string, CallView>> => useLiveSelector((s) => s.data.calls, NO_CALLS);
export const useLiveEpoch = (): number => useLiveSelector((s) => s.data.epoch, 0);
export const useClockOffset = (): number => useLiveSelector((s) => s.data.clockOffsetMs, 0);

export const useLiveCall = (id: string): CallView | null => useLiveSelector((s) => s.data.calls[id] ?? null, null);
export const useLiveLines = (id: string): readonly TranscriptLine[] => useLiveSelector((s) => s.data.lines[id] ?? EMPTY_LINES, EMPTY_LINES);
export const usePartials = (id: string): RoleFlags<PartialUtterance> => useLiveSelector((s) => s.data.partials[id] ?? EMPTY_FLAGS, EMPTY_FLAGS);
export const useSpeaking = (id: string): RoleFlags<boolean> => useLiveSelector((s) => s.data.speaking[id] ?? EMPTY_FLAGS, EMPTY_FLAGS);
export const useLastUtterance = (id: string): Utterance | null => useLiveSelector((s) => s.data.lastUtterance[id] ?? null, null);
export const useCallAlert = (id: string): CallAlert | null => useLiveSelector((s) => s.data.alerts[id] ?? null, null);
export const useChangedAt = (id: string): number | null => useLiveSelector((s) => s.data.changedAt[id] ?? null, null);
export const useTranscriptResets = (id: string): number => useLiveSelector((s) => s.data.transcriptResets[id] ?? 0, 0);

