import type { CallView } from "@/lib/api-types";
import { parseServerTime, timeFormat } from "@/lib/time";
import { endedDuration } from "./call-timing";
import { isEnded, isLive } from "./call-status";

export interface BoardSummary {
  liveNow: number;
  inView: number;
  endedToday: number;
  /** Average talk time of ended calls in view that connected; null when there are none. */
  averageEndedMs: number | null;
}

/** `sameDay`: the tenant's days ("ended today" is its today). */
export function summarizeBoard(calls: Iterable<CallView>, now: number, sameDay = timeFormat().sameDay): BoardSummary {
  let liveNow = 0;
  let inView = 0;
  let endedToday = 0;
  let talked = 0;
  let talkedCount = 0;
  for (const call of calls) {
    inView++;
    if (isLive(call)) liveNow++;
    if (!isEnded(call)) continue;
    const endedAt = parseServerTime(call.endedAt);
    if (endedAt !== null && sameDay(endedAt, now)) endedToday++;
    const ms = endedDuration(call);
    if (ms !== null) {
      talked += ms;
      talkedCount++;
    }
  }
  return { liveNow, inView, endedToday, averageEndedMs: talkedCount > 0 ? talked / talkedCount : null };
}
