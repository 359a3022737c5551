import { makeCall, makeLine } from "@/test/fixtures";
import { applyLiveMessage, emptyLiveCalls, MAX_CALLS_IN_VIEW, SEQUENCE_GAP, type LiveCalls } from "./live-state";
import type { CallView } from "../api-types";
import type { TenantMessage } from "./messages";

const NOW = Date.parse("2025-12-10T07:06:00Z");

function snapshot(calls: CallView[], seq = 10): TenantMessage {
  return { type: "snapshot", clientId: "demo-client", seq, serverTime: "2025-12-10T07:06:02.000000", calls };
}

function apply(state: LiveCalls, msg: TenantMessage): LiveCalls {
  const next = applyLiveMessage(state, msg, NOW);
  if (next === SEQUENCE_GAP) throw new Error("unexpected gap");
  return next;
}

function withCalls(...calls: CallView[]): LiveCalls {
  return apply(emptyLiveCalls(), snapshot(calls));
}

describe("live call state", () => {
  test("a snapshot replaces everything held before, in the server's order", () => {
    let state = withCalls(makeCall({ id: "old" }));
    state = apply(state, snapshot([makeCall({ id: "b" }), makeCall({ id: "a" })], 50));
    expect(state.order).toEqual(["b", "a"]);
    expect(state.calls["old"]).toBeUndefined();
    expect(state.seq).toBe(50);
    expect(state.epoch).toBe(2);
    expect(state.hasSnapshot).toBe(true);
  });

  test("a snapshot's latest lines become the board previews of its live calls only", () => {
    const msg: TenantMessage = {
      type: "snapshot",
      clientId: "demo-client",
      seq: 10,
      serverTime: "2025-12-10T07:06:02.000000",
      calls: [makeCall({ id: "live" }), makeCall({ id: "done", status: "ended" })],
      lastLines: {
        live: makeLine({ id: 7, role: "user", text: "Can I move it to Friday?" }),
        done: makeLine({ id: 8, role: "assistant", text: "Goodbye!" }),
      },
    };
    const state = apply(emptyLiveCalls(), msg);
    expect(state.lastUtterance["live"]).toEqual({ role: "user", text: "Can I move it to Friday?" });
    expect(state.lastUtterance["done"]).toBeUndefined();
  });

  test("the snapshot's server time sets the clock offset", () => {
    expect(withCalls().clockOffsetMs).toBe(2000);
  });

  test("an upsert of a new call inserts it at the top", () => {
    let state = withCalls(makeCall({ id: "a" }));
    state = apply(state, { type: "call-upsert", clientId: "demo-client", seq: 11, call: makeCall({ id: "new" }) });
    expect(state.order).toEqual(["new", "a"]);
    expect(state.changedAt["new"]).toBe(NOW);
  });

  test("an upsert of a known call updates it in place without moving it", () => {
    let state = withCalls(makeCall({ id: "b" }), makeCall({ id: "a", version: 1 }));
    state = apply(state, { type: "call-upsert", clientId: "demo-client", seq: 11, call: makeCall({ id: "a", status: "ended", version: 2 }) });
    expect(state.order).toEqual(["b", "a"]);
    expect(state.calls["a"]?.status).toBe("ended");
  });

  test("an upsert with an older or equal version is ignored", () => {
    let state = withCalls(makeCall({ id: "a", status: "ended", version: 5 }));
    const before = state.calls["a"];
    state = apply(state, { type: "call-upsert", clientId: "demo-client", seq: 11, call: makeCall({ id: "a", status: "in-progress", version: 4 }) });
    expect(state.calls["a"]).toBe(before);
    state = apply(state, { type: "call-upsert", clientId: "demo-client", seq: 12, call: makeCall({ id: "a", status: "ringing", version: 5 }) });
    expect(state.calls["a"]?.status).toBe("ended");
    expect(state.seq).toBe(12);
  });

  test("a message whose seq does not follow the last one is a gap", () => {
    const state = withCalls(makeCall({ id: "a" }));
    expect(applyLiveMessage(state, { type: "call-upsert", clientId: "demo-client", seq: 12, call: makeCall({ id: "a", version: 2 }) }, NOW)).toBe(SEQUENCE_GAP);
    expect(applyLiveMessage(state, { type: "call-upsert", clientId: "demo-client", seq: 10, call: makeCall({ id: "a", version: 2 }) }, NOW)).toBe(SEQUENCE_GAP);
  });

  test("an unknown message type still advances seq", () => {
    const state = withCalls(makeCall({ id: "a" }));
    const next = applyLiveMessage(state, { type: "unknown", seq: 11 }, NOW);
    expect(next).not.toBe(SEQUENCE_GAP);
    expect((next as LiveCalls).seq).toBe(11);
  });

  test("transcript lines are appended once, however often they arrive", () => {
    let state = withCalls(makeCall({ id: "a" }));
    const line = makeLine({ id: 7, text: "Hi" });
    state = apply(state, { type: "transcript", clientId: "demo-client", seq: 11, callId: "a", line });
    state = apply(state, { type: "transcript", clientId: "demo-client", seq: 12, callId: "a", line });
    state = apply(state, { type: "transcript", clientId: "demo-client", seq: 13, callId: "a", line: makeLine({ id: 8, text: "Bye" }) });
    expect(state.lines["a"]?.map((l) => l.id)).toEqual([7, 8]);
    expect(state.lastUtterance["a"]).toEqual({ role: "user", text: "Bye" });
  });

  test("a partial is replaced by the next partial and cleared by the final line of the same role", () => {
    let state = withCalls(makeCall({ id: "a" }));
    const partial = (seq: number, role: "user" | "assistant", text: string): TenantMessage =>
      ({ type: "transcript-partial", clientId: "demo-client", seq, callId: "a", role, text, at: null });
    state = apply(state, partial(11, "user", "I'd like"));
    state = apply(state, partial(12, "user", "I'd like to book"));
    state = apply(state, partial(13, "assistant", "Sure"));
    expect(state.partials["a"]?.user?.text).toBe("I'd like to book");
    state = apply(state, { type: "transcript", clientId: "demo-client", seq: 14, callId: "a", line: makeLine({ id: 1, role: "user", text: "I'd like to book a table." }) });
    expect(state.partials["a"]?.user).toBeUndefined();
    expect(state.partials["a"]?.assistant?.text).toBe("Sure");
  });

  test("a transcript reset drops the live lines and bumps the reset counter", () => {
    let state = withCalls(makeCall({ id: "a" }));
    state = apply(state, { type: "transcript", clientId: "demo-client", seq: 11, callId: "a", line: makeLine({ id: 1 }) });
    state = apply(state, { type: "transcript-reset", clientId: "demo-client", seq: 12, callId: "a" });
    expect(state.lines["a"]).toBeUndefined();
    expect(state.transcriptResets["a"]).toBe(1);
  });

  test("speech start and stop track who is speaking", () => {
    let state = withCalls(makeCall({ id: "a" }));
    state = apply(state, { type: "speech", clientId: "demo-client", seq: 11, callId: "a", role: "assistant", status: "started", turn: 1, at: null });
    expect(state.speaking["a"]).toEqual({ assistant: true });
    state = apply(state, { type: "speech", clientId: "demo-client", seq: 12, callId: "a", role: "assistant", status: "stopped", turn: 1, at: null });
    expect(state.speaking["a"]).toEqual({ assistant: false });
  });

  test("an ended call loses its partials and speaking flags", () => {
    let state = withCalls(makeCall({ id: "a", version: 1 }));
    state = apply(state, { type: "transcript-partial", clientId: "demo-client", seq: 11, callId: "a", role: "user", text: "wait", at: null });
    state = apply(state, { type: "speech", clientId: "demo-client", seq: 12, callId: "a", role: "user", status: "started", turn: 1, at: null });
    state = apply(state, { type: "call-upsert", clientId: "demo-client", seq: 13, call: makeCall({ id: "a", status: "ended", version: 2 }) });
    expect(state.partials["a"]).toBeUndefined();
    expect(state.speaking["a"]).toBeUndefined();
  });

  test("a hang alert is recorded with the time it arrived", () => {
    let state = withCalls(makeCall({ id: "a" }));
    state = apply(state, { type: "call-alert", clientId: "demo-client", seq: 11, callId: "a", kind: "hang", at: "2025-12-10T07:05:59.000000" });
    expect(state.alerts["a"]).toEqual({ kind: "hang", at: Date.parse("2025-12-10T07:05:59Z"), receivedAt: NOW });
  });

  test("updates for one call keep every other call's object identical", () => {
    let state = withCalls(makeCall({ id: "a" }), makeCall({ id: "b" }));
    const b = state.calls["b"];
    state = apply(state, { type: "call-upsert", clientId: "demo-client", seq: 11, call: makeCall({ id: "a", version: 2 }) });
    expect(state.calls["b"]).toBe(b);
  });

  test("the oldest ended calls are dropped when the board grows past its limit, live calls never", () => {
    const calls = Array.from({ length: MAX_CALLS_IN_VIEW }, (_, i) => makeCall({ id: `c${i}`, status: i === MAX_CALLS_IN_VIEW - 1 ? "in-progress" : "ended" }));
    let state = withCalls(...calls);
    state = apply(state, { type: "call-upsert", clientId: "demo-client", seq: 11, call: makeCall({ id: "fresh" }) });
    expect(state.order).toHaveLength(MAX_CALLS_IN_VIEW);
    expect(state.order[0]).toBe("fresh");
    expect(state.calls[`c${MAX_CALLS_IN_VIEW - 1}`]).toBeDefined();
    expect(state.calls[`c${MAX_CALLS_IN_VIEW - 2}`]).toBeUndefined();
  });

  test("a resync highlights only the calls that changed while disconnected", () => {
    let state = withCalls(makeCall({ id: "a", version: 1 }), makeCall({ id: "b", version: 1 }));
    expect(state.changedAt).toEqual({});
    state = apply(state, snapshot([makeCall({ id: "a", version: 3 }), makeCall({ id: "b", version: 1 })], 40));
    expect(Object.keys(state.changedAt)).toEqual(["a"]);
  });
});
