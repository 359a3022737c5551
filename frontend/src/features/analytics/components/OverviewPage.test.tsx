import { screen, within } from "@testing-library/react";
import { renderLive, stubApi, testSession } from "@/test/render";
import { OverviewPage } from "./OverviewPage";

const today = { calls: 42, answered: 40, evaluated: 30, successes: 24, successRate: 0.8, avgDurationSeconds: 134, medianDurationSeconds: 120,
  totalCost: 12.5, costPerMinute: 0.1, transfers: 2, errors: 3 };

describe("the agency overview", () => {
  test("shows every tenant with live calls, today's numbers and a 14-day sparkline", async () => {
    stubApi({
      "/api/analytics/overview": {
        tenants: [
          { id: "acme", name: "Acme", timeZone: "America/New_York", liveCalls: 2, today, sparkline: Array.from({ length: 14 }, (_, i) => ({ date: `2026-03-${String(i + 1).padStart(2, "0")}`, calls: i })) },
          { id: "bravo", name: "Bravo", timeZone: "Asia/Kolkata", liveCalls: 0, today: { ...today, calls: 0, successRate: null, avgDurationSeconds: null, totalCost: 0, errors: 0 }, sparkline: [] },
        ],
      },
    });
    renderLive(<OverviewPage />, { session: testSession({ agencyAdmin: true }) });
    const acme = await screen.findByTestId("overview-acme");
    expect(acme).toHaveTextContent("Acme");
    expect(acme).toHaveTextContent("America/New_York");
    expect(acme).toHaveTextContent("42");
    expect(acme).toHaveTextContent("80.0%");
    expect(acme).toHaveTextContent("2m 14s");
    expect(acme).toHaveTextContent("$12.50");
    expect(within(acme).getByTestId("sparkline")).toHaveAttribute("aria-label", expect.stringContaining("0, 1, 2"));
    expect(within(acme).getByRole("link", { name: "Acme" })).toHaveAttribute("href", "/?client=acme&view=analytics&range=today");
    const bravo = screen.getByTestId("overview-bravo");
    expect(bravo).toHaveTextContent("–");
  });

  test("a refusal says who may see it", async () => {
    stubApi({ "/api/analytics/overview": [403, { error: { code: "forbidden", message: "agency admins only", requestId: "r-1" } }] });
    renderLive(<OverviewPage />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Your role cannot see these numbers");
  });
});
