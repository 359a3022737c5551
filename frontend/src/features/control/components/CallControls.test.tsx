import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { CallAction, CallView } from "@/lib/api-types";
import { CallDetailPanel } from "@/features/calls/components/detail/CallDetailPanel";
import { AudioSinkFactoryContext } from "@/features/listen/sink-factory";
import { FakeAudioSink } from "@/test/fake-audio-sink";
import { makeCall, makeDetail } from "@/test/fixtures";
import type { Session } from "@/features/auth/api/auth";
import { detailPath, renderLive, requestHeader, sendSnapshot, sentRequests, serverSends, signedIn, stubApi, TEST_CSRF, testSession, type StubRoute } from "@/test/render";

const TARGETS = [
  { id: 12, name: "Front desk", number: "+14155550100", sipUri: null },
  { id: 13, name: "Escalations queue", number: null, sipUri: "sip:escalations@pbx.example.com" },
];

const live = makeCall({ id: "c1", status: "in-progress", controllable: true, listenUrl: "/ws/listen/c1?client_id=demo-client", version: 3 });
const action = (kind: string, overrides: Partial<CallAction> = {}): CallAction => ({
  id: 100,
  action: kind,
  actor: "Supervisor",
  clientAddress: "127.0.0.1",
  parameters: {},
  outcome: "ok",
  detail: null,
  providerStatus: 200,
  latencyMs: 42,
  at: "2025-12-10T07:06:00.000000",
  endedAt: null,
  ...overrides,
});

function renderCall(call: CallView = live, routes: Record<string, StubRoute> = {}, actions: CallAction[] = [], onClose = () => {}, session: Session = testSession()) {
  const fetchMock = stubApi({
    ...signedIn(session),
    [detailPath(call.id)]: makeDetail({ call, actions }),
    "/api/demo-client/transfer-targets": TARGETS,
    ...routes,
  });
  const result = renderLive(
    <AudioSinkFactoryContext.Provider value={() => new FakeAudioSink()}>
      <CallDetailPanel clientId="demo-client" callId={call.id} onClose={onClose} />
    </AudioSinkFactoryContext.Provider>,
    { session },
  );
  sendSnapshot([call]);
  return { ...result, fetchMock };
}

const ok = (kind: string) => () => ({ action: action(kind) });
const controlPath = (kind: string) => `/api/demo-client/calls/c1/${kind}`;
const CONTROL_IDS = ["action-transfer", "action-end", "action-say", "action-whisper", "action-mute"];

describe("call controls: what is offered", () => {
  test("a live controllable call with audio offers Listen and every action", async () => {
    renderCall();
    await screen.findByTestId("call-controls");
    for (const id of ["listen-button", ...CONTROL_IDS]) expect(screen.getByTestId(id)).toBeInTheDocument();
  });

  test("buttons are hidden for an ended call", async () => {
    renderCall(makeCall({ id: "c1", status: "ended", controllable: false, listenUrl: null, endedReason: "customer-ended-call" }));
    await screen.findByTestId("detail-status");
    expect(screen.queryByTestId("call-controls")).not.toBeInTheDocument();
    for (const id of ["listen-button", ...CONTROL_IDS]) expect(screen.queryByTestId(id)).not.toBeInTheDocument();
  });

  test("a call without a control URL offers Listen only", async () => {
    renderCall({ ...live, controllable: false });
    await screen.findByTestId("listen-button");
    for (const id of CONTROL_IDS) expect(screen.queryByTestId(id)).not.toBeInTheDocument();
  });

  test("a call without audio has no Listen button but keeps its controls", async () => {
    renderCall({ ...live, listenUrl: null });
    await screen.findByTestId("action-end");
    expect(screen.queryByTestId("listen-button")).not.toBeInTheDocument();
  });

  test("the controls disappear when the live stream says the call ended", async () => {
    renderCall();
    await screen.findByTestId("action-end");
    serverSends({ type: "call-upsert", call: { ...live, status: "ended", controllable: false, listenUrl: null, version: 9 } });
    expect(screen.queryByTestId("action-end")).not.toBeInTheDocument();
  });
});

