import type { CallView } from "@/lib/api-types";
import { parseServerTime } from "@/lib/time";

/**
 * The duration a row shows:
 *  - talking: ended − started for ended calls, now − started while connected (ticks);
 *  - waiting: now − created for a call that has not connected yet (ringing/queued, ticks);
 *  - none: an ended call that never connected (no answer, busy), or no timestamps at all.
 */
export type CallTiming =
  | { kind: "talking"; ms: number; ticking: boolean }
  | { kind: "waiting"; ms: number; ticking: true }
  | { kind: "none" };

const WAITING = new Set(["scheduled", "queued", "ringing"]);

type TimingFields = Pick<CallView, "status" | "startedAt" | "endedAt" | "createdAt">;

export function callTiming(call: TimingFields, serverNow: number): CallTiming {
  const started = parseServerTime(call.startedAt);
  const ended = parseServerTime(call.endedAt);
  if (call.status === "ended" || ended !== null) {
    if (started !== null && ended !== null) return { kind: "talking", ms: Math.max(0, ended - started), ticking: false };
    return { kind: "none" };
  }
  const created = parseServerTime(call.createdAt);
  // Not connected yet, whatever startedAt says (some sources stamp it at creation): count the wait.
  if (WAITING.has(call.status) && (created ?? started) !== null) {
    return { kind: "waiting", ms: Math.max(0, serverNow - (created ?? started)!), ticking: true };
  }
  if (started !== null) return { kind: "talking", ms: Math.max(0, serverNow - started), ticking: true };
  if (created !== null) return { kind: "waiting", ms: Math.max(0, serverNow - created), ticking: true };
  return { kind: "none" };
}

/** Whether the duration changes with time (so the row needs the ticking clock). */
export function isTicking(call: TimingFields): boolean {
  return call.status !== "ended" && call.endedAt === null && (call.startedAt !== null || call.createdAt !== null);
}

/** Milliseconds of conversation of an ended call, or null if it never connected. */
export function endedDuration(call: TimingFields): number | null {
  const started = parseServerTime(call.startedAt);
  const ended = parseServerTime(call.endedAt);
  return started !== null && ended !== null ? Math.max(0, ended - started) : null;
}
