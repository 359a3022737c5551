import type { CallView } from "@/lib/api-types";
import { parseServerTime } from "@/lib/time";
import type { HistoryItem } from "../api/history";

/**
 * How the History list falls behind the live socket: calls it does not show that started after it was loaded, and
 * calls it shows as not ended that have since ended. The screen offers a refresh instead of moving rows under the
 * reader's cursor.
 */

/**
 * A call created up to this long before the list was requested still counts as new when the list does not show it.
 * Why: the clock offset is measured on a message that took some network time to arrive, and a call's `createdAt`
 * (the provider's clock) can precede the moment its row became queryable; a strict comparison would silently miss
 * a call created right at load time. Erring early cannot double count: a call the list does show is never new,
 * whatever its time. The price is at most a call or two from just before the load that the filters left out,
 * which the bar already words as "may not match".
 */
export const NEW_CALL_SLACK_MS = 3_000;

export interface Staleness {
  newCalls: number;
  endedCalls: number;
}

export interface StalenessInput {
  /** The rows the list shows, every loaded page. */
  items: readonly Pick<HistoryItem, "id" | "status">[];
  /** Local epoch ms when the list's first page was requested. */
  loadedAt: number;
  /** Server clock minus local clock (the live state's `clockOffsetMs`). */
  clockOffsetMs: number;
  /** The live state's calls of the same tenant. */
  live: Readonly<Record<string, Pick<CallView, "id" | "status" | "createdAt">>>;
}

export function listStaleness({ items, loadedAt, clockOffsetMs, live }: StalenessInput): Staleness {
  const listed = new Map(items.map((item) => [item.id, item.status]));
  const since = loadedAt + clockOffsetMs - NEW_CALL_SLACK_MS;
  let newCalls = 0;
  let endedCalls = 0;
  for (const call of Object.values(live)) {
    const listedStatus = listed.get(call.id);
    if (listedStatus === undefined) {
      // A call without a readable createdAt cannot be placed after the load: leave it out rather than guess.
      const created = parseServerTime(call.createdAt);
      if (created !== null && created >= since) newCalls++;
    } else if (call.status === "ended" && listedStatus !== "ended") {
      endedCalls++;
    }
  }
  return { newCalls, endedCalls };
}

const calls = (n: number, adjective = "") => `${n} ${adjective}${n === 1 ? "call" : "calls"}`;

/**
 * "2 new calls and 1 call ended since this list was loaded." With filters or a search on, new calls are the
 * tenant's, not necessarily the view's, so the bar says so; ended calls are rows of the view, no caveat needed.
 */
export function stalenessMessage({ newCalls, endedCalls }: Staleness, filtered: boolean): string {
  const parts: string[] = [];
  if (newCalls > 0) parts.push(`${calls(newCalls, "new ")}${filtered ? " for this client" : ""}`);
  if (endedCalls > 0) parts.push(`${calls(endedCalls)} ended`);
  const caveat = filtered && newCalls > 0 ? "; refresh to see which match the filters" : "";
  return `${parts.join(" and ")} since this list was loaded${caveat}.`;
}
