import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { CallView } from "@/lib/api-types";
import { CallDetailPanel } from "@/features/calls/components/detail/CallDetailPanel";
import { FakeAudioSink, pcmBytes } from "@/test/fake-audio-sink";
import { FakeWebSocket } from "@/test/fake-websocket";
import { makeCall, makeDetail, makeLine } from "@/test/fixtures";
import { detailPath, renderLive, sendSnapshot, serverSends, stubApi } from "@/test/render";
import { listenSessions } from "../listen-sessions";
import { AudioSinkFactoryContext } from "../sink-factory";

const live = makeCall({ id: "c1", status: "in-progress", controllable: true, listenUrl: "/ws/listen/c1?client_id=demo-client", version: 3 });
const STEREO = JSON.stringify({ type: "format", encoding: "pcm_s16le", sampleRate: 16000, channels: 2, channelRoles: ["customer", "assistant"], source: "detected" });
const MONO = JSON.stringify({ type: "format", encoding: "pcm_s16le", sampleRate: 16000, channels: 1, channelRoles: ["mixed"], source: "announced" });

function renderCall(call: CallView = live, detailCall: CallView = call) {
  const fetchMock = stubApi({ [detailPath(call.id)]: makeDetail({ call: detailCall, transcript: [makeLine({ id: 1, role: "assistant", text: "Thanks for calling Riley's." })] }) });
  const result = renderLive(
    <AudioSinkFactoryContext.Provider value={() => new FakeAudioSink()}>
      <CallDetailPanel clientId="demo-client" callId={call.id} onClose={() => {}} />
    </AudioSinkFactoryContext.Provider>,
  );
  sendSnapshot([call]);
  return { ...result, fetchMock };
}

/** The listen socket (the dashboard socket is the first one). */
const listenSocket = () => FakeWebSocket.instances.filter((s) => s.url.includes("/ws/listen/")).at(-1)!;
const state = () => screen.getByTestId("listen-status").dataset.state;

beforeEach(() => {
  // The listen client opens a browser WebSocket; play the relay with a fake one.
  vi.stubGlobal("WebSocket", FakeWebSocket);
});

async function startListening() {
  const user = userEvent.setup();
  await user.click(await screen.findByTestId("listen-button"));
  return user;
}