describe("call controls: what each role is offered", () => {
  test("a viewer sees the call but no Listen button and no actions", async () => {
    renderCall(live, {}, [], () => {}, testSession({ role: "viewer" }));
    await screen.findByTestId("detail-status");
    expect(screen.queryByTestId("call-controls")).not.toBeInTheDocument();
    for (const id of ["listen-button", ...CONTROL_IDS]) expect(screen.queryByTestId(id)).not.toBeInTheDocument();
  });

  test("a supervisor may listen and act", async () => {
    renderCall(live, {}, [], () => {}, testSession({ role: "supervisor" }));
    await screen.findByTestId("call-controls");
    for (const id of ["listen-button", ...CONTROL_IDS]) expect(screen.getByTestId(id)).toBeInTheDocument();
  });

  test("an agency admin may do everything in any client, member or not", async () => {
    renderCall(live, {}, [], () => {}, testSession({ agencyAdmin: true, tenants: [] }));
    await screen.findByTestId("call-controls");
    for (const id of ["listen-button", ...CONTROL_IDS]) expect(screen.getByTestId(id)).toBeInTheDocument();
  });

  test("someone without a role in this client is offered nothing", async () => {
    renderCall(live, {}, [], () => {}, testSession({ role: "admin", tenants: ["acme-agency"] }));
    await screen.findByTestId("detail-status");
    expect(screen.queryByTestId("call-controls")).not.toBeInTheDocument();
  });
});

describe("call controls: the session", () => {
  test("every action carries the session's CSRF token", async () => {
    const user = userEvent.setup();
    const { fetchMock } = renderCall(live, { [controlPath("say")]: ok("say") });
    await user.click(await screen.findByTestId("action-say"));
    await user.type(screen.getByTestId("say-text"), "One moment please.");
    await user.click(screen.getByTestId("confirm-action"));
    await screen.findByText("Sent to the assistant");
    const post = fetchMock.mock.calls.find(([path, init]) => path === controlPath("say") && init?.method === "POST");
    expect(requestHeader(post?.[1], "X-CSRF-Token")).toBe(TEST_CSRF);
    // Reads do not need it.
    const get = fetchMock.mock.calls.find(([path]) => path === detailPath("c1"));
    expect(requestHeader(get?.[1], "X-CSRF-Token")).toBeNull();
  });

  test("a stale CSRF token (403 csrf_failed) is refreshed from /api/auth/me and the action retried once", async () => {
    const user = userEvent.setup();
    const tokens: (string | null)[] = [];
    const fresh = { ...testSession(), csrfToken: "fresh-token" };
    const { fetchMock } = renderCall(live, {
      "/api/auth/me": fresh,
      [controlPath("end")]: ({ init }: { init: RequestInit | undefined }) => {
        const token = requestHeader(init, "X-CSRF-Token");
        tokens.push(token);
        return token === "fresh-token" ? { action: action("end") } : [403, { error: { code: "csrf_failed", message: "Missing or wrong X-CSRF-Token header", requestId: "r" } }];
      },
    });
    await user.click(await screen.findByTestId("action-end"));
    await user.click(screen.getByTestId("confirm-action"));
    expect(await screen.findByText("Ending the call")).toBeInTheDocument();
    expect(tokens).toEqual([TEST_CSRF, "fresh-token"]);
    expect(sentRequests(fetchMock)).toHaveLength(2);
  });

  test("403 forbidden (the role changed meanwhile) says so instead of failing silently", async () => {
    const user = userEvent.setup();
    renderCall(live, { [controlPath("end")]: [403, { error: { code: "forbidden", message: "Supervisors and admins only", requestId: "r7" } }] });
    await user.click(await screen.findByTestId("action-end"));
    await user.click(screen.getByTestId("confirm-action"));
    const alert = await screen.findByTestId("action-error");
    expect(alert).toHaveTextContent("Your role doesn't allow this");
    expect(alert).toHaveTextContent("Ask an admin of this client");
  });
});

