import { makeCall } from "@/test/fixtures";
import type { HistoryItem } from "../api/history";
import { withLiveState } from "./live-row";

const loaded: HistoryItem = {
  id: "c1", createdAt: "2026-03-08T05:30:00.000000", startedAt: "2026-03-08T05:30:02.000000", endedAt: null, status: "in-progress",
  direction: "inbound", type: "inboundPhoneCall", phoneNumber: "+14155550123", assistantId: "a1", assistantName: "Riley",
  endedReason: null, endedCategory: null, durationSeconds: null, cost: null, transferred: true, successEvaluation: null,
  summary: null, highlight: [{ text: "refund", match: true }],
};

describe("a History row with the live socket's copy of its call", () => {
  test("takes the call's outcome, times, cost and summary from the socket once it has ended", () => {
    const live = makeCall({
      id: "c1", status: "ended", startedAt: "2026-03-08T05:30:02.000000", endedAt: "2026-03-08T05:31:12.000000",
      endedReason: "customer-ended-call", cost: 0.31, summary: "Asked about a refund.",
    });
    const row = withLiveState(loaded, live);
    expect(row).toMatchObject({
      live: true, status: "ended", endedAt: "2026-03-08T05:31:12.000000", endedReason: "customer-ended-call", cost: 0.31,
      summary: "Asked about a refund.",
    });
  });

  test("keeps what the socket does not carry: the transfer flag, the search highlight and the stored duration", () => {
    const row = withLiveState({ ...loaded, durationSeconds: 70 }, makeCall({ id: "c1", status: "ended" }));
    expect(row.transferred).toBe(true);
    expect(row.highlight).toEqual([{ text: "refund", match: true }]);
    expect(row.durationSeconds).toBe(70);
  });

  test("keeps loaded values the socket's copy lacks rather than blanking them", () => {
    const row = withLiveState({ ...loaded, cost: 0.12, summary: "Loaded summary" }, makeCall({ id: "c1", cost: null, summary: null }));
    expect(row.cost).toBe(0.12);
    expect(row.summary).toBe("Loaded summary");
  });

  test("is the row as loaded, marked not live, when the socket does not know the call", () => {
    expect(withLiveState(loaded, null)).toEqual({ ...loaded, live: false });
  });
});
