import type { ListenClient } from "@/lib/listen/listen-client";

/**
 * The one listen session of this browser tab. Starting another (another call, a retry) stops the
 * previous one first, so two streams never play over each other; leaving the page stops it too.
 */

export interface ActiveListen {
  /** "<client>/<call>": which call the session belongs to. */
  key: string;
  client: ListenClient;
}

let current: ActiveListen | null = null;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

export const listenSessions = {
  get: (): ActiveListen | null => current,

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  start(key: string, client: ListenClient): void {
    current?.client.stop();
    current = { key, client };
    client.start();
    emit();
  },

  /** Stops the session if it is still this one (a later session may have replaced it). */
  stop(client: ListenClient): void {
    client.stop();
    if (current?.client !== client) return;
    current = null;
    emit();
  },

  stopAll(): void {
    if (!current) return;
    current.client.stop();
    current = null;
    emit();
  },
};

if (typeof window !== "undefined") {
  window.addEventListener("pagehide", () => listenSessions.stopAll());
}

export const listenKey = (clientId: string, callId: string) => `${clientId}/${callId}`;
