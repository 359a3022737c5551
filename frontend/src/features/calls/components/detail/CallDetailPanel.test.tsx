import { act, screen, within } from "@testing-library/react";
import { FakeWebSocket } from "@/test/fake-websocket";
import { makeCall, makeDetail, makeLine } from "@/test/fixtures";
import { detailPath, renderLive, sendSnapshot, serverSends, stubApi } from "@/test/render";
import { TimeZoneContext } from "@/lib/time-zone";
import { CallDetailPanel } from "./CallDetailPanel";

const endedCall = makeCall({
  id: "c1",
  status: "ended",
  startedAt: "2025-12-10T07:05:00.000000",
  endedAt: "2025-12-10T07:07:00.000000",
  endedReason: "customer-ended-call",
  summary: "Jordan rebooked a cleaning for Tuesday.",
  structuredData: { nps_score: 9, booked: true, case_type: "billing" },
  successEvaluation: "true",
  cost: 0.2134,
  costBreakdown: [
    { type: "transport", provider: "twilio", minutes: 2, cost: 0.0256 },
    { type: "model", promptTokens: 1000, completionTokens: 100, cost: 0.0534, model: { provider: "openai", model: "gpt-4o-mini" } },
  ],
  recordingUrl: "https://storage.example.com/c1.wav",
  stereoRecordingUrl: "https://storage.example.com/c1-stereo.wav",
  transferDestination: "+14155550199",
  version: 7,
});

function renderPanel(callId = "c1") {
  return renderLive(<CallDetailPanel clientId="demo-client" callId={callId} onClose={() => {}} />);
}

