import { QueryClient } from "@tanstack/react-query";
import { act, render } from "@testing-library/react";
import type { ReactElement } from "react";
import { AppProviders } from "@/app/AppProviders";
import type { Session } from "@/features/auth/api/auth";
import type { CallDetail, CallView } from "@/lib/api-types";
import { LiveSocket } from "@/lib/live/live-socket";
import { LiveProvider } from "@/features/live/components/LiveProvider";
import { FakeWebSocket } from "./fake-websocket";

export const TEST_CSRF = "csrf-test-token";

/**
 * A signed-in session: by default an admin of demo-client (sees everything). `role` makes them that
 * role in `tenants` (default demo-client and acme-agency); `agencyAdmin` makes them an agency admin.
 */
export function testSession(options: { role?: string; email?: string; tenants?: string[]; agencyAdmin?: boolean } = {}): Session {
  const { role = "admin", email = "ann@example.com", tenants = ["demo-client", "acme-agency"], agencyAdmin = false } = options;
  return { user: { id: 1, email, agencyAdmin }, memberships: tenants.map((tenantId) => ({ tenantId, role })), csrfToken: TEST_CSRF };
}

/** The auth routes of a signed-in browser, for stubApi: `stubApi({ ...signedIn(), "/api/tenants": … })`. */
export function signedIn(session: Session = testSession()): Record<string, StubRoute> {
  return { "/api/auth/me": session };
}

/** The auth routes of a signed-out browser. */
export function signedOut(): Record<string, StubRoute> {
  return { "/api/auth/me": [401, { error: { code: "not_signed_in", message: "Sign in first: POST /api/auth/login", requestId: "r-me" } }] };
}

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

/**
 * Renders inside the app's providers, signed in (`session`, default: testSession(), an admin), with a
 * live socket on a fake server (not yet sent anything).
 */
export function renderLive(ui: ReactElement, options: { clientId?: string; queryClient?: QueryClient; session?: Session } = {}) {
  const socket = fakeLiveSocket(options.clientId);
  const queryClient = options.queryClient ?? testQueryClient();
  const result = render(
    <AppProviders queryClient={queryClient} session={options.session ?? testSession()}>
      <LiveProvider clientId={options.clientId ?? "demo-client"} socket={socket}>
        {ui}
      </LiveProvider>
    </AppProviders>,
  );
  return { ...result, socket, queryClient };
}

/**
 * A route's answer: a body (status 200), [status, body], [status, body, headers], or a function of the
 * request returning one of those.
 */
export type StubRoute = unknown | [number, unknown] | [number, unknown, Record<string, string>] | ((request: { method: string; body: unknown; init: RequestInit | undefined }) => unknown);

function isAnswer(route: unknown): route is [number, unknown] | [number, unknown, Record<string, string>] {
  return Array.isArray(route) && typeof route[0] === "number" && (route.length === 2 || (route.length === 3 && typeof route[2] === "object" && route[2] !== null && !Array.isArray(route[2])));
}

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
    const [status, body, headers = {}] = isAnswer(route) ? route : [200, route];
    if (status === 204) return new Response(null, { status, headers });
    return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

/** The header a request was sent with (null when absent). */
export function requestHeader(init: RequestInit | undefined, name: string): string | null {
  return new Headers(init?.headers).get(name);
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
