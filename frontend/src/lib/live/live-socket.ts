import { reconnectDelay } from "./backoff";
import { applyLiveMessage, dropTransient, emptyLiveCalls, SEQUENCE_GAP, type LiveCalls } from "./live-state";
import { parseServerMessage, PONG } from "./messages";
import { parseServerTime } from "../time";

/**
 * The one dashboard socket per open tenant: connects, answers pings, applies messages to LiveCalls,
 * and reconnects with backoff whenever the stream can no longer be trusted (a drop, a sequence gap, a
 * silent connection). Every reconnect starts with a fresh snapshot, which is how the board resyncs.
 *
 * Framework-free on purpose (React reads it through useSyncExternalStore) so its behaviour can be
 * tested with a fake WebSocket and fake timers. Not thread-safe: browsers run it on the main thread.
 */

export type ConnectionPhase = "connecting" | "live" | "reconnecting" | "offline";

export interface ConnectionStatus {
  phase: ConnectionPhase;
  /** Failed or dropped attempts since the last good snapshot; 0 while live. */
  attempt: number;
  /** When the next attempt starts (local epoch ms) while waiting to reconnect. */
  retryAt: number | null;
  /** Why we are not live, in words, or null. */
  reason: string | null;
  /** Snapshots after the first: each one is a resync after a drop. */
  resyncs: number;
}

export interface LiveSnapshot {
  connection: ConnectionStatus;
  data: LiveCalls;
}

/** The subset of the browser WebSocket the live socket uses, so tests can pass a fake. */
export interface WebSocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface LiveSocketOptions {
  clientId: string;
  /** Defaults to ws(s)://<this host>/ws/dashboard?client_id=<clientId>. */
  url?: string;
  createSocket?: (url: string) => WebSocketLike;
  random?: () => number;
  /** No frame at all for this long (pings come every 15 s) means the connection is dead. */
  deadAfterMs?: number;
  /** Browser connectivity; defaults to navigator.onLine and the online/offline events. */
  connectivity?: Connectivity | null;
  /**
   * A connection closed before it ever opened: the upgrade was refused (browsers hide the HTTP status,
   * e.g. 401 when the session expired) or the server is unreachable. Reconnecting goes on; the caller
   * can check whether the session is still alive.
   */
  onRefused?: () => void;
}

export interface Connectivity {
  isOnline(): boolean;
  subscribe(onChange: () => void): () => void;
}

export const DEAD_AFTER_MS = 40_000;
/** Closed by the server because this client could not keep up; a fresh snapshot fixes it. */
export const CLOSE_TOO_SLOW = 4008;
/** The tenant does not exist: retrying cannot help. */
export const CLOSE_UNKNOWN_TENANT = 4404;
/** Our own close code when we drop a connection to resync (browsers allow 4000–4999 for apps). */
const CLOSE_RESYNC = 4000;

