import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Session } from "@/features/auth/api/auth";
import { FakeWebSocket } from "@/test/fake-websocket";
import { makeCall, makeDetail } from "@/test/fixtures";
import { detailPath, requestHeader, sendSnapshot, signedIn, signedOut, stubApi, TEST_CSRF, testQueryClient, testSession, type StubRoute } from "@/test/render";
import { App } from "./App";
import { AppProviders } from "./AppProviders";

const NOT_SIGNED_IN = [401, { error: { code: "not_signed_in", message: "Sign in first: POST /api/auth/login", requestId: "r0" } }];
const WRONG = [401, { error: { code: "invalid_credentials", message: "The email or password is wrong.", requestId: "r1" } }];

const TENANTS = [
  { id: "acme-agency", name: "Acme Agency", role: "supervisor" },
  { id: "demo-client", name: "Demo Client", role: "supervisor" },
];

const DEMO_USERS = [
  { email: "admin@demo.switchboard", password: "demo-admin-pw", role: "agency admin", tenantId: null, description: "Every client, users and settings" },
  { email: "viewer@demo.switchboard", password: "demo-viewer-pw", role: "viewer", tenantId: "demo-client", description: "Reads only" },
];

function renderApp(url = "/") {
  window.history.replaceState(null, "", url);
  vi.stubGlobal("WebSocket", FakeWebSocket);
  return render(
    <AppProviders queryClient={testQueryClient()}>
      <App />
    </AppProviders>,
  );
}

/**
 * A signed-out browser in front of a server that knows one account (ann@example.com / right-password)
 * and keeps the session across requests, as the cookie would.
 */
function fakeServer(routes: Record<string, StubRoute> = {}, session: Session = testSession({ role: "supervisor" })) {
  let current: Session | null = null;
  const fetchMock = stubApi({
    "/api/auth/me": () => current ?? NOT_SIGNED_IN,
    "/api/auth/login": ({ body }: { body: { email: string; password: string } }) => {
      if (body.email !== "ann@example.com" || body.password !== "right-password") return WRONG;
      current = session;
      return session;
    },
    "/api/auth/logout": () => {
      current = null;
      return [204, null];
    },
    "/api/tenants": () => (current ? TENANTS : NOT_SIGNED_IN),
    ...routes,
  });
  return { fetchMock, expire: () => (current = null) };
}

const search = () => new URLSearchParams(window.location.search);

async function signIn(user: ReturnType<typeof userEvent.setup>, password = "right-password") {
  await user.type(await screen.findByTestId("login-email"), "ann@example.com");
  await user.type(screen.getByTestId("login-password"), password);
  await user.click(screen.getByTestId("login-submit"));
}

