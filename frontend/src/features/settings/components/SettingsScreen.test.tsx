import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderLive, sentRequests, stubApi } from "@/test/render";
import type { Delivery, SettingsView, TestDeliveryResult } from "../api/settings";
import { SettingsScreen } from "./SettingsScreen";

const BASE = "/api/demo-client";
const NEW_SECRET = "gEn3rAtEd-secret-0123456789abcdefghijklmnopq";

function view(overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    clientId: "demo-client",
    timeZone: "America/New_York",
    listenFormat: "auto",
    vapiPrivateKey: { set: true, last4: "abcd" },
    vapiPublicKey: { set: false, last4: null },
    retellApiKey: { set: false, last4: null },
    webhookAuth: { scheme: "none", secret: { set: false, last4: null }, header: null, bearerPrefix: null, algorithm: null, signatureHeader: null, timestampHeader: null, signaturePrefix: null, replayWindowSeconds: null },
    webhookSetup: {
      vapiUrl: "https://ops.example.com/webhooks/vapi/demo-client",
      baseUrlFrom: "configured",
      vapiHeaders: [],
      vapiSteps: ["Vapi server URL https://ops.example.com/webhooks/vapi/demo-client (no authentication)"],
      retellUrl: null,
      retellNote: "Retell webhooks are not accepted yet.",
    },
    ...overrides,
  };
}

/** A small settings API: PATCH merges what the screen sends into the view, as the server would show it. */
function fakeSettingsApi(options: { deliveries?: Delivery[]; test?: TestDeliveryResult } = {}) {
  let current = view();
  const secretView = { ...current.webhookAuth, scheme: "secret" as const, secret: { set: true, last4: NEW_SECRET.slice(-4) }, header: "x-vapi-secret" };
  return stubApi({
    [`${BASE}/settings`]: ({ method, body }: { method: string; body: Record<string, unknown> }) => {
      if (method === "PATCH") {
        const next = { ...current };
        for (const key of ["vapiPrivateKey", "vapiPublicKey", "retellApiKey"] as const) {
          if (key in body) next[key] = body[key] === null ? { set: false, last4: null } : { set: true, last4: String(body[key]).slice(-4) };
        }
        if (typeof body.timeZone === "string") next.timeZone = body.timeZone;
        current = next;
      }
      return current;
    },
    [`${BASE}/settings/webhook-secret`]: () => {
      current = { ...current, webhookAuth: secretView };
      return { secret: NEW_SECRET, note: "Copy the secret now: it is not shown again.", settings: current };
    },
    [`${BASE}/settings/test-webhook`]: options.test ?? { accepted: true, status: 200, code: null, reason: null, latencyMs: 12, scheme: "secret" },
    [`${BASE}/webhook-deliveries?limit=50`]: options.deliveries ?? [],
  });
}

function renderScreen() {
  return renderLive(<SettingsScreen clientId="demo-client" tenantName="Demo Client" />);
}

