import { describe, expect, it } from "vitest";
import type { CallView } from "@/lib/api-types";
import { NEW_CALL_SLACK_MS, listStaleness, stalenessMessage, type StalenessInput } from "./staleness";

// The list was requested at 12:00:00.000 server time; the local clock runs 5 s behind the server's.
const SERVER_LOAD = Date.parse("2026-03-08T12:00:00.000Z");
const OFFSET = 5_000;
const LOADED_AT = SERVER_LOAD - OFFSET;

/** A server timestamp (UTC, no offset, microseconds) `ms` after the list was loaded, on the server's clock. */
const at = (ms: number) => new Date(SERVER_LOAD + ms).toISOString().replace("Z", "000");

const live = (id: string, status: string, createdAt: string | null = at(-3_600_000)): Pick<CallView, "id" | "status" | "createdAt"> => ({ id, status, createdAt });

function staleness(items: StalenessInput["items"], calls: ReturnType<typeof live>[]) {
  return listStaleness({ items, loadedAt: LOADED_AT, clockOffsetMs: OFFSET, live: Object.fromEntries(calls.map((c) => [c.id, c])) });
}

describe("how far the history list is behind the live calls", () => {
  it("counts a call created after the list was loaded that the list does not show", () => {
    expect(staleness([], [live("c9", "ringing", at(10_000))])).toEqual({ newCalls: 1, endedCalls: 0 });
  });

  it("does not count a call created well before the list was loaded", () => {
    expect(staleness([], [live("old", "ended", at(-60_000))])).toEqual({ newCalls: 0, endedCalls: 0 });
  });

  it("does not count a call the list already shows as new", () => {
    expect(staleness([{ id: "c9", status: "in-progress" }], [live("c9", "in-progress", at(10_000))])).toEqual({ newCalls: 0, endedCalls: 0 });
  });

  it("counts a listed call that has ended live since", () => {
    expect(staleness([{ id: "c1", status: "in-progress" }], [live("c1", "ended")])).toEqual({ newCalls: 0, endedCalls: 1 });
  });

  it("does not count a listed call that was already ended in the list", () => {
    expect(staleness([{ id: "c1", status: "ended" }], [live("c1", "ended")])).toEqual({ newCalls: 0, endedCalls: 0 });
  });

  it("counts a call created just before the load that the list missed, but not one from before the slack", () => {
    const justBefore = live("edge", "queued", at(-NEW_CALL_SLACK_MS + 500));
    const beforeSlack = live("earlier", "queued", at(-NEW_CALL_SLACK_MS - 500));
    expect(staleness([], [justBefore, beforeSlack])).toEqual({ newCalls: 1, endedCalls: 0 });
  });

  it("compares on the server's clock, so a local clock running behind does not make older calls new", () => {
    // 4 s before the load on the server's clock, though 1 s after the load moment as the local clock read it.
    expect(staleness([], [live("c0", "ended", at(-4_000))])).toEqual({ newCalls: 0, endedCalls: 0 });
  });

  it("ignores list rows the live state does not know and live calls without a creation time", () => {
    const items = [{ id: "gone", status: "in-progress" }, { id: "c1", status: "in-progress" }];
    expect(staleness(items, [live("c1", "ended"), live("mystery", "ringing", null)])).toEqual({ newCalls: 0, endedCalls: 1 });
  });
});

describe("what the bar says", () => {
  it("counts in singular and plural", () => {
    expect(stalenessMessage({ newCalls: 1, endedCalls: 0 }, false)).toBe("1 new call since this list was loaded.");
    expect(stalenessMessage({ newCalls: 0, endedCalls: 3 }, false)).toBe("3 calls ended since this list was loaded.");
    expect(stalenessMessage({ newCalls: 2, endedCalls: 1 }, false)).toBe("2 new calls and 1 call ended since this list was loaded.");
  });

  it("warns that new calls may not match the filters or search", () => {
    expect(stalenessMessage({ newCalls: 2, endedCalls: 1 }, true)).toBe(
      "2 new calls for this client and 1 call ended since this list was loaded; refresh to see which match the filters.",
    );
    expect(stalenessMessage({ newCalls: 0, endedCalls: 1 }, true)).toBe("1 call ended since this list was loaded.");
  });
});