describe("signing in", () => {
  test("while the server says who is signed in, a spinner — not the sign-in screen", async () => {
    let answer: (r: Response) => void = () => {};
    vi.stubGlobal("fetch", vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))));
    renderApp();
    expect(screen.getByTestId("boot")).toBeInTheDocument();
    expect(screen.queryByTestId("login-form")).not.toBeInTheDocument();
    await act(async () => answer(new Response(JSON.stringify(NOT_SIGNED_IN[1]), { status: 401 })));
    expect(await screen.findByTestId("login-form")).toBeInTheDocument();
  });

  test("signed out: the sign-in screen, email focused, and nothing else is loaded", async () => {
    const { fetchMock } = fakeServer();
    renderApp("/?client=demo-client");
    expect(await screen.findByTestId("login-form")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Switchboard" })).toBeInTheDocument();
    expect(screen.getByTestId("login-email")).toHaveFocus();
    expect(screen.getByLabelText("Email")).toBe(screen.getByTestId("login-email"));
    expect(screen.getByLabelText("Password")).toBe(screen.getByTestId("login-password"));
    expect(fetchMock.mock.calls.map(([path]) => path)).not.toContain("/api/tenants");
    expect(FakeWebSocket.instances).toHaveLength(0);
    expect(document.title).toBe("Sign in · Switchboard");
  });

  test("a successful sign-in (Enter submits) opens the board of the first client, with the user in the header", async () => {
    const user = userEvent.setup();
    const { fetchMock } = fakeServer();
    renderApp();
    await user.type(await screen.findByTestId("login-email"), "ann@example.com");
    await user.type(screen.getByTestId("login-password"), "right-password{Enter}");

    await waitFor(() => expect(search().get("client")).toBe("acme-agency"));
    expect(await screen.findByTestId("tenant-picker")).toHaveValue("acme-agency");
    expect(screen.getByTestId("user-menu")).toHaveTextContent("ann@example.com");
    expect(screen.getByTestId("user-menu")).toHaveTextContent("Supervisor");
    expect(screen.queryByTestId("login-form")).not.toBeInTheDocument();
    const login = fetchMock.mock.calls.find(([path]) => path === "/api/auth/login");
    expect(login?.[1]?.method).toBe("POST");
    expect(JSON.parse(String(login?.[1]?.body))).toEqual({ email: "ann@example.com", password: "right-password" });
    expect(FakeWebSocket.latest().url).toContain("client_id=acme-agency");
  });

  test("the button shows that it is signing in", async () => {
    const user = userEvent.setup();
    let answer: (r: Response) => void = () => {};
    const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
      if (String(input) === "/api/auth/login") return new Promise<Response>((resolve) => (answer = resolve));
      return new Response(JSON.stringify(NOT_SIGNED_IN[1]), { status: 401 });
    });
    vi.stubGlobal("fetch", fetchMock);
    renderApp();
    await signIn(user);
    expect(screen.getByTestId("login-submit")).toHaveTextContent("Signing in…");
    await user.click(screen.getByTestId("login-submit"));
    expect(fetchMock.mock.calls.filter(([p]) => p === "/api/auth/login")).toHaveLength(1);
    await act(async () => answer(new Response(JSON.stringify(WRONG[1]), { status: 401 })));
    expect(await screen.findByTestId("login-error")).toBeInTheDocument();
    expect(screen.getByTestId("login-submit")).toHaveTextContent("Sign in");
  });

  test("a wrong password shows the server's message, keeps the email, clears and focuses the password", async () => {
    const user = userEvent.setup();
    fakeServer();
    renderApp();
    await signIn(user, "wrong-password");
    expect(await screen.findByTestId("login-error")).toHaveTextContent("The email or password is wrong.");
    expect(screen.getByTestId("login-email")).toHaveValue("ann@example.com");
    expect(screen.getByTestId("login-password")).toHaveValue("");
    expect(screen.getByTestId("login-password")).toHaveFocus();
    expect(screen.getByTestId("login-form")).toBeInTheDocument();
  });

  test("empty fields are caught before anything is sent", async () => {
    const user = userEvent.setup();
    const { fetchMock } = fakeServer();
    renderApp();
    await user.click(await screen.findByTestId("login-submit"));
    expect(screen.getByTestId("login-error")).toHaveTextContent("Enter your email address.");
    await user.type(screen.getByTestId("login-email"), "ann@example.com{Enter}");
    expect(screen.getByTestId("login-error")).toHaveTextContent("Enter your password.");
    expect(screen.getByTestId("login-password")).toHaveFocus();
    expect(fetchMock.mock.calls.map(([p]) => p)).not.toContain("/api/auth/login");
  });

  test("throttled (429): says how long to wait and does not let the form be sent meanwhile", async () => {
    const user = userEvent.setup();
    fakeServer({
      "/api/auth/login": [429, { error: { code: "too_many_attempts", message: "Too many failed sign-ins. Try again in 2 minute(s).", requestId: "r2" } }, { "Retry-After": "90" }],
    });
    renderApp();
    await signIn(user);
    const error = await screen.findByTestId("login-error");
    expect(error).toHaveTextContent("Too many failed sign-ins.");
    expect(error).toHaveTextContent(/Try again in 1 min (30|29) s/);
    expect(screen.getByTestId("login-submit")).toBeDisabled();
  });

  test("a server that cannot be reached says so", async () => {
    const user = userEvent.setup();
    fakeServer();
    renderApp();
    await screen.findByTestId("login-form");
    vi.stubGlobal("fetch", vi.fn(() => Promise.reject(new TypeError("Failed to fetch"))));
    await signIn(user);
    expect(await screen.findByTestId("login-error")).toHaveTextContent("Could not reach Switchboard. Check your connection.");
  });
});