describe("the Listen panel", () => {
  test("Listen connects to the call's relay path on this host (the session cookie says who listens)", async () => {
    renderCall();
    await startListening();
    expect(listenSocket().url).toBe("ws://localhost:3000/ws/listen/c1?client_id=demo-client");
    expect(screen.getByTestId("listen-panel")).toBeInTheDocument();
    expect(state()).toBe("connecting");
    expect(screen.getByTestId("listen-button")).toHaveAttribute("aria-pressed", "true");
  });

  test("goes connecting → buffering → playing, with the live level, per-channel meters and the latency in ms", async () => {
    renderCall();
    await startListening();
    act(() => listenSocket().serverSendsText(STEREO));
    expect(state()).toBe("buffering");
    act(() => listenSocket().serverSendsBinary(pcmBytes([1000, -1000])));
    expect(FakeAudioSink.latest().pushed).toHaveLength(1);

    act(() => FakeAudioSink.latest().reports({ state: "playing", bufferedMs: 100, outputLatencyMs: 18.4, level: 0.25, levels: [0.25, 0.02] }));
    expect(state()).toBe("playing");
    expect(screen.getByTestId("listen-status")).toHaveTextContent("Live");
    expect(screen.getByTestId("listen-latency")).toHaveTextContent("118 ms");
    expect(screen.getByTestId("listen-level")).toHaveAttribute("data-level", "0.2500");
    expect(screen.getByTestId("listen-level-customer")).toHaveAttribute("data-level", "0.2500");
    expect(screen.getByTestId("listen-level-assistant")).toHaveAttribute("data-level", "0.0200");
    expect(screen.getByTestId("listen-panel")).toHaveTextContent("16 kHz · stereo · detected from the byte rate");
  });

  test("the live transcript stays beside the panel", async () => {
    renderCall();
    await startListening();
    act(() => listenSocket().serverSendsText(STEREO));
    serverSends({ type: "transcript", callId: "c1", line: makeLine({ id: 2, role: "user", text: "I'd like to book a cleaning." }) });
    expect(screen.getByTestId("listen-panel")).toBeInTheDocument();
    expect(screen.getByText("I'd like to book a cleaning.")).toBeInTheDocument();
  });

  test("stereo offers caller / assistant / both; choosing one plays only that side", async () => {
    const user = userEvent.setup();
    renderCall();
    await user.click(await screen.findByTestId("listen-button"));
    act(() => listenSocket().serverSendsText(STEREO));
    const channel = screen.getByTestId("listen-channel");
    expect(Array.from((channel as HTMLSelectElement).options).map((o) => o.value)).toEqual(["both", "customer", "assistant"]);
    await user.selectOptions(channel, "assistant");
    expect(FakeAudioSink.latest().only).toBe(1);
    await user.selectOptions(channel, "customer");
    expect(FakeAudioSink.latest().only).toBe(0);
    await user.selectOptions(channel, "both");
    expect(FakeAudioSink.latest().only).toBeNull();
  });

  test("mono has no channel choice", async () => {
    renderCall();
    await startListening();
    act(() => listenSocket().serverSendsText(MONO));
    expect(screen.queryByTestId("listen-channel")).not.toBeInTheDocument();
    expect(screen.getByTestId("listen-level-mixed")).toBeInTheDocument();
  });

  test("the volume slider sets the output volume, remembered for next time", async () => {
    renderCall();
    await startListening();
    act(() => listenSocket().serverSendsText(MONO));
    const volume = screen.getByTestId("listen-volume");
    act(() => {
      // range inputs: set the value the way a drag would
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(volume, "35");
      volume.dispatchEvent(new Event("input", { bubbles: true }));
    });
    expect(FakeAudioSink.latest().volume).toBe(0.35);
    expect(window.localStorage.getItem("switchboard.listenVolume")).toBe("0.35");
  });

  test("the server's ended message shows 'The call ended' and stops the audio", async () => {
    renderCall();
    await startListening();
    act(() => listenSocket().serverSendsText(STEREO));
    act(() => listenSocket().serverSendsText(JSON.stringify({ type: "ended", reason: "call-ended", message: "Call ended" })));
    expect(state()).toBe("ended");
    expect(screen.getByTestId("listen-panel")).toHaveTextContent("The call ended");
    expect(FakeAudioSink.latest().closed).toBe(true);
  });

  test("an upstream failure (1011) says what happened and offers to try again, which reconnects", async () => {
    const user = userEvent.setup();
    renderCall();
    await user.click(await screen.findByTestId("listen-button"));
    const first = listenSocket();
    act(() => first.serverSendsText(STEREO));
    act(() => first.serverCloses(1011, "upstream failed"));
    expect(state()).toBe("error");
    expect(screen.getByRole("alert")).toHaveTextContent("The audio stream from the provider failed");
    await user.click(screen.getByRole("button", { name: /try again/i }));
    expect(listenSocket()).not.toBe(first);
    expect(state()).toBe("connecting");
  });

  test("a refused connection for a call that has ended explains it is no longer live (409)", async () => {
    renderCall(live, { ...live, status: "ended", listenUrl: null, controllable: false, version: 3 });
    await startListening();
    act(() => listenSocket().serverCloses(1006));
    await waitFor(() => expect(state()).toBe("error"));
    expect(screen.getByTestId("listen-panel")).toHaveTextContent("This call is no longer live");
    expect(screen.queryByRole("button", { name: /try again/i })).not.toBeInTheDocument();
  });

  test("the call ending on the board stops listening", async () => {
    renderCall();
    await startListening();
    act(() => listenSocket().serverSendsText(MONO));
    serverSends({ type: "call-upsert", call: { ...live, status: "ended", listenUrl: null, controllable: false, version: 9 } });
    expect(state()).toBe("ended");
    expect(listenSocket().closedWith).not.toBeNull();
    expect(FakeAudioSink.latest().closed).toBe(true);
    expect(screen.queryByTestId("listen-button")).not.toBeInTheDocument();
  });

  test("closing the call (navigation, tenant switch) closes the socket and the audio", async () => {
    const { unmount } = renderCall();
    await startListening();
    act(() => listenSocket().serverSendsText(MONO));
    const socket = listenSocket();
    unmount();
    expect(socket.closedWith).toEqual({ code: 1000, reason: "listener left" });
    expect(FakeAudioSink.latest().closed).toBe(true);
    expect(listenSessions.get()).toBeNull();
  });

  test("Stop ends the session and hides the panel", async () => {
    const user = await (async () => {
      renderCall();
      return startListening();
    })();
    act(() => listenSocket().serverSendsText(MONO));
    await user.click(screen.getByRole("button", { name: "Stop" }));
    expect(screen.queryByTestId("listen-panel")).not.toBeInTheDocument();
    expect(listenSocket().closedWith?.code).toBe(1000);
  });

  test("is not offered for an ended call or a call without audio", async () => {
    renderCall({ ...live, listenUrl: null });
    await screen.findByTestId("action-end");
    expect(screen.queryByTestId("listen-button")).not.toBeInTheDocument();
  });
});

describe("one listen session per tab", () => {
  test("starting another session stops the first", async () => {
    renderCall();
    await startListening();
    const first = listenSocket();
    const firstSink = FakeAudioSink.latest();
    const { ListenClient } = await import("@/lib/listen/listen-client");
    const other = new ListenClient({ url: "ws://x/ws/listen/c2", sink: new FakeAudioSink(), createSocket: (u) => new FakeWebSocket(u) });
    act(() => listenSessions.start("demo-client/c2", other));
    expect(first.closedWith?.code).toBe(1000);
    expect(firstSink.closed).toBe(true);
    expect(screen.queryByTestId("listen-panel")).not.toBeInTheDocument();
    expect(screen.getByTestId("listen-button")).toHaveAttribute("aria-pressed", "false");
  });
});
