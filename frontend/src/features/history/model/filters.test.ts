import { describe, expect, it } from "vitest";
import { EMPTY_FILTERS, activeFilterCount, filterKeysIn, filtersFromSearch, filtersToParams, timeChips, withoutChip, type HistoryFilters } from "./filters";

describe("history filters in the URL", () => {
  it("survive a round trip through the URL unchanged", () => {
    const f: HistoryFilters = {
      ...EMPTY_FILTERS,
      status: ["ended"],
      category: ["error", "transferred"],
      type: ["inbound"],
      hour: ["9", "14"],
      weekday: ["7"],
      reason: "silence-timed-out",
      assistant: "a-1",
      phone: "+14155550123",
      from: "2026-03-08",
      to: "2026-03-09",
      minDuration: "30",
      maxDuration: "600",
      minCost: "0.1",
      maxCost: "2",
      success: "true",
      transferred: "false",
      q: "refund policy",
      data: [["appointment_booked", "true"], ["nps_score", "8"]],
    };
    const search = filtersToParams(f).toString();
    expect(filtersFromSearch(search)).toEqual(f);
    expect(search).toContain("data.nps_score=8");
    expect(search).toContain("phone=%2B14155550123");
    expect(search).toContain("hour=9%2C14&weekday=7");
  });

  it("leave empty filters out of the URL and ignore the screen's own parameters", () => {
    expect(filtersToParams({ ...EMPTY_FILTERS, q: "  ", data: [["", "x"]] }).toString()).toBe("");
    const f = filtersFromSearch("?client=demo-client&view=history&call=c1&status=ended");
    expect(f).toEqual({ ...EMPTY_FILTERS, status: ["ended"], data: [] });
  });

  it("know every key a view may have set, data fields included", () => {
    expect(filterKeysIn("?data.plan=gold&view=history")).toEqual(expect.arrayContaining(["status", "q", "from", "data.plan"]));
    expect(filterKeysIn("?view=history")).not.toContain("view");
  });

  it("show hours and weekdays as chips in the tenant's words, each removable on its own", () => {
    const f = filtersFromSearch("?hour=14,9&weekday=7&status=ended");
    const chips = timeChips(f);
    expect(chips.map((c) => c.label)).toEqual(["Sunday", "09:00–10:00", "14:00–15:00"]);
    const left = withoutChip(f, chips[2]!);
    expect(filtersToParams(left).toString()).toBe("status=ended&hour=9&weekday=7");
    expect(timeChips(filtersFromSearch("?hour=23")).map((c) => c.label)).toEqual(["23:00–00:00"]);
  });

  it("count the filters apart from the search words", () => {
    expect(activeFilterCount({ ...EMPTY_FILTERS, q: "x", status: ["ended"], data: [["a", "1"]] })).toBe(2);
  });
});