describe("demo accounts", () => {
  test("in demo mode the sign-in screen lists them; choosing one fills the form", async () => {
    const user = userEvent.setup();
    fakeServer({ "/api/auth/demo-users": DEMO_USERS });
    renderApp();
    const table = await screen.findByTestId("demo-users");
    const rows = within(table).getAllByTestId("demo-user");
    expect(rows.map((r) => r.dataset.email)).toEqual(["admin@demo.switchboard", "viewer@demo.switchboard"]);
    expect(rows[1]).toHaveTextContent("viewer");
    expect(rows[1]).toHaveTextContent("Reads only");

    await user.click(rows[1]!);
    expect(screen.getByTestId("login-email")).toHaveValue("viewer@demo.switchboard");
    expect(screen.getByTestId("login-password")).toHaveValue("demo-viewer-pw");
    expect(screen.getByTestId("login-submit")).toHaveFocus();
  });

  test("outside demo mode (404) there is no table", async () => {
    fakeServer({ "/api/auth/demo-users": [404, { error: { code: "not_found", message: "There are demo users only in demo mode", requestId: "r" } }] });
    renderApp();
    await screen.findByTestId("login-form");
    await waitFor(() => expect(screen.queryByTestId("demo-users")).not.toBeInTheDocument());
  });
});

describe("the session", () => {
  test("a request answered 401 (session expired) goes back to sign-in, keeping the URL; signing in returns to the same view", async () => {
    const user = userEvent.setup();
    const call = makeCall({ id: "c1" });
    const server = fakeServer({ [detailPath("c1")]: makeDetail({ call }) });
    renderApp("/?client=demo-client");
    await signIn(user);
    await waitFor(() => expect(FakeWebSocket.instances.length).toBeGreaterThan(0));
    sendSnapshot([call]);

    // The session runs out on the server; the next request (opening a call) answers 401.
    server.expire();
    const { fetchMock } = fakeServer({ [detailPath("c1")]: NOT_SIGNED_IN });
    await user.click(screen.getByTestId("call-row"));
    expect(await screen.findByTestId("login-form")).toBeInTheDocument();
    expect(fetchMock.mock.calls.map(([p]) => p)).toContain(detailPath("c1"));
    expect(screen.getByTestId("login-notice")).toHaveTextContent("Your session has ended");
    expect(search().get("client")).toBe("demo-client");
    expect(search().get("call")).toBe("c1");

    fakeServer({ [detailPath("c1")]: makeDetail({ call }) });
    const socketsBefore = FakeWebSocket.instances.length;
    await signIn(user);
    expect(await screen.findByTestId("call-detail")).toBeInTheDocument();
    await waitFor(() => expect(FakeWebSocket.instances.length).toBeGreaterThan(socketsBefore));
    sendSnapshot([call]);
    expect(await screen.findByTestId("detail-status")).toBeInTheDocument();
    expect(search().get("call")).toBe("c1");
  });

  test("sign out posts /api/auth/logout with the CSRF token and shows the sign-in screen", async () => {
    const user = userEvent.setup();
    const { fetchMock } = fakeServer();
    renderApp("/?client=demo-client&call=c9");
    await signIn(user);
    await user.click(await screen.findByTestId("sign-out"));

    expect(await screen.findByTestId("login-form")).toBeInTheDocument();
    expect(screen.getByTestId("login-notice")).toHaveTextContent("You have signed out.");
    const logout = fetchMock.mock.calls.find(([path]) => path === "/api/auth/logout");
    expect(logout?.[1]?.method).toBe("POST");
    expect(requestHeader(logout?.[1], "X-CSRF-Token")).toBe(TEST_CSRF);
    expect(window.location.search).toBe("");
  });

  test("a sign-out the server never got keeps the session and says so", async () => {
    const user = userEvent.setup();
    stubApi({ ...signedIn(), "/api/tenants": TENANTS, "/api/auth/logout": [503, { error: { code: "unavailable", message: "Switchboard is restarting", requestId: "r" } }] });
    renderApp();
    await user.click(await screen.findByTestId("sign-out"));
    expect(await screen.findByRole("alert")).toHaveTextContent("Couldn't sign out");
    expect(screen.getByTestId("user-menu")).toBeInTheDocument();
  });

  test("a dashboard socket refused before it opens checks the session, and a lost one goes to sign-in", async () => {
    stubApi({ ...signedIn(), "/api/tenants": TENANTS });
    renderApp("/?client=demo-client");
    await waitFor(() => expect(FakeWebSocket.instances.length).toBeGreaterThan(0));
    stubApi({ "/api/auth/me": NOT_SIGNED_IN });
    act(() => FakeWebSocket.latest().serverCloses(1006));
    expect(await screen.findByTestId("login-form")).toBeInTheDocument();
    expect(screen.getByTestId("login-notice")).toHaveTextContent("Your session has ended");
  });

  test("the server down at boot: says so and offers to retry", async () => {
    const user = userEvent.setup();
    stubApi({ "/api/auth/me": [503, { error: { code: "unavailable", message: "Switchboard is starting up", requestId: "r" } }] });
    renderApp();
    expect(await screen.findByTestId("boot-error")).toHaveTextContent("Couldn't reach Switchboard");
    stubApi(signedOut());
    await user.click(screen.getByRole("button", { name: "Try again now" }));
    expect(await screen.findByTestId("login-form")).toBeInTheDocument();
  });
});

