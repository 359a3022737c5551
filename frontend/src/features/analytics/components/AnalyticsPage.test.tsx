import { screen, waitFor, within } from "@testing-library/react";
import type { Kpis, RangeView } from "../api/analytics";
import { makeCall } from "@/test/fixtures";
import { renderLive, sendSnapshot, serverSends, stubApi } from "@/test/render";
import type { Tenant } from "@/lib/api-types";
import { AnalyticsPage } from "./AnalyticsPage";

const TENANT: Tenant = { id: "demo-client", name: "Demo Client", role: "admin", timeZone: "America/New_York" } as Tenant;

function kpis(over: Partial<Kpis> = {}): Kpis {
  return { calls: 0, answered: 0, evaluated: 0, successes: 0, successRate: null, avgDurationSeconds: null, medianDurationSeconds: null,
    totalCost: 0, costPerMinute: null, transfers: 0, errors: 0, ...over };
}

function view(current: Partial<Kpis>, previous: Partial<Kpis>): RangeView {
  return {
    timeZone: "America/New_York", range: "today", from: "2026-03-08", to: "2026-03-08", previousFrom: "2026-03-07", previousTo: "2026-03-07",
    kpis: kpis(current), previous: kpis(previous), fields: [{ name: "nps_score", calls: 10, average: 8.4, previousAverage: 7.9 }],
    categories: [{ category: "customer_ended", calls: 10 }, { category: "error", calls: 2 }],
    durations: [{ fromSeconds: 0, toSeconds: 10, calls: 3 }, { fromSeconds: 1800, toSeconds: null, calls: 1 }],
    heatmap: Array.from({ length: 7 }, () => Array(24).fill(0)),
  };
}

const SUMMARY = "/api/demo-client/analytics/summary?range=today";
const HOURLY = { timeZone: "America/New_York", date: "2026-03-08", weekday: "Sunday", weeks: 4, hours: Array.from({ length: 24 }, (_, hour) => ({ hour, calls: 0, usual: 0 })) };
const TREND = { timeZone: "America/New_York", days: 30, from: "2026-02-07", to: "2026-03-08", points: [] };

function api(summary: unknown) {
  return stubApi({
    [SUMMARY]: summary,
    "/api/demo-client/analytics/hourly": HOURLY,
    "/api/demo-client/analytics/trend?days=30": TREND,
  });
}

const summaryCalls = (fetchMock: ReturnType<typeof stubApi>) => fetchMock.mock.calls.filter(([url]) => String(url) === SUMMARY).length;

describe("the Analytics screen", () => {
  test("shows each KPI with its change, green when it is good news and red when it is bad", async () => {
    api(view({ calls: 12, answered: 10, successRate: 0.75, errors: 3, totalCost: 1.5 }, { calls: 10, answered: 10, successRate: 0.5, errors: 1, totalCost: 1 }));
    renderLive(<AnalyticsPage tenant={TENANT} />);

    const calls = await screen.findByTestId("kpi-calls");
    expect(within(calls).getByTestId("kpi-value")).toHaveTextContent("12");
    expect(within(calls).getByTestId("kpi-delta")).toHaveTextContent("+20%");
    expect(within(calls).getByTestId("kpi-delta")).toHaveAttribute("data-tone", "good");
    expect(within(screen.getByTestId("kpi-errors")).getByTestId("kpi-delta")).toHaveAttribute("data-tone", "bad");
    expect(within(screen.getByTestId("kpi-cost")).getByTestId("kpi-delta")).toHaveAttribute("data-tone", "neutral");
    expect(within(screen.getByTestId("kpi-success")).getByTestId("kpi-value")).toHaveTextContent("75.0%");
    expect(within(screen.getByTestId("kpi-answered")).getByTestId("kpi-delta")).toHaveTextContent("no change");
    expect(screen.getByTestId("kpi-field-nps_score")).toHaveTextContent("Avg NPS score");
    expect(screen.getByTestId("kpi-field-nps_score")).toHaveTextContent("8.4");
  });

  test("each ended-reason group links to those calls in History for the same days", async () => {
    api(view({ calls: 12 }, {}));
    renderLive(<AnalyticsPage tenant={TENANT} />);
    const errors = await screen.findByRole("link", { name: /Errors/ });
    expect(errors).toHaveAttribute("href", "/?view=history&status=ended&category=error&from=2026-03-08&to=2026-03-08");
  });

  test("a heat-map cell links to that weekday and hour of the same days in History", async () => {
    const v = view({ calls: 12 }, {});
    v.heatmap[6]![3] = 2;
    api(v);
    renderLive(<AnalyticsPage tenant={TENANT} />);
    const cell = await screen.findByRole("link", { name: "Sun 03:00–04:00 · 2 calls" });
    expect(cell).toHaveAttribute("href", "/?view=history&status=ended&from=2026-03-08&to=2026-03-08&weekday=7&hour=3");
  });

  test("says so when there are no calls in the range", async () => {
    api(view({}, {}));
    renderLive(<AnalyticsPage tenant={TENANT} />);
    expect(await screen.findByTestId("analytics-empty")).toHaveTextContent("No calls in this range yet");
  });

  test("an error says what to do and offers to try again", async () => {
    api([500, { error: { code: "internal", message: "boom", requestId: "r-42" } }]);
    renderLive(<AnalyticsPage tenant={TENANT} />);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Check your connection, then try again");
    expect(alert).toHaveTextContent("r-42");
    expect(within(alert).getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });

  test("refetches the numbers when a call ends on the dashboard socket, not when one merely changes", async () => {
    const fetchMock = api(view({ calls: 1 }, {}));
    renderLive(<AnalyticsPage tenant={TENANT} />);
    await screen.findByTestId("kpi-calls");
    sendSnapshot([makeCall({ id: "c1", status: "in-progress" })]);
    expect(summaryCalls(fetchMock)).toBe(1);

    serverSends({ type: "call-upsert", call: makeCall({ id: "c1", status: "in-progress", version: 2 }) });
    await new Promise((r) => setTimeout(r, 20));
    expect(summaryCalls(fetchMock)).toBe(1);

    serverSends({ type: "call-upsert", call: makeCall({ id: "c1", status: "ended", endedReason: "customer-ended-call", version: 3 }) });
    await waitFor(() => expect(summaryCalls(fetchMock)).toBe(2));
  });
});
