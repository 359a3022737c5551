import { render, screen } from "@testing-library/react";
import type { CallAction, TimelineEntry } from "@/lib/api-types";
import { StatusTimeline } from "../components/detail/StatusTimeline";
import { describeAction, describeOutcome, mergeTimeline } from "./timeline";

const status = (id: number, s: string, at: string | null): TimelineEntry => ({ id, status: s, source: "status-update", at, payload: null });
const action = (id: number, kind: string, at: string | null, overrides: Partial<CallAction> = {}): CallAction => ({
  id,
  action: kind,
  actor: "Ana",
  clientAddress: "10.0.0.7",
  parameters: {},
  outcome: "ok",
  detail: null,
  providerStatus: 200,
  latencyMs: 140,
  at,
  endedAt: null,
  ...overrides,
});

describe("merging actions into the status timeline", () => {
  test("orders status changes and actions by time", () => {
    const items = mergeTimeline(
      [status(1, "ringing", "2025-12-10T07:05:00.000000"), status(2, "in-progress", "2025-12-10T07:05:02.000000"), status(3, "forwarding", "2025-12-10T07:06:10.000000")],
      [action(10, "listen", "2025-12-10T07:05:30.000000"), action(11, "transfer", "2025-12-10T07:06:09.500000")],
    );
    expect(items.map((i) => i.key)).toEqual(["s1", "s2", "a10", "a11", "s3"]);
  });

  test("an action at the same instant as a status change comes first (it is the cause)", () => {
    const items = mergeTimeline([status(1, "ended", "2025-12-10T07:06:00.000000")], [action(10, "end", "2025-12-10T07:06:00.000000")]);
    expect(items.map((i) => i.key)).toEqual(["a10", "s1"]);
  });

  test("keeps everything when one side is empty, and entries without a time in place", () => {
    expect(mergeTimeline([], [action(1, "say", null), action(2, "mute", "2025-12-10T07:06:00.000000")]).map((i) => i.key)).toEqual(["a1", "a2"]);
    expect(mergeTimeline([status(1, "ringing", null), status(2, "ended", "2025-12-10T07:06:00.000000")], []).map((i) => i.key)).toEqual(["s1", "s2"]);
  });
});

describe("describing an action", () => {
  test("says what was done, to whom, and for how long", () => {
    expect(describeAction(action(1, "transfer", null, { parameters: { targetId: 12, targetName: "Front desk", number: "+14155550100" } }))).toBe("Transfer to Front desk (+1 415-555-0100)");
    expect(describeAction(action(1, "transfer", null, { parameters: { number: "+442079460958" } }))).toBe("Transfer to +442079460958");
    expect(describeAction(action(1, "say", null, { parameters: { text: "One moment" } }))).toBe("Say “One moment”");
    expect(describeAction(action(1, "whisper", null, { parameters: { text: "Offer a discount" } }))).toBe("Whisper “Offer a discount”");
    expect(describeAction(action(1, "listen", "2025-12-10T07:05:00.000000", { endedAt: "2025-12-10T07:06:23.000000", durationMs: 83000 }))).toBe("Listened for 1:23");
    expect(describeAction(action(1, "listen", "2025-12-10T07:05:00.000000"))).toBe("Listening");
    expect(describeAction(action(1, "mute", null))).toBe("Mute assistant");
  });

  test("failures carry the provider's reason", () => {
    expect(describeOutcome(action(1, "transfer", null, { outcome: "rejected", providerStatus: 400, detail: "property phoneNumber should not exist" }))).toBe(
      "Rejected (HTTP 400): property phoneNumber should not exist",
    );
    expect(describeOutcome(action(1, "end", null, { outcome: "timeout", providerStatus: null, detail: null }))).toBe("Timed out");
    expect(describeOutcome(action(1, "end", null))).toBeNull();
  });
});

describe("the timeline section", () => {
  test("shows each action as a row with who did it, the outcome and the provider latency", () => {
    render(
      <StatusTimeline
        loading={false}
        entries={[status(1, "in-progress", "2025-12-10T07:05:00.000000"), status(2, "forwarding", "2025-12-10T07:06:11.000000")]}
        actions={[
          action(10, "listen", "2025-12-10T07:05:10.000000", { endedAt: "2025-12-10T07:06:10.000000", durationMs: 60000, latencyMs: null }),
          action(11, "transfer", "2025-12-10T07:06:10.000000", { parameters: { targetName: "Front desk", number: "+14155550100" }, latencyMs: 312 }),
          action(12, "say", "2025-12-10T07:06:10.500000", { outcome: "rejected", detail: "Call not found", providerStatus: 404 }),
        ]}
      />,
    );
    const rows = screen.getAllByTestId("timeline-action");
    expect(rows.map((r) => r.dataset.action)).toEqual(["listen", "transfer", "say"]);
    expect(rows[0]).toHaveTextContent("Listened for 1:00");
    expect(rows[1]).toHaveTextContent("Transfer to Front desk (+1 415-555-0100)");
    expect(rows[1]).toHaveTextContent("by Ana · 10.0.0.7");
    expect(rows[1]).toHaveTextContent("312 ms");
    expect(rows[2]).toHaveAttribute("data-outcome", "rejected");
    expect(rows[2]).toHaveTextContent("Rejected (HTTP 404): Call not found");
    expect(screen.getAllByRole("listitem").map((li) => li.dataset.testid)).toEqual(["timeline-status", "timeline-action", "timeline-action", "timeline-action", "timeline-status"]);
  });
});