describe("the settings screen", () => {
  test("shows each credential as set with its last four or not set, and asks for a new one in an empty password field", async () => {
    const user = userEvent.setup();
    const fetchMock = fakeSettingsApi();
    renderScreen();
    expect(await screen.findByTestId("credential-vapiPrivateKey-status")).toHaveTextContent("Set · ends in abcd");
    expect(screen.getByTestId("credential-vapiPublicKey-status")).toHaveTextContent("Not set");

    await user.click(screen.getByTestId("credential-vapiPublicKey-replace"));
    const input = screen.getByTestId("credential-vapiPublicKey-input");
    expect(input).toHaveAttribute("type", "password");
    expect(input).toHaveValue("");
    await user.click(input);
    await user.paste("pk-new-public-key-9876");
    await user.click(screen.getByTestId("credential-vapiPublicKey-save"));

    expect(await screen.findByText("Vapi public key saved")).toBeInTheDocument();
    expect(sentRequests(fetchMock)).toEqual([["PATCH", `${BASE}/settings`, { vapiPublicKey: "pk-new-public-key-9876" }]]);
    expect(screen.getByTestId("credential-vapiPublicKey-status")).toHaveTextContent("Set · ends in 9876");
    expect(screen.queryByTestId("credential-vapiPublicKey-input")).not.toBeInTheDocument();
  });

  test("clears a credential only after a confirmation, by sending null", async () => {
    const user = userEvent.setup();
    const fetchMock = fakeSettingsApi();
    renderScreen();
    await user.click(await screen.findByRole("button", { name: "Clear Vapi private key" }));
    expect(sentRequests(fetchMock)).toEqual([]);
    await user.click(screen.getByTestId("confirm-action"));
    await waitFor(() => expect(screen.getByTestId("credential-vapiPrivateKey-status")).toHaveTextContent("Not set"));
    expect(sentRequests(fetchMock)).toEqual([["PATCH", `${BASE}/settings`, { vapiPrivateKey: null }]]);
  });

  test("shows the exact webhook URL and the steps to paste into Vapi", async () => {
    fakeSettingsApi();
    renderScreen();
    expect(await screen.findByTestId("vapi-url")).toHaveValue("https://ops.example.com/webhooks/vapi/demo-client");
    expect(screen.getByTestId("vapi-steps")).toHaveTextContent("Vapi server URL https://ops.example.com/webhooks/vapi/demo-client");
    expect(screen.getByTestId("retell-note")).toHaveTextContent("not accepted yet");
  });

  test("shows a generated secret once, with a warning, until the admin says it is stored", async () => {
    const user = userEvent.setup();
    fakeSettingsApi();
    renderScreen();
    await user.click(await screen.findByTestId("generate-secret"));
    const dialog = await screen.findByTestId("secret-dialog");
    expect(within(dialog).getByTestId("shown-once-secret")).toHaveValue(NEW_SECRET);
    expect(dialog).toHaveTextContent("will not show it again");
    expect(within(dialog).getByTestId("shown-once-done")).toBeDisabled();
    await user.click(within(dialog).getByTestId("shown-once-stored"));
    await user.click(within(dialog).getByTestId("shown-once-done"));

    expect(screen.queryByTestId("secret-dialog")).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(NEW_SECRET);
    expect(screen.getByTestId("webhook-secret-status")).toHaveTextContent(`Set · ends in ${NEW_SECRET.slice(-4)}`);
    expect(screen.getByTestId("scheme-secret")).toBeChecked();
  });

  test("says a test event was accepted, with its latency", async () => {
    const user = userEvent.setup();
    fakeSettingsApi();
    renderScreen();
    await user.click(await screen.findByTestId("send-test"));
    const result = await screen.findByTestId("test-result");
    expect(result).toHaveAttribute("data-accepted", "true");
    expect(result).toHaveTextContent("Accepted ✓ in 12 ms");
  });

  test("says why a test event was rejected and what to fix", async () => {
    const user = userEvent.setup();
    fakeSettingsApi({ test: { accepted: false, status: 0, code: "header_not_sendable", reason: "The configured header name cannot be sent", latencyMs: 1, scheme: "bearer" } });
    renderScreen();
    await user.click(await screen.findByTestId("send-test"));
    const result = await screen.findByTestId("test-result");
    expect(result).toHaveAttribute("data-accepted", "false");
    expect(result).toHaveTextContent("The configured header name cannot be sent");
    expect(result).toHaveTextContent("Choose a different header name");
  });

  test("the delivery log says what will appear when it is empty, and lists deliveries with their outcome and reason", async () => {
    fakeSettingsApi();
    const { unmount } = renderScreen();
    expect(await screen.findByTestId("delivery-log-empty", {}, { timeout: 5000 })).toHaveTextContent("Every webhook Vapi sends to this client appears here");
    unmount();

    fakeSettingsApi({
      deliveries: [
        { id: 2, provider: "vapi", outcome: "rejected", type: "status-update", reason: "webhook_auth_invalid", detail: "The x-vapi-secret header does not match", count: 3, firstAt: "2026-01-05T10:00:00.000000", at: "2026-01-05T10:00:01.000000" },
        { id: 1, provider: "vapi", outcome: "accepted", type: "switchboard-test", reason: null, detail: null, count: 1, firstAt: "2026-01-05T09:59:00.000000", at: "2026-01-05T09:59:00.000000" },
      ],
    });
    renderScreen();
    const rows = await screen.findAllByTestId("delivery-row", {}, { timeout: 5000 });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Rejected");
    expect(rows[0]).toHaveTextContent("webhook_auth_invalid");
    expect(rows[0]).toHaveTextContent("does not match");
    expect(rows[0]).toHaveTextContent("3");
    expect(rows[1]).toHaveTextContent("switchboard-test");
    expect(rows[1]).toHaveTextContent("Accepted");
  });

  test("searches the time zones and saves the chosen one", async () => {
    const user = userEvent.setup();
    const fetchMock = fakeSettingsApi();
    renderScreen();
    expect(await screen.findByTestId("current-zone")).toHaveTextContent("America/New_York");
    await user.type(screen.getByTestId("zone-search"), "berlin");
    const select = screen.getByTestId("zone-select");
    expect(within(select).getAllByRole("option").map((o) => o.getAttribute("value"))).toEqual(["Europe/Berlin"]);
    await user.selectOptions(select, "Europe/Berlin");
    await user.click(screen.getByTestId("zone-save"));
    await waitFor(() => expect(screen.getByTestId("current-zone")).toHaveTextContent("Europe/Berlin"));
    expect(sentRequests(fetchMock)).toEqual([["PATCH", `${BASE}/settings`, { timeZone: "Europe/Berlin" }]]);
  });
});
