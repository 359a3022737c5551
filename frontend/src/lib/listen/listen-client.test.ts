import { FakeAudioSink, pcmBytes } from "@/test/fake-audio-sink";
import { FakeWebSocket } from "@/test/fake-websocket";
import { ListenClient, listenError, listenSocketUrl, type ListenError } from "./listen-client";

const FORMAT_STEREO = { type: "format", encoding: "pcm_s16le", sampleRate: 16000, channels: 2, channelRoles: ["customer", "assistant"], source: "detected" };
const FORMAT_MONO = { type: "format", encoding: "pcm_s16le", sampleRate: 16000, channels: 1, channelRoles: ["mixed"], source: "announced" };

function startClient(options: { diagnose?: () => Promise<ListenError | null> } = {}) {
  const sink = new FakeAudioSink();
  const client = new ListenClient({
    url: "ws://test/ws/listen/c1?client_id=demo-client",
    sink,
    createSocket: (url) => new FakeWebSocket(url),
    diagnose: options.diagnose,
  });
  client.start();
  return { client, sink, socket: FakeWebSocket.latest() };
}

const phase = (client: ListenClient) => client.getSnapshot().phase;

beforeEach(() => {
  FakeWebSocket.reset();
  FakeAudioSink.reset();
});

describe("the listen client", () => {
  test("connects to the relay with binary frames as ArrayBuffers and is 'connecting' until the format arrives", () => {
    const { client, socket } = startClient();
    expect(socket.url).toBe("ws://test/ws/listen/c1?client_id=demo-client");
    expect(socket.binaryType).toBe("arraybuffer");
    socket.serverOpens();
    expect(phase(client)).toBe("connecting");
  });

  test("the format message comes first: it configures the audio and starts buffering", async () => {
    const { client, sink, socket } = startClient();
    socket.serverOpens();
    socket.serverSendsText(JSON.stringify(FORMAT_STEREO));
    expect(phase(client)).toBe("buffering");
    expect(client.getSnapshot().format).toMatchObject({ channels: 2, sampleRate: 16000, source: "detected" });
    expect(sink.format).toMatchObject({ channels: 2, sampleRate: 16000 });
    expect(sink.only).toBeNull(); // both sides
  });

  test("binary frames go to the audio sink unchanged and in order", () => {
    const { client, sink, socket } = startClient();
    socket.serverSendsText(JSON.stringify(FORMAT_STEREO));
    const a = pcmBytes([1, 2, 3, 4]);
    const b = pcmBytes([5, 6, 7, 8]);
    socket.serverSendsBinary(a);
    socket.serverSendsBinary(b);
    expect(sink.pushed).toEqual([a, b]);
    expect(client.getSnapshot().bytesReceived).toBe(16);
  });

  test("announced mu-law audio is widened to 16-bit PCM before it reaches the audio sink", () => {
    const { client, sink, socket } = startClient();
    socket.serverSendsText(JSON.stringify({ ...FORMAT_MONO, encoding: "mulaw", sampleRate: 8000 }));
    expect(client.getSnapshot().format).toMatchObject({ encoding: "mulaw", sampleRate: 8000 });
    expect(sink.format).toMatchObject({ encoding: "pcm_s16le", sampleRate: 8000, channels: 1 });
    socket.serverSendsBinary(new Uint8Array([0xff, 0x80]).buffer);
    expect(Array.from(new Int16Array(sink.pushed[0] as ArrayBuffer))).toEqual([0, 32124]);
  });

  test("an encoding the player cannot play is reported, never played as PCM", () => {
    const { client, sink, socket } = startClient();
    socket.serverSendsText(JSON.stringify({ ...FORMAT_MONO, encoding: "opus" }));
    socket.serverSendsBinary(pcmBytes([1, 2]));
    expect(client.getSnapshot()).toMatchObject({ phase: "error", error: { code: "unsupported_audio", detail: "opus" } });
    expect(sink.pushed).toEqual([]);
  });

  test("audio without a format message is played as 16 kHz mono", () => {
    const { client, sink, socket } = startClient();
    socket.serverSendsBinary(pcmBytes([1, 2]));
    expect(sink.format).toMatchObject({ channels: 1, sampleRate: 16000, source: "assumed" });
    expect(phase(client)).toBe("buffering");
  });

  test("follows the jitter buffer: buffering → playing with the latency, and back on an underrun", () => {
    const { client, sink, socket } = startClient();
    socket.serverSendsText(JSON.stringify(FORMAT_STEREO));
    sink.reports({ state: "playing", bufferedMs: 96, outputLatencyMs: 24, level: 0.3, levels: [0.3, 0.01] });
    expect(client.getSnapshot()).toMatchObject({ phase: "playing", latencyMs: 120, level: 0.3, levels: [0.3, 0.01] });
    sink.reports({ state: "buffering", bufferedMs: 0, level: 0, underruns: 1 });
    expect(client.getSnapshot()).toMatchObject({ phase: "buffering", underruns: 1 });
  });

  test("channel selection and volume reach the audio; mono always plays both", () => {
    const { client, sink, socket } = startClient();
    socket.serverSendsText(JSON.stringify(FORMAT_STEREO));
    client.setChannel("assistant");
    expect(sink.only).toBe(1);
    client.setChannel("customer");
    expect(sink.only).toBe(0);
    client.setVolume(0.4);
    expect(sink.volume).toBe(0.4);
    expect(client.getSnapshot()).toMatchObject({ channel: "customer", volume: 0.4 });

    const mono = startClient();
    mono.client.setChannel("assistant");
    mono.socket.serverSendsText(JSON.stringify(FORMAT_MONO));
    expect(mono.client.getSnapshot().channel).toBe("both");
    expect(mono.sink.only).toBeNull();
  });

  test("the ended message ends the session with 'The call ended' and stops the audio", () => {
    const { client, sink, socket } = startClient();
    socket.serverSendsText(JSON.stringify(FORMAT_MONO));
    socket.serverSendsText(JSON.stringify({ type: "ended", reason: "call-ended", message: "The call ended" }));
    expect(client.getSnapshot()).toMatchObject({ phase: "ended", endedMessage: "The call ended" });
    expect(sink.closed).toBe(true);
    expect(socket.closedWith?.code).toBe(1000);
  });

  test("close code 4000 means the call ended", () => {
    const { client, socket } = startClient();
    socket.serverSendsText(JSON.stringify(FORMAT_MONO));
    socket.serverCloses(4000, "call ended");
    expect(client.getSnapshot()).toMatchObject({ phase: "ended", endedMessage: "The call ended" });
  });

  test("close code 1011 is an upstream failure the listener can retry, with the server's words", () => {
    const { client, sink, socket } = startClient();
    socket.serverSendsText(JSON.stringify(FORMAT_STEREO));
    socket.serverSendsText(JSON.stringify({ type: "ended", reason: "upstream-error", message: "Provider audio stream failed: 502" }));
    socket.serverCloses(1011);
    expect(client.getSnapshot().phase).toBe("error");
    expect(client.getSnapshot().error).toMatchObject({ code: "upstream_failed", detail: "Provider audio stream failed: 502", retryable: true });
    expect(sink.closed).toBe(true);

    const bare = startClient();
    bare.socket.serverSendsText(JSON.stringify(FORMAT_STEREO));
    bare.socket.serverCloses(1011, "");
    expect(bare.client.getSnapshot().error?.code).toBe("upstream_failed");
  });

  test("a connection lost mid-stream is an error with a retry", () => {
    const { client, socket } = startClient();
    socket.serverSendsText(JSON.stringify(FORMAT_STEREO));
    socket.serverCloses(1006);
    expect(client.getSnapshot().error).toMatchObject({ code: "connection_lost", retryable: true });
  });

  test("the relay's checks after the upgrade map to the same errors (4404, 4409 with the code as reason)", () => {
    const notFound = startClient();
    notFound.socket.serverOpens();
    notFound.socket.serverCloses(4404, "call_not_found");
    expect(notFound.client.getSnapshot().error?.code).toBe("not_found");
    const noAudio = startClient();
    noAudio.socket.serverOpens();
    noAudio.socket.serverCloses(4409, "no_audio");
    expect(noAudio.client.getSnapshot().error?.code).toBe("no_audio");
    const notLive = startClient();
    notLive.socket.serverOpens();
    notLive.socket.serverCloses(4409, "call_not_live");
    expect(notLive.client.getSnapshot().error?.code).toBe("not_live");
  });

  test("a refused upgrade (closed before opening) asks the API why: 409 not live", async () => {
    const diagnose = vi.fn(async () => listenError("not_live"));
    const { client, socket } = startClient({ diagnose });
    socket.serverCloses(1006);
    await vi.waitFor(() => expect(phase(client)).toBe("error"));
    expect(diagnose).toHaveBeenCalledTimes(1);
    expect(client.getSnapshot().error).toMatchObject({ code: "not_live", title: "This call is no longer live", retryable: false });
  });

  test("a refused upgrade the API cannot explain says it could not connect", async () => {
    const { client, socket } = startClient({ diagnose: async () => null });
    socket.serverCloses(1006);
    await vi.waitFor(() => expect(client.getSnapshot().error?.code).toBe("connect_failed"));
  });

  test("the board saying the call ended stops listening even before the relay does", () => {
    const { client, sink, socket } = startClient();
    socket.serverSendsText(JSON.stringify(FORMAT_MONO));
    client.callEnded();
    expect(client.getSnapshot()).toMatchObject({ phase: "ended", endedMessage: "The call ended" });
    expect(sink.closed).toBe(true);
    expect(socket.closedWith).not.toBeNull();
  });

  test("stop closes the socket and the audio, and nothing changes afterwards", () => {
    const { client, sink, socket } = startClient();
    socket.serverSendsText(JSON.stringify(FORMAT_MONO));
    client.stop();
    expect(socket.closedWith).toEqual({ code: 1000, reason: "listener left" });
    expect(sink.closed).toBe(true);
    socket.serverCloses(4000);
    expect(phase(client)).toBe("buffering");
  });

  test("no format within the timeout is an error", () => {
    vi.useFakeTimers();
    const { client, socket } = startClient();
    socket.serverOpens();
    vi.advanceTimersByTime(10_000);
    expect(client.getSnapshot().error?.code).toBe("no_format");
    expect(socket.closedWith).not.toBeNull();
  });

  test("a browser that cannot play the audio says so", async () => {
    const sink = new FakeAudioSink();
    sink.configureError = new Error("no AudioWorklet");
    const client = new ListenClient({ url: "ws://x", sink, createSocket: (u) => new FakeWebSocket(u) });
    client.start();
    FakeWebSocket.latest().serverSendsText(JSON.stringify(FORMAT_MONO));
    await vi.waitFor(() => expect(client.getSnapshot().error).toMatchObject({ code: "audio_unavailable", detail: "no AudioWorklet" }));
  });
});

describe("the listen socket URL", () => {
  const page = { href: "https://dash.example.com/?client=acme&call=c1", host: "dash.example.com", protocol: "https:" };

  test("is the call's relay path on this host (wss on https); no name: the session cookie says who listens", () => {
    expect(listenSocketUrl("/ws/listen/c1?client_id=acme", "c1", "acme", page)).toBe("wss://dash.example.com/ws/listen/c1?client_id=acme");
    expect(listenSocketUrl("/ws/listen/c1?client_id=acme", "c1", "acme", { href: "http://localhost:5174/", host: "localhost:5174", protocol: "http:" })).toBe(
      "ws://localhost:5174/ws/listen/c1?client_id=acme",
    );
  });

  test("never connects anywhere else: a provider URL is replaced by the relay path", () => {
    expect(listenSocketUrl("wss://phone-call-websocket.vapi.ai/c1/listen", "c 1", "acme", page)).toBe("wss://dash.example.com/ws/listen/c%201?client_id=acme");
  });
});
