import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { makeCall } from "@/test/fixtures";
import { renderLive, sendSnapshot, serverSends, stubApi } from "@/test/render";
import type { HistoryItem, HistoryPage } from "../api/history";
import { HistoryScreen } from "./HistoryScreen";

const FIRST = "/api/demo-client/history";
const SECOND = `${FIRST}?cursor=p2`;
const serverNow = (ms = 0) => new Date(Date.now() + ms).toISOString().replace("Z", "");

function item(id: string, status: string): HistoryItem {
  return {
    id, createdAt: "2026-03-08T05:30:00.000000", startedAt: null, endedAt: null, status, direction: "inbound", type: "inboundPhoneCall",
    phoneNumber: null, assistantId: null, assistantName: null, endedReason: null, endedCategory: null, durationSeconds: null, cost: null,
    transferred: false, successEvaluation: null, summary: `Summary of ${id}`,
  };
}

describe("the history screen", () => {
  test("says what happened since the list was loaded and refreshes back to the newest page", async () => {
    const user = userEvent.setup();
    let first: HistoryPage = { items: [item("c1", "in-progress")], next: "p2" };
    const fetchMock = stubApi({ [FIRST]: () => first, [SECOND]: { items: [item("old", "ended")], next: null } });
    renderLive(<HistoryScreen tenant={{ id: "demo-client", name: "Demo Client", timeZone: "UTC" }} />);
    await screen.findByRole("button", { name: "Load more" });
    await user.click(screen.getByRole("button", { name: "Load more" }));
    await waitFor(() => expect(screen.getAllByTestId("history-row")).toHaveLength(2));

    sendSnapshot([makeCall({ id: "c1", status: "in-progress", createdAt: serverNow(-600_000) })], serverNow());
    expect(screen.queryByTestId("history-new-calls")).not.toBeInTheDocument();

    serverSends({ type: "call-upsert", call: makeCall({ id: "c1", status: "ended", createdAt: serverNow(-600_000), version: 2 }) });
    serverSends({ type: "call-upsert", call: makeCall({ id: "c2", status: "ringing", createdAt: serverNow(1_000) }) });
    const bar = screen.getByTestId("history-new-calls");
    expect(bar).toHaveAttribute("role", "status");
    expect(bar).toHaveTextContent("1 new call and 1 call ended since this list was loaded.");

    first = { items: [item("c2", "ringing"), item("c1", "ended")], next: "p2" };
    fetchMock.mockClear();
    await user.click(screen.getByTestId("history-refresh"));
    await waitFor(() => expect(screen.getAllByTestId("history-row")[0]).toHaveTextContent("Summary of c2"));
    expect(screen.getAllByTestId("history-row")).toHaveLength(2);
    expect(screen.queryByText("Summary of old")).not.toBeInTheDocument();
    expect(screen.queryByTestId("history-new-calls")).not.toBeInTheDocument();
    // Only the first page again: the older page is dropped, not refetched.
    expect(fetchMock.mock.calls.map(([path]) => String(path))).toEqual([FIRST]);
  });

  test("a row loaded while its call was in progress ticks, then shows how the call ended, in place", async () => {
    stubApi({ [FIRST]: { items: [item("old", "ended"), item("c1", "in-progress")], next: null } });
    renderLive(<HistoryScreen tenant={{ id: "demo-client", name: "Demo Client", timeZone: "UTC" }} />);
    await waitFor(() => expect(screen.getAllByTestId("history-row")).toHaveLength(2));
    const row = () => screen.getAllByTestId("history-row")[1]!;
    // Before the socket knows the call its duration cannot be told.
    expect(within(row()).getByTestId("history-duration")).toHaveTextContent("—");

    const started = serverNow(-65_000);
    sendSnapshot([makeCall({ id: "c1", status: "in-progress", createdAt: started, startedAt: started })], serverNow());
    expect(within(row()).getByTestId("history-duration")).toHaveTextContent(/^1:0\d$/);
    expect(row()).toHaveTextContent("In progress");

    serverSends({
      type: "call-upsert",
      call: makeCall({
        id: "c1", status: "ended", createdAt: started, startedAt: started, endedAt: serverNow(5_000), version: 2,
        endedReason: "customer-ended-call", cost: 0.42, summary: "Asked to move an appointment.",
      }),
    });
    expect(row()).toHaveAttribute("data-status", "ended");
    expect(within(row()).getByTestId("history-duration")).toHaveTextContent("1:10");
    expect(row()).toHaveTextContent("Caller hung up");
    expect(row()).toHaveTextContent("$0.42");
    expect(row()).toHaveTextContent("Asked to move an appointment.");
    // The rows stay where they were: nothing moves under the reader.
    expect(screen.getAllByTestId("history-row")[0]).toHaveTextContent("Summary of old");
  });
});
