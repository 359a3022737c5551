import type { AudioSink, SinkStats } from "./audio-sink";
import { mulawToPcm16 } from "./pcm";
import { ASSUMED_FORMAT, CLOSE_CALL_ENDED, CLOSE_UPSTREAM_FAILED, parseListenText, selectedChannelIndex, type ChannelSelection, type ListenFormat } from "./format";

/**
 * One listen session: the relay socket (/ws/listen/{call}) feeding an AudioSink, as a small external
 * store the Listen panel renders. Framework-free so its protocol handling is tested with a fake
 * socket and a fake sink:
 *
 *   connecting ─format→ buffering ⇄ playing (the jitter buffer's state, reported by the sink)
 *        │                 │
 *        └───────────┬─────┘
 *                    ├─ {"type":"ended","reason":"call-ended"} / close 4000 / call ended on the board → ended
 *                    └─ 1011 upstream failure, lost connection, refused upgrade, no format → error
 *
 * A refused upgrade (404/409 before the WebSocket opens) is invisible to browsers (close 1006 without
 * an open), so `diagnose` asks the REST API why. Not thread-safe; browsers run it on the main thread.
 */

export type ListenPhase = "connecting" | "buffering" | "playing" | "ended" | "error";

export type ListenErrorCode =
  | "not_live"
  | "not_found"
  | "no_audio"
  | "unsupported_audio"
  | "forbidden"
  | "upstream_failed"
  | "connection_lost"
  | "connect_failed"
  | "no_format"
  | "audio_unavailable";

export interface ListenError {
  code: ListenErrorCode;
  title: string;
  /** What to do about it. */
  hint: string;
  /** The server's or browser's own words, when there are any. */
  detail: string | null;
  retryable: boolean;
}

export interface ListenState {
  phase: ListenPhase;
  format: ListenFormat | null;
  error: ListenError | null;
  /** Shown when the session ended ("The call ended"). */
  endedMessage: string | null;
  channel: ChannelSelection;
  /** 0..1 */
  volume: number;
  /** RMS 0..1 of what is being played (selected channels, before volume). */
  level: number;
  /** RMS 0..1 per source channel. */
  levels: readonly number[];
  bufferedMs: number;
  /** The jitter buffer's start threshold (grows on a jittery network). */
  targetMs: number;
  /** Buffered audio plus the browser's output latency; null until audio plays. */
  latencyMs: number | null;
  underruns: number;
  droppedMs: number;
  /** The browser holds the audio back until a click (autoplay policy). */
  audioBlocked: boolean;
  bytesReceived: number;
}

/** The subset of a browser WebSocket the listen client uses. */
export interface ListenSocketLike {
  binaryType: string;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  close(code?: number, reason?: string): void;
}

export interface ListenClientOptions {
  url: string;
  sink: AudioSink;
  createSocket?: (url: string) => ListenSocketLike;
  /** Why a connection was refused before it opened (asks the REST API); null when it cannot tell. */
  diagnose?: () => Promise<ListenError | null>;
  /** No format message this long after starting is an error. */
  formatTimeoutMs?: number;
  channel?: ChannelSelection;
  volume?: number;
}

export const FORMAT_TIMEOUT_MS = 10_000;

const ERRORS: Record<ListenErrorCode, Omit<ListenError, "code" | "detail">> = {
  not_live: { title: "This call is no longer live", hint: "There is nothing to listen to: the call has ended.", retryable: false },
  not_found: { title: "Call not found", hint: "Switchboard does not know this call for this client. Pick it again from the board.", retryable: false },
  no_audio: {
    title: "No audio for this call",
    hint: "The provider offered no listen stream for this call. In Vapi, turn on monitorPlan.listenEnabled for the assistant.",
    retryable: false,
  },
  forbidden: { title: "Listening was refused", hint: "The server would not stream this call's audio. Try again, or check the call on the board.", retryable: true },
  upstream_failed: { title: "The audio stream from the provider failed", hint: "The call may still be live: try again in a moment.", retryable: true },
  connection_lost: { title: "Lost the audio connection", hint: "The connection to Switchboard dropped. Check your network, then try again.", retryable: true },
  connect_failed: { title: "Couldn't connect to the audio", hint: "Switchboard did not accept the audio connection. Check that it is reachable, then try again.", retryable: true },
  no_format: { title: "The audio did not start", hint: "Switchboard opened the stream but sent no audio within 10 seconds. Try again.", retryable: true },
  unsupported_audio: {
    title: "This call's audio format can't be played",
    hint: "The provider streams an encoding the browser player does not decode (16-bit PCM and mu-law are supported).",
    retryable: false,
  },
  audio_unavailable: { title: "This browser can't play the audio", hint: "Try a current Chrome, Edge, Firefox or Safari.", retryable: true },
};

