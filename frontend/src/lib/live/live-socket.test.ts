import { FakeWebSocket } from "@/test/fake-websocket";
import { makeCall, makeLine } from "@/test/fixtures";
import { BACKOFF_MAX_MS, reconnectDelay } from "./backoff";
import { CLOSE_UNKNOWN_TENANT, DEAD_AFTER_MS, LiveSocket, type Connectivity } from "./live-socket";

function snapshotMessage(seq: number, calls = [makeCall({ id: "a" })]) {
  return { type: "snapshot", clientId: "demo-client", seq, serverTime: "2025-12-10T07:06:00.000000", calls };
}

function startSocket(options: { connectivity?: Connectivity | null; onRefused?: () => void } = {}) {
  const live = new LiveSocket({
    clientId: "demo-client",
    url: "ws://test/ws/dashboard?client_id=demo-client",
    createSocket: (url) => new FakeWebSocket(url),
    random: () => 1, // no jitter: delays are exactly the backoff ceiling
    connectivity: options.connectivity ?? null,
    onRefused: options.onRefused,
  });
  live.start();
  return live;
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeWebSocket.reset();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the live socket", () => {
  test("a connection refused before it opened (e.g. 401: the session expired) is reported, and reconnecting goes on", () => {
    const onRefused = vi.fn();
    const live = startSocket({ onRefused });
    FakeWebSocket.latest().serverCloses(1006);
    expect(onRefused).toHaveBeenCalledTimes(1);
    expect(live.getSnapshot().connection.phase).toBe("reconnecting");
  });

  test("a connection that opened and then dropped is not a refusal", () => {
    const onRefused = vi.fn();
    startSocket({ onRefused });
    FakeWebSocket.latest().serverSends(snapshotMessage(0));
    FakeWebSocket.latest().serverCloses(1006);
    expect(onRefused).not.toHaveBeenCalled();
  });

  test("connects to the tenant's dashboard URL and is 'connecting' until the snapshot", () => {
    const live = startSocket();
    expect(FakeWebSocket.latest().url).toBe("ws://test/ws/dashboard?client_id=demo-client");
    expect(live.getSnapshot().connection.phase).toBe("connecting");
    FakeWebSocket.latest().serverSends(snapshotMessage(3));
    expect(live.getSnapshot().connection.phase).toBe("live");
    expect(live.getSnapshot().data.order).toEqual(["a"]);
  });

  test("answers every ping with a pong", () => {
    startSocket();
    const socket = FakeWebSocket.latest();
    socket.serverSends({ type: "ping", serverTime: "2025-12-10T07:06:00.000000" });
    expect(socket.sent).toEqual(['{"type":"pong"}']);
  });

  test("notifies subscribers when the state changes", () => {
    const live = startSocket();
    const listener = vi.fn();
    live.subscribe(listener);
    FakeWebSocket.latest().serverSends(snapshotMessage(3));
    expect(listener).toHaveBeenCalled();
  });

  test("a sequence gap closes the socket and reconnects for a fresh snapshot", () => {
    const live = startSocket();
    const first = FakeWebSocket.latest();
    first.serverSends(snapshotMessage(3));
    first.serverSends({ type: "call-upsert", clientId: "demo-client", seq: 5, call: makeCall({ id: "a", version: 2 }) });

    expect(first.closedWith).not.toBeNull();
    expect(live.getSnapshot().connection).toMatchObject({ phase: "reconnecting", attempt: 1 });
    // The call is not updated from a message that came after a gap.
    expect(live.getSnapshot().data.calls["a"]?.version).toBe(1);

    vi.advanceTimersByTime(500);
    expect(FakeWebSocket.instances).toHaveLength(2);
    FakeWebSocket.latest().serverSends(snapshotMessage(9, [makeCall({ id: "a", version: 2 })]));
    expect(live.getSnapshot().connection).toMatchObject({ phase: "live", attempt: 0, resyncs: 1 });
    expect(live.getSnapshot().data.calls["a"]?.version).toBe(2);
  });

  test("messages in order are applied: upsert, transcript, partial", () => {
    const live = startSocket();
    const socket = FakeWebSocket.latest();
    socket.serverSends(snapshotMessage(3));
    socket.serverSends({ type: "transcript-partial", clientId: "demo-client", seq: 4, callId: "a", role: "user", text: "Hel", at: null });
    socket.serverSends({ type: "transcript", clientId: "demo-client", seq: 5, callId: "a", line: makeLine({ id: 1, text: "Hello" }) });
    const data = live.getSnapshot().data;
    expect(data.lines["a"]).toHaveLength(1);
    expect(data.partials["a"]?.user).toBeUndefined();
    expect(data.seq).toBe(5);
  });

  test("reconnects with backoff doubling from 0.5 s to a 10 s ceiling while the server is down", () => {
    const live = startSocket();
    FakeWebSocket.latest().serverSends(snapshotMessage(1));
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      FakeWebSocket.latest().serverCloses(1006);
      const { attempt, retryAt } = live.getSnapshot().connection;
      expect(attempt).toBe(i + 1);
      waits.push(retryAt! - Date.now());
      vi.advanceTimersByTime(retryAt! - Date.now());
    }
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000]);
    expect(live.getSnapshot().connection.phase).toBe("reconnecting");
    expect(FakeWebSocket.instances).toHaveLength(8);
  });

  test("backoff delays are jittered between half and all of the ceiling", () => {
    expect(reconnectDelay(1, () => 0)).toBe(250);
    expect(reconnectDelay(1, () => 1)).toBe(500);
    expect(reconnectDelay(30, () => 1)).toBe(BACKOFF_MAX_MS);
    expect(reconnectDelay(30, () => 0)).toBe(BACKOFF_MAX_MS / 2);
  });

  test("a drop forgets who was speaking and half-spoken words, but keeps the calls", () => {
    const live = startSocket();
    const socket = FakeWebSocket.latest();
    socket.serverSends(snapshotMessage(1));
    socket.serverSends({ type: "transcript-partial", clientId: "demo-client", seq: 2, callId: "a", role: "user", text: "Hel", at: null });
    socket.serverSends({ type: "speech", clientId: "demo-client", seq: 3, callId: "a", role: "user", status: "started", turn: 1, at: null });
    socket.serverCloses(1006);
    const data = live.getSnapshot().data;
    expect(data.partials).toEqual({});
    expect(data.speaking).toEqual({});
    expect(data.order).toEqual(["a"]);
  });

  test("a successful snapshot resets the attempt count", () => {
    const live = startSocket();
    FakeWebSocket.latest().serverCloses(1006);
    vi.advanceTimersByTime(500);
    FakeWebSocket.latest().serverCloses(1006);
    expect(live.getSnapshot().connection.attempt).toBe(2);
    vi.advanceTimersByTime(1000);
    FakeWebSocket.latest().serverSends(snapshotMessage(1));
    expect(live.getSnapshot().connection).toMatchObject({ phase: "live", attempt: 0, reason: null });
  });

  test(`a connection silent for ${DEAD_AFTER_MS / 1000} s is treated as dead and replaced`, () => {
    const live = startSocket();
    const socket = FakeWebSocket.latest();
    socket.serverSends(snapshotMessage(1));
    vi.advanceTimersByTime(DEAD_AFTER_MS - 1);
    socket.serverSends({ type: "ping", serverTime: "2025-12-10T07:06:00.000000" });
    vi.advanceTimersByTime(DEAD_AFTER_MS - 1);
    expect(live.getSnapshot().connection.phase).toBe("live");
    vi.advanceTimersByTime(1);
    expect(socket.closedWith).not.toBeNull();
    expect(live.getSnapshot().connection.phase).toBe("reconnecting");
  });

  test("the server closing with 4008 (too slow) reconnects", () => {
    const live = startSocket();
    FakeWebSocket.latest().serverSends(snapshotMessage(1));
    FakeWebSocket.latest().serverCloses(4008, "too slow");
    expect(live.getSnapshot().connection.phase).toBe("reconnecting");
    vi.advanceTimersByTime(500);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  test("an unknown tenant (4404) goes offline without retrying", () => {
    const live = startSocket();
    FakeWebSocket.latest().serverCloses(CLOSE_UNKNOWN_TENANT, "unknown tenant");
    expect(live.getSnapshot().connection.phase).toBe("offline");
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  test("a browser going offline pauses reconnecting until it is back online", () => {
    let online = true;
    let notify = () => {};
    const connectivity: Connectivity = {
      isOnline: () => online,
      subscribe: (fn) => {
        notify = fn;
        return () => {};
      },
    };
    const live = startSocket({ connectivity });
    FakeWebSocket.latest().serverSends(snapshotMessage(1));
    online = false;
    notify();
    expect(live.getSnapshot().connection.phase).toBe("offline");
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    online = true;
    notify();
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(live.getSnapshot().connection.phase).toBe("reconnecting");
  });

  test("stop closes the socket and never reconnects", () => {
    const live = startSocket();
    const socket = FakeWebSocket.latest();
    live.stop();
    expect(socket.closedWith?.code).toBe(1000);
    socket.serverCloses(1006);
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  test("retry now skips the remaining backoff wait", () => {
    const live = startSocket();
    FakeWebSocket.latest().serverCloses(1006);
    live.retryNow();
    expect(FakeWebSocket.instances).toHaveLength(2);
  });
});
