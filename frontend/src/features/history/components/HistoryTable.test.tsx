import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api-client";
import type { HistoryItem } from "../api/history";
import { HistoryTable, type HistoryTableProps } from "./HistoryTable";

const call: HistoryItem = {
  id: "c1",
  createdAt: "2026-03-08T05:30:00.000000",
  startedAt: "2026-03-08T05:30:02.000000",
  endedAt: "2026-03-08T05:32:02.000000",
  status: "ended",
  direction: "inbound",
  type: "inboundPhoneCall",
  phoneNumber: "+14155550123",
  assistantId: "a1",
  assistantName: "Riley (Front Desk)",
  endedReason: "customer-ended-call",
  endedCategory: "customer_ended",
  durationSeconds: 120,
  cost: 0.25,
  transferred: false,
  successEvaluation: true,
  summary: "Booked a cleaning.",
  highlight: null,
};

function renderTable(overrides: Partial<HistoryTableProps> = {}) {
  const props: HistoryTableProps = {
    items: [], timeZone: "America/New_York", loading: false, error: null, hasMore: false, loadingMore: false, total: null,
    selectedId: null, onLoadMore: vi.fn(), onRetry: vi.fn(), onClearFilters: vi.fn(), onOpen: vi.fn(), ...overrides,
  };
  render(<HistoryTable {...props} />);
  return props;
}

describe("HistoryTable", () => {
  it("shows a loading state before the first page", () => {
    renderTable({ loading: true });
    expect(screen.getByTestId("history-loading")).toHaveAttribute("aria-busy", "true");
  });

  it("offers to clear the filters when nothing matches", async () => {
    const props = renderTable();
    expect(screen.getByText("No calls match this view")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(props.onClearFilters).toHaveBeenCalled();
  });

  it("says which filter is wrong and what to do on a 400", () => {
    renderTable({ error: new ApiError(400, "invalid_request", "Parameter 'minCost' must be a number of 0 or more", "r1") });
    expect(screen.getByText("A filter needs fixing")).toBeInTheDocument();
    expect(screen.getByText(/minCost/)).toBeInTheDocument();
    expect(screen.getByText(/Correct it above/)).toBeInTheDocument();
  });

  it("offers a retry when the server fails", async () => {
    const props = renderTable({ error: new ApiError(503, "unavailable", "The database is busy", "r2") });
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(props.onRetry).toHaveBeenCalled();
  });

  it("shows times in the tenant's zone, the outcome in words and highlighted matches as text", async () => {
    const props = renderTable({
      items: [call, { ...call, id: "c2", highlight: [{ text: "needs a ", match: false }, { text: "<b>refund</b>", match: true }] }],
      total: { count: 1000, atLeast: true },
      hasMore: true,
    });
    const rows = screen.getAllByTestId("history-row");
    expect(rows).toHaveLength(2);
    // 05:30 UTC on the DST day is 00:30 in New York (still EST).
    expect(within(rows[0]!).getByText("Mar 8, 2026, 12:30 AM")).toBeInTheDocument();
    expect(within(rows[0]!).getByText("Caller hung up")).toBeInTheDocument();
    const mark = within(rows[1]!).getByText("<b>refund</b>");
    expect(mark.tagName).toBe("MARK");
    expect(screen.getByTestId("history-total")).toHaveTextContent("1,000+ calls");
    await userEvent.click(screen.getByRole("button", { name: "Load more" }));
    expect(props.onLoadMore).toHaveBeenCalled();
    await userEvent.click(rows[1]!);
    expect(props.onOpen).toHaveBeenCalledWith("c2");
  });

  it("says when every call of the view is shown", () => {
    renderTable({ items: [call] });
    expect(screen.getByText("That's every call in this view.")).toBeInTheDocument();
  });
});
