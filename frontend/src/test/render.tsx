import { QueryClient } from "@tanstack/react-query";
import { act, render } from "@testing-library/react";
import type { ReactElement } from "react";
import { AppProviders } from "@/app/AppProviders";
import type { CallDetail, CallView } from "@/lib/api-types";
import { LiveSocket } from "@/lib/live/live-socket";
import { LiveProvider } from "@/features/live/components/LiveProvider";
import { FakeWebSocket } from "./fake-websocket";

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
}

/** A LiveSocket on a fake WebSocket, so a test can play the server. */
export function fakeLiveSocket(clientId = "demo-client"): LiveSocket {
  return new LiveSocket({ clientId, url: `ws://test/ws/dashboard?client_id=${clientId}`, createSocket: (url) => new FakeWebSocket(url), connectivity: null, random: () => 1 });
}

let seq = 0;

/** Server side: sends a message with the next sequence number (a snapshot restarts the count). */
export function serverSends(message: Record<string, unknown>): void {
  if (message.type === "snapshot") seq = 0;
  else seq += 1;
  // The dashboard socket (a listen socket may have opened since).
  const dashboard = FakeWebSocket.instances.filter((s) => s.url.includes("/ws/dashboard")).at(-1) ?? FakeWebSocket.latest();
  act(() => dashboard.serverSends({ clientId: "demo-client", seq, ...message }));
}

export function sendSnapshot(calls: CallView[], serverTime = new Date().toISOString().replace("Z", "")): void {
  serverSends({ type: "snapshot", serverTime, calls });
}

/** Renders inside the app's providers with a live socket on a fake server (not yet sent anything). */
export function renderLive(ui: ReactElement, options: { clientId?: string; queryClient?: QueryClient } = {}) {
  const socket = fakeLiveSocket(options.clientId);
  const queryClient = options.queryClient ?? testQueryClient();
  const result = render(
    <AppProviders queryClient={queryClient}>
      <LiveProvider clientId={options.clientId ?? "demo-client"} socket={socket}>
        {ui}
      </LiveProvider>
    </AppProviders>,
  );
  return { ...result, socket, queryClient };
}

/** A route's answer: a body (status 200), [status, body], or a function of the request returning either. */
export type StubRoute = unknown | [number, unknown] | ((request: { method: string; body: unknown; init: RequestInit | undefined }) => unknown);

/**
 * Stubs fetch: each path answers with the given body (status 200) or [status, body]; a function route
 * sees the method and parsed JSON body. Status 204 answers without a body.
 */
export function stubApi(routes: Record<string, StubRoute>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = typeof input === "string" ? input : input instanceof URL ? input.pathname : input.url;
    let route = routes[path];
    if (typeof route === "function") {
      const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
      route = (route as (r: { method: string; body: unknown; init: RequestInit | undefined }) => unknown)({ method: init?.method ?? "GET", body, init });
    }
    if (route === undefined) return new Response(JSON.stringify({ error: { code: "not_found", message: `no stub for ${path}`, requestId: "test" } }), { status: 404 });
    const [status, body] = Array.isArray(route) && typeof route[0] === "number" && route.length === 2 ? (route as [number, unknown]) : [200, route];
    if (status === 204) return new Response(null, { status });
    return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

/** The requests a stubbed fetch received other than GETs: [method, path, parsed body]. */
export function sentRequests(fetchMock: ReturnType<typeof stubApi>): Array<[string, string, unknown]> {
  return fetchMock.mock.calls
    .filter(([, init]) => init?.method && init.method !== "GET")
    .map(([input, init]) => [init!.method!, String(input), typeof init!.body === "string" ? JSON.parse(init!.body) : undefined]);
}

export function detailPath(callId: string, clientId = "demo-client"): string {
  return `/api/${clientId}/calls/${callId}`;
}

export type { CallDetail };