export function dashboardSocketUrl(clientId: string, location: Pick<Location, "protocol" | "host"> = window.location): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/ws/dashboard?client_id=${encodeURIComponent(clientId)}`;
}

function browserConnectivity(): Connectivity | null {
  if (typeof window === "undefined" || typeof navigator === "undefined") return null;
  return {
    isOnline: () => navigator.onLine !== false,
    subscribe(onChange) {
      window.addEventListener("online", onChange);
      window.addEventListener("offline", onChange);
      return () => {
        window.removeEventListener("online", onChange);
        window.removeEventListener("offline", onChange);
      };
    },
  };
}

function describeClose(code: number, reason: string): string {
  if (code === CLOSE_TOO_SLOW) return "Server dropped a slow connection";
  if (code === 1006) return "Connection lost";
  if (reason) return reason;
  return `Connection closed (${code})`;
}

export class LiveSocket {
  private readonly url: string;
  private readonly createSocket: (url: string) => WebSocketLike;
  private readonly random: () => number;
  private readonly deadAfterMs: number;
  private readonly connectivity: Connectivity | null;
  private readonly listeners = new Set<() => void>();
  private snapshot: LiveSnapshot;
  private socket: WebSocketLike | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  private unsubscribeConnectivity: (() => void) | null = null;
  private running = false;
  /** The current socket opened (or sent something): its close is a drop, not a refusal. */
  private opened = false;
  private readonly onRefused: (() => void) | null;

  constructor(options: LiveSocketOptions) {
    this.url = options.url ?? dashboardSocketUrl(options.clientId);
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url) as unknown as WebSocketLike);
    this.random = options.random ?? Math.random;
    this.deadAfterMs = options.deadAfterMs ?? DEAD_AFTER_MS;
    this.connectivity = options.connectivity === undefined ? browserConnectivity() : options.connectivity;
    this.onRefused = options.onRefused ?? null;
    this.snapshot = {
      connection: { phase: "connecting", attempt: 0, retryAt: null, reason: null, resyncs: 0 },
      data: emptyLiveCalls(),
    };
  }

  readonly getSnapshot = (): LiveSnapshot => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribeConnectivity = this.connectivity?.subscribe(() => this.connectivityChanged()) ?? null;
    this.open();
  }

  /** Closes for good (tenant switched, page left); no reconnects after this. */
  stop(): void {
    this.running = false;
    this.unsubscribeConnectivity?.();
    this.unsubscribeConnectivity = null;
    this.clearTimers();
    this.discardSocket(1000, "dashboard closed");
  }

  /** "Retry now" from the connection indicator: skip the rest of the backoff wait. */
  retryNow(): void {
    if (!this.running || this.socket) return;
    this.clearTimers();
    this.open();
  }

  private open(): void {
    if (this.connectivity && !this.connectivity.isOnline()) {
      this.setConnection({ phase: "offline", retryAt: null, reason: "This browser is offline" });
      return;
    }
    const socket = this.createSocket(this.url);
    this.socket = socket;
    this.opened = false;
    const { attempt } = this.snapshot.connection;
    this.setConnection({ phase: attempt === 0 && !this.snapshot.data.hasSnapshot ? "connecting" : "reconnecting", retryAt: null });
    socket.onmessage = (event) => this.received(socket, event.data);
    socket.onclose = (event) => this.closed(socket, event.code, event.reason);
    // An error is always followed by a close event, which does the work.
    socket.onerror = () => undefined;
    socket.onopen = () => {
      if (socket === this.socket) this.opened = true;
    };
    // Also bounds a connection attempt that never completes.
    this.armWatchdog();
  }

  private received(socket: WebSocketLike, data: unknown): void {
    if (socket !== this.socket) return;
    this.opened = true;
    this.armWatchdog();
    const msg = parseServerMessage(data);
    if (!msg) return;
    const now = Date.now();
    if (msg.type === "ping") {
      socket.send(PONG);
      this.trackServerClock(msg.serverTime, now);
      return;
    }
    const next = applyLiveMessage(this.snapshot.data, msg, now);
    if (next === SEQUENCE_GAP) {
      this.drop("Missed an update; resyncing");
      return;
    }
    if (msg.type === "snapshot") {
      const first = this.snapshot.data.epoch === 0;
      this.snapshot = {
        data: next,
        connection: { phase: "live", attempt: 0, retryAt: null, reason: null, resyncs: this.snapshot.connection.resyncs + (first ? 0 : 1) },
      };
      this.emit();
      return;
    }
    if (next !== this.snapshot.data) {
      this.snapshot = { ...this.snapshot, data: next };
      this.emit();
    }
  }

  private closed(socket: WebSocketLike, code: number, reason: string): void {
    if (socket !== this.socket) return;
    this.socket = null;
    this.clearTimers();
    if (!this.running) return;
    if (code === CLOSE_UNKNOWN_TENANT) {
      this.setConnection({ phase: "offline", retryAt: null, reason: "This client does not exist on the server" });
      return;
    }
    const refused = !this.opened;
    this.scheduleReconnect(describeClose(code, reason));
    if (refused) this.onRefused?.();
  }

  /** Gives up on the current connection (gap or silence) and reconnects for a fresh snapshot. */
  private drop(reason: string): void {
    this.discardSocket(CLOSE_RESYNC, reason);
    this.clearTimers();
    this.scheduleReconnect(reason);
  }

  private scheduleReconnect(reason: string): void {
    const attempt = this.snapshot.connection.attempt + 1;
    this.snapshot = { ...this.snapshot, data: dropTransient(this.snapshot.data) };
    if (this.connectivity && !this.connectivity.isOnline()) {
      this.setConnection({ phase: "offline", attempt, retryAt: null, reason: "This browser is offline" });
      return;
    }
    const delay = reconnectDelay(attempt, this.random);
    this.setConnection({ phase: "reconnecting", attempt, retryAt: Date.now() + delay, reason });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.running) this.open();
    }, delay);
  }

  private connectivityChanged(): void {
    if (!this.running || !this.connectivity) return;
    if (this.connectivity.isOnline()) {
      if (!this.socket) {
        this.clearTimers();
        this.open();
      }
    } else {
      // Nothing can arrive while offline; stop pretending and wait for the online event.
      this.discardSocket(1000, "browser offline");
      this.clearTimers();
      this.snapshot = { ...this.snapshot, data: dropTransient(this.snapshot.data) };
      this.setConnection({ phase: "offline", retryAt: null, reason: "This browser is offline" });
    }
  }

  private armWatchdog(): void {
    if (this.watchdog !== null) clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => {
      this.watchdog = null;
      this.drop(`No data for ${Math.round(this.deadAfterMs / 1000)} s`);
    }, this.deadAfterMs);
  }

  private trackServerClock(serverTime: string, now: number): void {
    const server = parseServerTime(serverTime);
    if (server === null) return;
    const offset = server - now;
    // Ignore network jitter; only a real clock difference is worth a re-render.
    if (Math.abs(offset - this.snapshot.data.clockOffsetMs) < 1000) return;
    this.snapshot = { ...this.snapshot, data: { ...this.snapshot.data, clockOffsetMs: offset } };
    this.emit();
  }

  private discardSocket(code: number, reason: string): void {
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = null;
    socket.onopen = null;
    try {
      socket.close(code, reason.slice(0, 120));
    } catch {
      // Already closing; nothing to do.
    }
  }

  private clearTimers(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    if (this.watchdog !== null) clearTimeout(this.watchdog);
    this.retryTimer = null;
    this.watchdog = null;
  }

  private setConnection(patch: Partial<ConnectionStatus>): void {
    this.snapshot = { ...this.snapshot, connection: { ...this.snapshot.connection, ...patch } };
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
