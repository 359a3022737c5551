import { timeFormat } from "@/lib/time";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderLive, stubApi, testSession } from "@/test/render";
import type { AuditEvent } from "../api/audit";
import { AuditLogScreen } from "./AuditLogScreen";

const BASE = "/api/demo-client/audit?limit=50";

function event(id: number, action: string, extra: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id, tenantId: "demo-client", at: "2026-03-01T14:05:09Z", actorKind: "user", actor: "ann@example.com", clientAddress: "10.0.0.7",
    action, target: "bo@example.com", outcome: "ok", detail: null, ...extra,
  };
}

function renderAudit(session = testSession({ role: "admin" })) {
  return renderLive(<AuditLogScreen clientId="demo-client" tenantName="Demo Client" />, { session });
}

describe("the audit log screen", () => {
  test("shows each event's local time, actor, action in words, target, outcome and detail", async () => {
    stubApi({
      [BASE]: {
        items: [
          event(2, "membership.role_changed", { detail: { from: "viewer", to: "supervisor" } }),
          event(1, "auth.login_failed", { actorKind: "anonymous", actor: "anonymous", outcome: "failed", target: "who@example.com" }),
        ],
        next: null,
      },
    });
    renderAudit();
    const rows = await screen.findAllByTestId("audit-row");
    expect(rows[0]).toHaveTextContent("Changed a role");
    expect(rows[0]).toHaveTextContent("ann@example.com");
    expect(rows[0]).toHaveTextContent("bo@example.com");
    expect(rows[0]).toHaveTextContent("from: viewer · to: supervisor");
    expect(rows[0]).toHaveTextContent(timeFormat().medium(Date.parse("2026-03-01T14:05:09Z")));
    expect(rows[1]).toHaveTextContent("Failed sign-in");
    expect(rows[1]).toHaveTextContent("failed");
    expect(screen.queryByTestId("audit-load-more")).not.toBeInTheDocument();
  });

  test("loads older events through the cursor", async () => {
    const user = userEvent.setup();
    stubApi({
      [BASE]: { items: [event(9, "api_key.created")], next: 9 },
      [`${BASE}&before=9`]: { items: [event(4, "api_key.revoked")], next: null },
    });
    renderAudit();
    await screen.findAllByTestId("audit-row");
    await user.click(screen.getByTestId("audit-load-more"));
    await waitFor(() => expect(screen.getAllByTestId("audit-row")).toHaveLength(2));
    expect(screen.getAllByTestId("audit-row")[1]).toHaveTextContent("Revoked an API key");
    expect(screen.queryByTestId("audit-load-more")).not.toBeInTheDocument();
  });

  test("filters by category and actor, and says when nothing matches", async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi({
      [BASE]: { items: [event(1, "auth.login")], next: null },
      "/api/demo-client/audit?action=auth.&limit=50": { items: [event(1, "auth.login")], next: null },
      "/api/demo-client/audit?action=auth.&actor=zed&limit=50": { items: [], next: null },
    });
    renderAudit();
    await screen.findAllByTestId("audit-row");
    await user.selectOptions(screen.getByTestId("audit-category"), "auth.");
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith("/api/demo-client/audit?action=auth.&limit=50", expect.anything()));
    await user.type(screen.getByTestId("audit-actor"), "zed");
    await user.click(screen.getByTestId("audit-apply"));
    expect(await screen.findByTestId("audit-empty")).toHaveTextContent("Nothing matches these filters");
  });

  test("says so when nothing is recorded yet", async () => {
    stubApi({ [BASE]: { items: [], next: null } });
    renderAudit();
    expect(await screen.findByTestId("audit-empty")).toHaveTextContent("Nothing recorded yet");
  });

  test("an error says what went wrong and offers to try again", async () => {
    stubApi({ [BASE]: [400, { error: { code: "invalid_request", message: "from must be an ISO instant like 2026-01-31T09:00:00Z", requestId: "r9" } }] });
    renderAudit();
    const error = await screen.findByTestId("audit-error");
    expect(error).toHaveTextContent("A filter isn't valid");
    expect(error).toHaveTextContent("from must be an ISO instant");
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });

  test("an agency admin reads the agency's log for this client, or the whole agency", async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi({
      "/api/audit?tenant=demo-client&limit=50": { items: [event(3, "tenant.renamed")], next: null },
      "/api/audit?limit=50": { items: [event(3, "tenant.renamed"), event(2, "auth.login", { tenantId: null })], next: null },
    });
    renderAudit(testSession({ agencyAdmin: true }));
    await screen.findAllByTestId("audit-row");
    await user.click(screen.getByTestId("audit-whole-agency"));
    await waitFor(() => expect(screen.getAllByTestId("audit-row")).toHaveLength(2));
    expect(fetchMock).toHaveBeenCalledWith("/api/audit?limit=50", expect.anything());
  });
});
