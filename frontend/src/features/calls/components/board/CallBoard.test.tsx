import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { makeCall } from "@/test/fixtures";
import { renderLive, sendSnapshot, serverSends } from "@/test/render";
import { CallBoard } from "./CallBoard";

function renderBoard(onOpen = vi.fn()) {
  return { onOpen, ...renderLive(<CallBoard clientId="demo-client" tenantName="Demo Client" selectedCallId={null} onOpen={onOpen} />) };
}

const rows = () => screen.queryAllByTestId("call-row");

describe("the call board", () => {
  test("shows skeleton rows until the first snapshot arrives", () => {
    renderBoard();
    expect(screen.getByTestId("board-loading")).toBeInTheDocument();
    expect(screen.queryByTestId("board-empty")).not.toBeInTheDocument();
  });

  test("with no calls, explains which Vapi server URL and server messages to set up", () => {
    renderBoard();
    sendSnapshot([]);
    const empty = screen.getByTestId("board-empty");
    expect(empty).toHaveTextContent("No calls yet for Demo Client");
    expect(empty).toHaveTextContent("https://<your-host>/webhooks/vapi/demo-client");
    expect(within(empty).getByText("transcript")).toBeInTheDocument();
    expect(within(empty).getByText("transfer-update")).toBeInTheDocument();
  });

  test("a row shows status, caller, assistant and a duration that ticks every second", () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    vi.setSystemTime(new Date("2025-12-10T07:05:15Z"));
    renderBoard();
    sendSnapshot([makeCall({ id: "c1", status: "in-progress", startedAt: "2025-12-10T07:05:00.000000", phoneNumber: "+14155550123" })], "2025-12-10T07:05:15.000000");

    const row = screen.getByTestId("call-row");
    expect(row).toHaveAttribute("data-call-id", "c1");
    expect(row).toHaveAttribute("data-status", "in-progress");
    expect(row).toHaveTextContent("In progress");
    expect(row).toHaveTextContent("+1 415-555-0123");
    expect(row).toHaveTextContent("Riley");
    expect(row).toHaveTextContent("0:15");

    act(() => vi.advanceTimersByTime(2000));
    expect(row).toHaveTextContent("0:17");
  });

  test("an ended call shows its talk time, its reason in words and its cost", () => {
    renderBoard();
    sendSnapshot([
      makeCall({
        id: "c1",
        status: "ended",
        startedAt: "2025-12-10T07:05:00.000000",
        endedAt: "2025-12-10T07:09:05.000000",
        endedReason: "customer-ended-call",
        cost: 0.2345,
      }),
    ]);
    const row = screen.getByTestId("call-row");
    expect(row).toHaveTextContent("Ended");
    expect(row).toHaveTextContent("4:05");
    expect(row).toHaveTextContent("Caller hung up");
    expect(row).toHaveTextContent("$0.23");
  });

  test("a call that ended in an error reads as Failed", () => {
    renderBoard();
    sendSnapshot([makeCall({ id: "c1", status: "ended", endedAt: "2025-12-10T07:09:05.000000", endedReason: "pipeline-error-openai-llm-failed" })]);
    const row = screen.getByTestId("call-row");
    expect(row).toHaveAttribute("data-status", "ended");
    expect(row).toHaveTextContent("Failed");
    expect(row).toHaveTextContent("Pipeline error: OpenAI LLM failed");
  });

  test("a ringing call counts the time since it was created and says so", () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    vi.setSystemTime(new Date("2025-12-10T07:05:07Z"));
    renderBoard();
    sendSnapshot([makeCall({ id: "c1", status: "ringing", startedAt: null, createdAt: "2025-12-10T07:05:00.000000" })], "2025-12-10T07:05:07.000000");
    expect(screen.getByTestId("call-row")).toHaveTextContent(/0:07\s*ringing/);
  });

  test("new calls go on top and updates keep rows where they are", () => {
    renderBoard();
    sendSnapshot([makeCall({ id: "b" }), makeCall({ id: "a" })]);
    serverSends({ type: "call-upsert", call: makeCall({ id: "a", status: "ended", version: 2 }) });
    serverSends({ type: "call-upsert", call: makeCall({ id: "c" }) });
    expect(rows().map((r) => r.dataset.callId)).toEqual(["c", "b", "a"]);
    expect(rows()[2]).toHaveAttribute("data-status", "ended");
  });

  test("the live preview shows the caller's words as they are spoken", () => {
    renderBoard();
    sendSnapshot([makeCall({ id: "c1" })]);
    serverSends({ type: "transcript-partial", callId: "c1", role: "user", text: "I'd like to", at: null });
    expect(screen.getByTestId("call-row")).toHaveTextContent("Caller: I'd like to…");
  });

  test("arrow keys move focus between rows and Enter opens the focused call", async () => {
    const user = userEvent.setup();
    const { onOpen } = renderBoard();
    sendSnapshot([makeCall({ id: "a" }), makeCall({ id: "b" }), makeCall({ id: "c" })]);
    rows()[0]!.focus();
    await user.keyboard("{ArrowDown}");
    expect(rows()[1]).toHaveFocus();
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(rows()[2]).toHaveFocus();
    await user.keyboard("{ArrowUp}");
    expect(rows()[1]).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(onOpen).toHaveBeenCalledWith("b");
  });

  test("clicking a row opens it", async () => {
    const user = userEvent.setup();
    const { onOpen } = renderBoard();
    sendSnapshot([makeCall({ id: "a" })]);
    await user.click(rows()[0]!);
    expect(onOpen).toHaveBeenCalledWith("a");
  });
});
