import type { WebSocketLike } from "@/lib/live/live-socket";

/** A WebSocket stand-in that records what the client sends and lets a test play the server. */
export class FakeWebSocket implements WebSocketLike {
  static instances: FakeWebSocket[] = [];

  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly sent: string[] = [];
  binaryType = "blob";
  closedWith: { code?: number; reason?: string } | null = null;
  readonly url: string;

  constructor(url: string) {
    this.url = url;
    FakeWebSocket.instances.push(this);
  }

  static reset(): void {
    FakeWebSocket.instances = [];
  }

  static latest(): FakeWebSocket {
    const socket = FakeWebSocket.instances.at(-1);
    if (!socket) throw new Error("no socket was opened");
    return socket;
  }

  send(data: string): void {
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
  }

  /** Server side: deliver one JSON message. */
  serverSends(message: object): void {
    this.onopen?.({});
    this.onmessage?.({ data: JSON.stringify(message) });
  }

  /** Server side: the upgrade succeeded. */
  serverOpens(): void {
    this.onopen?.({});
  }

  /** Server side: one text frame, as is. */
  serverSendsText(text: string): void {
    this.onmessage?.({ data: text });
  }

  /** Server side: one binary frame (delivered as an ArrayBuffer, as with binaryType "arraybuffer"). */
  serverSendsBinary(data: ArrayBuffer): void {
    this.onmessage?.({ data });
  }

  /** Server side: the connection goes away. */
  serverCloses(code = 1006, reason = ""): void {
    this.onclose?.({ code, reason });
  }
}
