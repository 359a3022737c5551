import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "@/app/App";
import { AppProviders } from "@/app/AppProviders";
import { FakeWebSocket } from "@/test/fake-websocket";
import { signedIn, stubApi, testQueryClient, testSession } from "@/test/render";

const tenants = [{ id: "demo-client", name: "Demo Client", role: "viewer", timeZone: "America/New_York" }];
const empty = {
  timeZone: "America/New_York", range: "today", from: "2026-03-08", to: "2026-03-08", previousFrom: "2026-03-07", previousTo: "2026-03-07",
  kpis: { calls: 0 }, previous: { calls: 0 }, fields: [], categories: [], durations: [], heatmap: [],
};

function renderApp(agencyAdmin: boolean) {
  stubApi({
    ...signedIn(testSession({ role: "viewer", tenants: ["demo-client"], agencyAdmin })),
    "/api/tenants": tenants,
    "/api/demo-client/analytics/summary?range=today": empty,
    "/api/demo-client/analytics/summary?range=7d": { ...empty, range: "7d", from: "2026-03-02" },
    "/api/demo-client/analytics/hourly": [500, { error: { code: "internal", message: "x", requestId: "r" } }],
    "/api/demo-client/analytics/trend?days=30": [500, { error: { code: "internal", message: "x", requestId: "r" } }],
    "/api/demo-client/analytics/trend?days=7": [500, { error: { code: "internal", message: "x", requestId: "r" } }],
  });
  window.history.replaceState(null, "", "/?client=demo-client");
  vi.stubGlobal("WebSocket", FakeWebSocket);
  render(<AppProviders queryClient={testQueryClient()}><App /></AppProviders>);
}

const search = () => new URLSearchParams(window.location.search);

describe("getting to Analytics", () => {
  test("the header's Analytics link opens the screen, and a range button puts the range in the URL", { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    renderApp(false);
    await user.click(await screen.findByTestId("nav-analytics"));
    expect(search().get("view")).toBe("analytics");
    // The screen is a lazily loaded chunk (it brings the chart library): the first load may take a moment.
    expect(await screen.findByTestId("analytics-empty", {}, { timeout: 10_000 })).toHaveTextContent("No calls in this range yet");
    await user.click(screen.getByRole("button", { name: "7 days" }));
    expect(search().get("range")).toBe("7d");
    expect(screen.getByRole("button", { name: "7 days" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.queryByTestId("nav-overview")).not.toBeInTheDocument();
  });

  test("agency admins also get the Agency overview", async () => {
    renderApp(true);
    expect(await screen.findByTestId("nav-overview")).toHaveTextContent("Agency");
  });
});