describe("what each role sees", () => {
  const live = makeCall({ id: "c1", status: "in-progress", controllable: true, listenUrl: "/ws/listen/c1?client_id=demo-client" });

  function signedInAs(role: string, extra: Record<string, StubRoute> = {}) {
    return stubApi({
      ...signedIn(testSession({ role })),
      "/api/tenants": [{ id: "demo-client", name: "Demo Client", role }],
      [detailPath("c1")]: makeDetail({ call: live }),
      "/api/demo-client/transfer-targets": [{ id: 1, name: "Front desk", number: "+14155550100", sipUri: null }],
      ...extra,
    });
  }

  async function openCall() {
    renderApp("/?client=demo-client&call=c1");
    await waitFor(() => expect(FakeWebSocket.instances.length).toBeGreaterThan(0));
    sendSnapshot([live]);
    await screen.findByTestId("detail-status");
  }

  async function openTargets(user: ReturnType<typeof userEvent.setup>) {
    await user.click(screen.getByTestId("nav-admin"));
    await user.click(await screen.findByTestId("nav-targets"));
    await screen.findByText("Front desk");
  }

  test("a viewer: no Listen, no actions, transfer targets read-only", async () => {
    const user = userEvent.setup();
    signedInAs("viewer");
    await openCall();
    expect(screen.getByTestId("user-menu")).toHaveTextContent("Viewer");
    for (const id of ["listen-button", "action-say", "action-whisper", "action-mute", "action-transfer", "action-end"]) expect(screen.queryByTestId(id)).not.toBeInTheDocument();
    await openTargets(user);
    expect(screen.queryByTestId("target-form")).not.toBeInTheDocument();
    expect(screen.queryByTestId("target-delete")).not.toBeInTheDocument();
  });

  test("a supervisor: Listen and every action, transfer targets read-only", async () => {
    const user = userEvent.setup();
    signedInAs("supervisor");
    await openCall();
    for (const id of ["listen-button", "action-say", "action-whisper", "action-mute", "action-transfer", "action-end"]) expect(screen.getByTestId(id)).toBeInTheDocument();
    await openTargets(user);
    expect(screen.queryByTestId("target-form")).not.toBeInTheDocument();
  });

  test("an admin: everything, including adding and deleting transfer targets", async () => {
    const user = userEvent.setup();
    signedInAs("admin");
    await openCall();
    for (const id of ["listen-button", "action-end"]) expect(screen.getByTestId(id)).toBeInTheDocument();
    await openTargets(user);
    expect(screen.getByTestId("target-form")).toBeInTheDocument();
    expect(screen.getByTestId("target-delete")).toBeInTheDocument();
  });

  test("no clients: says to ask an agency admin", async () => {
    stubApi({ ...signedIn(testSession({ role: "viewer", tenants: [] })), "/api/tenants": [] });
    renderApp();
    expect(await screen.findByTestId("no-tenants")).toHaveTextContent("You have no clients yet — ask an agency admin to add you.");
    expect(FakeWebSocket.instances).toHaveLength(0);
  });
});