describe("the call detail panel", () => {
  test("shows the transcript, summary, analysis, cost and recording of an ended call", async () => {
    stubApi({
      [detailPath("c1")]: makeDetail({
        call: endedCall,
        timeline: [
          { id: 1, status: "ringing", source: "status-update", at: "2025-12-10T07:04:55.000000", payload: null },
          { id: 2, status: "ended", source: "end-of-call-report", at: "2025-12-10T07:07:00.000000", payload: { detail: "customer-ended-call" } },
        ],
        transcript: [makeLine({ id: 1, role: "assistant", text: "Thanks for calling." }), makeLine({ id: 2, role: "user", text: "Hi, I need to rebook." })],
      }),
    });
    renderPanel();
    sendSnapshot([]);

    const summary = await screen.findByTestId("call-summary");
    expect(summary).toHaveTextContent("Jordan rebooked a cleaning for Tuesday.");
    const lines = screen.getAllByTestId("transcript-line");
    expect(lines.map((l) => l.dataset.role)).toEqual(["assistant", "user"]);
    expect(lines[1]).toHaveTextContent("Hi, I need to rebook.");

    expect(screen.getByTestId("detail-status")).toHaveAttribute("data-status", "ended");
    const panel = screen.getByTestId("call-detail");
    expect(panel).toHaveTextContent("Caller hung up");
    expect(panel).toHaveTextContent("Successful");
    expect(panel).toHaveTextContent("Transferred to +1 415-555-0199");
    expect(panel).toHaveTextContent("NPS score");
    expect(panel).toHaveTextContent("Yes");
    expect(panel).toHaveTextContent("Telephony");
    expect(panel).toHaveTextContent("openai · gpt-4o-mini · 1,100 tokens");
    expect(panel).toHaveTextContent("$0.2134");
    expect(screen.getByTestId("recording")).toHaveAttribute("src", "https://storage.example.com/c1.wav");
    expect(screen.getByRole("link", { name: /stereo recording/i })).toHaveAttribute("href", "https://storage.example.com/c1-stereo.wav");
    expect(panel).toHaveTextContent("Ringing");
  });

  test("provider text is shown as text, never interpreted as HTML", async () => {
    const hostile = "<img src=x onerror=alert(1)>";
    stubApi({
      [detailPath("c1")]: makeDetail({
        call: { ...endedCall, summary: `Summary ${hostile}`, structuredData: { note: hostile } },
        transcript: [makeLine({ id: 1, text: `Hello ${hostile} bye` })],
      }),
    });
    const { container } = renderPanel();
    sendSnapshot([]);
    expect(await screen.findByTestId("transcript-line")).toHaveTextContent(`Hello ${hostile} bye`);
    expect(screen.getByTestId("call-summary")).toHaveTextContent(`Summary ${hostile}`);
    expect(container.querySelector("img")).toBeNull();
  });

  test("streams live lines after the stored ones, once each, with the partial shown apart", async () => {
    const live = makeCall({ id: "c1", status: "in-progress", version: 3 });
    stubApi({ [detailPath("c1")]: makeDetail({ call: live, transcript: [makeLine({ id: 1, role: "assistant", text: "Hello!" })] }) });
    renderPanel();
    sendSnapshot([live]);
    await screen.findByText("Hello!");

    serverSends({ type: "transcript", callId: "c1", line: makeLine({ id: 1, role: "assistant", text: "Hello!" }) });
    serverSends({ type: "transcript", callId: "c1", line: makeLine({ id: 2, role: "user", text: "Hi there." }) });
    serverSends({ type: "transcript-partial", callId: "c1", role: "assistant", text: "How can I", at: null });
    serverSends({ type: "speech", callId: "c1", role: "assistant", status: "started", turn: 2, at: null });

    expect(screen.getAllByTestId("transcript-line").map((l) => l.textContent)).toEqual([expect.stringContaining("Hello!"), expect.stringContaining("Hi there.")]);
    const partial = screen.getByTestId("transcript-partial");
    expect(partial).toHaveAttribute("data-role", "assistant");
    expect(partial).toHaveTextContent("How can I…");
    expect(screen.getByTestId("speaking-indicator")).toHaveTextContent("Assistant speaking");

    serverSends({ type: "transcript", callId: "c1", line: makeLine({ id: 3, role: "assistant", text: "How can I help?" }) });
    expect(screen.queryByTestId("transcript-partial")).not.toBeInTheDocument();
    expect(screen.getAllByTestId("transcript-line")).toHaveLength(3);
  });

  test("takes status changes from the live stream over the fetched call", async () => {
    const live = makeCall({ id: "c1", status: "in-progress", version: 3 });
    stubApi({ [detailPath("c1")]: makeDetail({ call: live }) });
    renderPanel();
    sendSnapshot([live]);
    await screen.findByTestId("detail-status");
    serverSends({ type: "call-upsert", call: { ...live, status: "forwarding", transferDestination: "+14155550199", version: 4 } });
    expect(screen.getByTestId("detail-status")).toHaveAttribute("data-status", "forwarding");
  });

  test("a call that does not exist says so", async () => {
    stubApi({ [detailPath("nope")]: [404, { error: { code: "call_not_found", message: "No call 'nope'", requestId: "r1" } }] });
    renderPanel("nope");
    sendSnapshot([]);
    expect(await screen.findByText("Call not found")).toBeInTheDocument();
    expect(within(screen.getByTestId("call-detail")).getByText("nope")).toBeInTheDocument();
  });

  test("a server error offers a retry with the request id", async () => {
    stubApi({ [detailPath("c1")]: [500, { error: { code: "internal", message: "Internal error", requestId: "req-42" } }] });
    renderPanel();
    sendSnapshot([]);
    expect(await screen.findByText("Couldn't load this call")).toBeInTheDocument();
    expect(screen.getByText("Request ID req-42")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
});

describe("the call detail panel and the live stream", () => {
  test("waits for the live stream's first snapshot before fetching, so no line falls in between", async () => {
    const fetchMock = stubApi({ [detailPath("c1")]: makeDetail({ call: endedCall }) });
    renderPanel();
    expect(fetchMock).not.toHaveBeenCalled();
    sendSnapshot([]);
    expect(await screen.findByTestId("call-summary")).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  test("still opens a call when the live connection is down", async () => {
    stubApi({ [detailPath("c1")]: makeDetail({ call: endedCall }) });
    renderPanel();
    act(() => FakeWebSocket.latest().serverCloses(1006));
    expect(await screen.findByTestId("call-summary")).toBeInTheDocument();
  });

  test("a transcript reset refetches the stored transcript (the end-of-call report replaced it)", async () => {
    const live = makeCall({ id: "c1", status: "in-progress", version: 3 });
    stubApi({ [detailPath("c1")]: makeDetail({ call: live, transcript: [makeLine({ id: 1, text: "live words" })] }) });
    renderPanel();
    sendSnapshot([live]);
    await screen.findByText("live words");

    const refetch = stubApi({ [detailPath("c1")]: makeDetail({ call: live, transcript: [makeLine({ id: 10, text: "report words" })] }) });
    serverSends({ type: "transcript-reset", callId: "c1" });
    expect(await screen.findByText("report words")).toBeInTheDocument();
    expect(screen.queryByText("live words")).not.toBeInTheDocument();
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  test("shows the call's times on the tenant's clock and names its zone", async () => {
    stubApi({
      [detailPath("c1")]: makeDetail({
        call: endedCall,
        timeline: [{ id: 1, status: "ringing", source: "status-update", at: "2025-12-10T07:04:55.000000", payload: null }],
      }),
    });
    renderLive(
      <TimeZoneContext.Provider value="America/Los_Angeles">
        <CallDetailPanel clientId="demo-client" callId="c1" onClose={() => {}} />
      </TimeZoneContext.Provider>,
    );
    sendSnapshot([]);
    // 07:05 UTC is 11:05 p.m. the day before in Los Angeles.
    const started = await screen.findByTestId("detail-started");
    expect(started).toHaveTextContent(/11:05:00\sPM/);
    expect(started).toHaveTextContent("PST");
    expect(started).toHaveAttribute("title", expect.stringContaining("America/Los_Angeles"));
    const panel = screen.getByTestId("call-detail");
    expect(panel).toHaveTextContent(/Dec 9, 11:04:50\sPM/);
    expect(panel).toHaveTextContent("America/Los_Angeles");
    expect(within(panel).getAllByTestId("timeline-status")[0]).toHaveTextContent(/11:04:55\sPM/);
  });
});