describe("call controls: end call", () => {
  test("asks for confirmation and sends nothing when cancelled", async () => {
    const user = userEvent.setup();
    const { fetchMock } = renderCall(live, { [controlPath("end")]: ok("end") });
    await user.click(await screen.findByTestId("action-end"));
    const dialog = screen.getByRole("dialog", { name: "End this call?" });
    expect(dialog).toHaveTextContent("can't be undone");
    await user.click(within(dialog).getByRole("button", { name: "Keep the call" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(sentRequests(fetchMock)).toEqual([]);
  });

  test("confirming posts /end (no actor: the server records the signed-in user), toasts, refetches the detail, and leaves the status to the live stream", async () => {
    const user = userEvent.setup();
    const { fetchMock } = renderCall(live, { [controlPath("end")]: ok("end") });
    await user.click(await screen.findByTestId("action-end"));
    const detailFetches = fetchMock.mock.calls.filter(([p]) => p === detailPath("c1")).length;
    await user.click(screen.getByTestId("confirm-action"));

    expect(await screen.findByText("Ending the call")).toBeInTheDocument();
    expect(sentRequests(fetchMock)).toEqual([["POST", controlPath("end"), {}]]);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    await waitFor(() => expect(fetchMock.mock.calls.filter(([p]) => p === detailPath("c1")).length).toBeGreaterThan(detailFetches));
    expect(screen.getByTestId("detail-status")).toHaveAttribute("data-status", "in-progress");
  });

  test("shows the API's error in the dialog: 409 call_not_live", async () => {
    const user = userEvent.setup();
    renderCall(live, {
      [controlPath("end")]: [409, { error: { code: "call_not_live", message: "Call c1 has ended", requestId: "req-9" } }],
    });
    await user.click(await screen.findByTestId("action-end"));
    await user.click(screen.getByTestId("confirm-action"));
    const alert = await screen.findByTestId("action-error");
    expect(alert).toHaveAttribute("data-code", "call_not_live");
    expect(alert).toHaveTextContent("The call is no longer live");
    expect(alert).toHaveTextContent("Call c1 has ended");
    expect(alert).toHaveTextContent("Request ID req-9");
    expect(screen.getByRole("dialog")).toBeInTheDocument();
  });
});

describe("call controls: dialogs and Esc", () => {
  test("Esc cancels the dialog and not the call panel, even when focus left the dialog", async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    renderCall(live, {}, [], onClose);
    await user.click(await screen.findByTestId("action-end"));
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });
});

describe("call controls: transfer", () => {
  test("confirm stays disabled until a target is chosen, then posts its id and the message", async () => {
    const user = userEvent.setup();
    const { fetchMock } = renderCall(live, { [controlPath("transfer")]: ok("transfer") });
    await user.click(await screen.findByTestId("action-transfer"));
    const dialog = screen.getByRole("dialog", { name: "Transfer this call" });
    expect(screen.getByTestId("confirm-action")).toBeDisabled();

    const select = await screen.findByTestId("transfer-target");
    await waitFor(() => expect(select).toBeEnabled());
    await user.selectOptions(select, "12");
    await user.type(screen.getByTestId("transfer-message"), "Connecting you to the front desk");
    expect(dialog).toHaveTextContent("The caller will be transferred to Front desk · +1 415-555-0100");
    await user.click(screen.getByTestId("confirm-action"));

    await screen.findByText("Transfer requested");
    expect(sentRequests(fetchMock)).toEqual([["POST", controlPath("transfer"), { targetId: 12, message: "Connecting you to the front desk" }]]);
  });

  test("validates a typed number as E.164 while typing and sends it normalized", async () => {
    const user = userEvent.setup();
    const { fetchMock } = renderCall(live, { [controlPath("transfer")]: ok("transfer") });
    await user.click(await screen.findByTestId("action-transfer"));
    const input = screen.getByTestId("transfer-number");

    await user.type(input, "4155550199");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("Start with + and the country code, e.g. +14155550100.")).toBeInTheDocument();
    expect(screen.getByTestId("confirm-action")).toBeDisabled();

    await user.clear(input);
    await user.type(input, "+1 (415) 555-0199");
    expect(input).toHaveAttribute("aria-invalid", "false");
    expect(screen.getByTestId("confirm-action")).toBeEnabled();
    await user.click(screen.getByTestId("confirm-action"));
    await screen.findByText("Transfer requested");
    expect(sentRequests(fetchMock)).toEqual([["POST", controlPath("transfer"), { number: "+14155550199" }]]);
  });

  test("the provider's rejection reason is shown (502 provider_rejected)", async () => {
    const user = userEvent.setup();
    renderCall(live, {
      [controlPath("transfer")]: [502, { error: { code: "provider_rejected", message: "Vapi rejected the transfer: property phoneNumber should not exist", requestId: "r2" } }],
    });
    await user.click(await screen.findByTestId("action-transfer"));
    await user.type(screen.getByTestId("transfer-number"), "+14155550199");
    await user.click(screen.getByTestId("confirm-action"));
    const alert = await screen.findByTestId("action-error");
    expect(alert).toHaveTextContent("The provider rejected the action");
    expect(alert).toHaveTextContent("property phoneNumber should not exist");
  });

  test("a provider timeout says the action may still happen (504 provider_timeout)", async () => {
    const user = userEvent.setup();
    renderCall(live, { [controlPath("transfer")]: [504, { error: { code: "provider_timeout", message: "Vapi did not answer within 5 s", requestId: "r3" } }] });
    await user.click(await screen.findByTestId("action-transfer"));
    await user.type(screen.getByTestId("transfer-number"), "+14155550199");
    await user.click(screen.getByTestId("confirm-action"));
    const alert = await screen.findByTestId("action-error");
    expect(alert).toHaveTextContent("The provider did not answer in time");
    expect(alert).toHaveTextContent("It may still take effect");
  });

  test("a deleted target and an invalid number come back as the API's messages", async () => {
    const user = userEvent.setup();
    renderCall(live, { [controlPath("transfer")]: [404, { error: { code: "transfer_target_not_found", message: "No transfer target 12", requestId: "r4" } }] });
    await user.click(await screen.findByTestId("action-transfer"));
    const select = screen.getByTestId("transfer-target");
    await waitFor(() => expect(select).toBeEnabled());
    await user.selectOptions(select, "12");
    await user.click(screen.getByTestId("confirm-action"));
    expect(await screen.findByTestId("action-error")).toHaveTextContent("That transfer target no longer exists");
  });
});

describe("call controls: say, whisper, mute", () => {
  test("say posts the text the assistant speaks", async () => {
    const user = userEvent.setup();
    const { fetchMock } = renderCall(live, { [controlPath("say")]: ok("say") });
    await user.click(await screen.findByTestId("action-say"));
    expect(screen.getByTestId("confirm-action")).toBeDisabled();
    await user.type(screen.getByTestId("say-text"), "One moment please.");
    await user.click(screen.getByTestId("confirm-action"));
    await screen.findByText("Sent to the assistant");
    expect(sentRequests(fetchMock)).toEqual([["POST", controlPath("say"), { text: "One moment please.", endCallAfterSpoken: false }]]);
  });

  test("whisper explains the caller does not hear it, and posts the instruction", async () => {
    const user = userEvent.setup();
    const { fetchMock } = renderCall(live, { [controlPath("whisper")]: ok("whisper") });
    await user.click(await screen.findByTestId("action-whisper"));
    expect(screen.getByRole("dialog")).toHaveTextContent("The caller does not hear this.");
    await user.type(screen.getByTestId("whisper-text"), "Offer a discount");
    await user.click(screen.getByTestId("confirm-action"));
    await screen.findByText("Whispered to the assistant");
    expect(sentRequests(fetchMock)).toEqual([["POST", controlPath("whisper"), { text: "Offer a discount" }]]);
  });

  test("mute becomes unmute after it succeeds, and the choice is remembered for the call", async () => {
    const user = userEvent.setup();
    const { fetchMock, unmount } = renderCall(live, { [controlPath("mute")]: () => ({ action: action("mute", { id: 501 }) }), [controlPath("unmute")]: ok("unmute") });
    await user.click(await screen.findByTestId("action-mute"));
    await screen.findByText("Assistant muted");
    expect(screen.getByTestId("action-unmute")).toHaveAttribute("aria-pressed", "true");
    expect(sentRequests(fetchMock)).toEqual([["POST", controlPath("mute"), {}]]);
    unmount();

    renderCall();
    expect(await screen.findByTestId("action-unmute")).toBeInTheDocument();
  });

  test("the audit's last mute or unmute decides the toggle (another supervisor's too)", async () => {
    renderCall(live, {}, [action("mute", { id: 1 }), action("unmute", { id: 2 }), action("mute", { id: 3, actor: "Bo" })]);
    expect(await screen.findByTestId("action-unmute")).toBeInTheDocument();
  });

  test("a failed mute shows the error as a toast and stays 'Mute assistant'", async () => {
    const user = userEvent.setup();
    renderCall(live, { [controlPath("mute")]: [502, { error: { code: "provider_unreachable", message: "Could not reach the provider: connection refused", requestId: "r5" } }] });
    await user.click(await screen.findByTestId("action-mute"));
    const toast = await screen.findByRole("alert");
    expect(toast).toHaveTextContent("Couldn't reach the provider");
    expect(toast).toHaveTextContent("connection refused");
    expect(screen.getByTestId("action-mute")).toBeInTheDocument();
  });
});
