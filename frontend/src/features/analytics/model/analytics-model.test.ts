import { delta, formatSeconds } from "./kpis";
import { historyHref } from "./history-link";
import { throttle } from "./throttle";

describe("KPI deltas", () => {
  test("more calls is good news, more errors is bad news, more cost is just news", () => {
    expect(delta(12, 10, "up")).toEqual({ ratio: 0.2, direction: "up", good: true });
    expect(delta(3, 1, "down")).toMatchObject({ direction: "up", good: false });
    expect(delta(0.5, 1, "down")).toMatchObject({ ratio: -0.5, direction: "down", good: true });
    expect(delta(20, 10, "neutral")).toMatchObject({ direction: "up", good: null });
  });

  test("nothing to compare with shows no percentage", () => {
    expect(delta(5, 0, "up")).toMatchObject({ ratio: null, direction: "up", good: true });
    expect(delta(null, 3, "up")).toEqual({ ratio: null, direction: "flat", good: null });
    expect(delta(4, 4, "up")).toMatchObject({ ratio: 0, direction: "flat", good: null });
    expect(delta(1004, 1000, "up")).toMatchObject({ direction: "flat", good: null });
    expect(delta(1006, 1000, "up")).toMatchObject({ direction: "up", good: true });
  });

  test("durations read as minutes and seconds", () => {
    expect(formatSeconds(42.4)).toBe("42s");
    expect(formatSeconds(134)).toBe("2m 14s");
    expect(formatSeconds(3720)).toBe("1h 2m");
  });
});

describe("links into History", () => {
  test("keep the tenant, drop the Analytics parameters and carry the filters, for ended calls only", () => {
    const href = historyHref({ category: "error", from: "2026-03-01", to: "2026-03-08" },
      { href: "http://x.test/?client=acme&view=analytics&range=7d&trend=30" });
    expect(href).toBe("/?client=acme&view=history&status=ended&category=error&from=2026-03-01&to=2026-03-08");
  });
});

describe("throttle", () => {
  test("runs at once, then folds calls during the pause into one run at its end", () => {
    vi.useFakeTimers();
    let now = 0;
    const fn = vi.fn();
    const t = throttle(fn, 2000, () => now);
    t.call();
    expect(fn).toHaveBeenCalledTimes(1);
    now = 500;
    t.call();
    t.call();
    expect(fn).toHaveBeenCalledTimes(1);
    now = 2000;
    vi.advanceTimersByTime(1500);
    expect(fn).toHaveBeenCalledTimes(2);
  });
});