export function listenError(code: ListenErrorCode, detail: string | null = null): ListenError {
  return { code, ...ERRORS[code], detail };
}

export class ListenClient {
  private readonly url: string;
  private readonly sink: AudioSink;
  private readonly createSocket: (url: string) => ListenSocketLike;
  private readonly diagnose: (() => Promise<ListenError | null>) | null;
  private readonly formatTimeoutMs: number;
  private readonly listeners = new Set<() => void>();
  private socket: ListenSocketLike | null = null;
  private opened = false;
  private started = false;
  private stopped = false;
  private formatTimer: ReturnType<typeof setTimeout> | null = null;
  private state: ListenState;

  constructor(options: ListenClientOptions) {
    this.url = options.url;
    this.sink = options.sink;
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url) as unknown as ListenSocketLike);
    this.diagnose = options.diagnose ?? null;
    this.formatTimeoutMs = options.formatTimeoutMs ?? FORMAT_TIMEOUT_MS;
    this.state = {
      phase: "connecting",
      format: null,
      error: null,
      endedMessage: null,
      channel: options.channel ?? "both",
      volume: options.volume ?? 1,
      level: 0,
      levels: [],
      bufferedMs: 0,
      targetMs: 0,
      latencyMs: null,
      underruns: 0,
      droppedMs: 0,
      audioBlocked: false,
      bytesReceived: 0,
    };
    this.sink.onStats = (stats) => this.sinkStats(stats);
    this.sink.onBlocked = (blocked) => this.update({ audioBlocked: blocked });
    this.sink.setVolume(this.state.volume);
  }

  readonly getSnapshot = (): ListenState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    let socket: ListenSocketLike;
    try {
      socket = this.createSocket(this.url);
    } catch (error) {
      this.fail(listenError("connect_failed", (error as Error).message));
      return;
    }
    socket.binaryType = "arraybuffer";
    this.socket = socket;
    socket.onopen = () => {
      this.opened = true;
    };
    socket.onmessage = (event) => this.received(socket, event.data);
    socket.onclose = (event) => this.closed(socket, event.code, event.reason);
    socket.onerror = () => undefined; // always followed by close, which does the work
    this.formatTimer = setTimeout(() => {
      this.formatTimer = null;
      if (!this.state.format) this.fail(listenError("no_format"));
    }, this.formatTimeoutMs);
  }

  /** The listener closed the panel, navigated away or started another session. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.teardown(1000, "listener left");
  }

  /** The board says the call ended (the relay's own message may still be on its way). */
  callEnded(): void {
    if (this.isTerminal()) return;
    this.finish("The call ended");
  }

  setChannel(channel: ChannelSelection): void {
    if (channel === this.state.channel) return;
    this.update({ channel });
    if (this.state.format) this.sink.select(selectedChannelIndex(this.state.format, channel));
  }

  setVolume(volume: number): void {
    const v = Math.min(1, Math.max(0, volume));
    this.sink.setVolume(v);
    this.update({ volume: v });
  }

  /** "Click to start audio" when the browser blocked autoplay. */
  resumeAudio(): void {
    void this.sink.resume().then(
      () => this.update({ audioBlocked: false }),
      () => undefined,
    );
  }

  private received(socket: ListenSocketLike, data: unknown): void {
    if (socket !== this.socket || this.isTerminal()) return;
    this.opened = true;
    if (typeof data === "string") {
      const frame = parseListenText(data);
      if (!frame) return;
      if (frame.type === "format") {
        if (!this.state.format) this.configure(frame.format);
      } else if (frame.type === "unsupported") {
        if (!this.state.format) this.fail(listenError("unsupported_audio", frame.encoding));
      } else if (frame.reason === "call-ended") {
        this.finish("The call ended");
      } else {
        this.fail(listenError("upstream_failed", frame.message));
      }
      return;
    }
    const bytes = toArrayBuffer(data);
    if (!bytes) return;
    if (!this.state.format) this.configure(ASSUMED_FORMAT);
    this.sink.push(this.state.format?.encoding === "mulaw" ? mulawToPcm16(bytes) : bytes);
    this.state = { ...this.state, bytesReceived: this.state.bytesReceived + bytes.byteLength };
  }

  private configure(format: ListenFormat): void {
    this.clearFormatTimer();
    // Only stereo can pick a side; a mono stream always plays "both".
    const channel = format.channels === 2 ? this.state.channel : "both";
    this.update({ format, channel, phase: "buffering", levels: new Array<number>(format.channels).fill(0) });
    this.sink.select(selectedChannelIndex(format, channel));
    // The sink always gets 16-bit PCM (mu-law is widened on arrival).
    this.sink.configure({ ...format, encoding: "pcm_s16le" }).catch((error: unknown) => {
      if (!this.isTerminal() && !this.stopped) this.fail(listenError("audio_unavailable", error instanceof Error ? error.message : null));
    });
  }

  private sinkStats(stats: SinkStats): void {
    if (this.stopped || (this.state.phase !== "buffering" && this.state.phase !== "playing")) return;
    this.update({
      phase: stats.state,
      level: stats.level,
      levels: stats.levels,
      bufferedMs: stats.bufferedMs,
      targetMs: stats.targetMs,
      latencyMs: stats.state === "playing" ? Math.round(stats.bufferedMs + stats.outputLatencyMs) : this.state.latencyMs,
      underruns: stats.underruns,
      droppedMs: stats.droppedMs,
    });
  }

  private closed(socket: ListenSocketLike, code: number, reason: string): void {
    if (socket !== this.socket) return;
    this.socket = null;
    if (this.isTerminal() || this.stopped) return;
    if (!this.opened) {
      void this.explainRefusal();
      return;
    }
    switch (code) {
      case CLOSE_CALL_ENDED:
        this.finish("The call ended");
        return;
      case 1000:
        this.finish(reason || "The audio stream closed");
        return;
      case CLOSE_UPSTREAM_FAILED:
        this.fail(listenError("upstream_failed", reason || null));
        return;
      case 1008:
        this.fail(listenError("forbidden", reason || null));
        return;
      // The relay's checks after the upgrade: 4000 + the HTTP status, the error code as the reason.
      case 4404:
        this.fail(listenError("not_found", null));
        return;
      case 4409:
        this.fail(listenError(reason === "no_audio" ? "no_audio" : "not_live", null));
        return;
      default:
        this.fail(listenError("connection_lost", reason || null));
    }
  }

  private async explainRefusal(): Promise<void> {
    // Stop the audio now; the reason may take a request to find out.
    this.clearFormatTimer();
    this.sink.close();
    let error: ListenError | null;
    try {
      error = this.diagnose ? await this.diagnose() : null;
    } catch {
      error = null;
    }
    if (this.stopped || this.isTerminal()) return;
    this.fail(error ?? listenError("connect_failed"));
  }

  private finish(message: string): void {
    this.teardown(1000, "call ended");
    this.update({ phase: "ended", endedMessage: message, level: 0, levels: this.state.levels.map(() => 0), latencyMs: null });
  }

  private fail(error: ListenError): void {
    this.teardown(1000, "listen failed");
    this.update({ phase: "error", error, level: 0, levels: this.state.levels.map(() => 0), latencyMs: null });
  }

  private teardown(code: number, reason: string): void {
    this.clearFormatTimer();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onmessage = null;
      socket.onclose = null;
      socket.onerror = null;
      socket.onopen = null;
      try {
        socket.close(code, reason);
      } catch {
        // already closing
      }
    }
    this.sink.onStats = null;
    this.sink.onBlocked = null;
    this.sink.close();
  }

  private isTerminal(): boolean {
    return this.state.phase === "ended" || this.state.phase === "error";
  }

  private clearFormatTimer(): void {
    if (this.formatTimer !== null) clearTimeout(this.formatTimer);
    this.formatTimer = null;
  }

  private update(patch: Partial<ListenState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

function toArrayBuffer(data: unknown): ArrayBuffer | null {
  if (data instanceof ArrayBuffer) return data;
  if (ArrayBuffer.isView(data)) return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  return null;
}

/**
 * The relay's WebSocket URL for a call: the CallView's `listenUrl` (a same-origin path such as
 * /ws/listen/{id}?client_id=…) on this page's host; the session cookie says who listens. Anything that is
 * not a same-origin relay path is never connected to (provider URLs must not reach browsers).
 */
export function listenSocketUrl(listenUrl: string, callId: string, clientId: string, location: Pick<Location, "href" | "host" | "protocol"> = window.location): string {
  let url: URL;
  try {
    url = new URL(listenUrl, location.href);
  } catch {
    url = new URL("/", location.href);
  }
  if (url.host !== location.host || !url.pathname.startsWith("/ws/listen/")) {
    url = new URL(`/ws/listen/${encodeURIComponent(callId)}`, location.href);
    url.searchParams.set("client_id", clientId);
  }
  url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
  return url.href;
}
