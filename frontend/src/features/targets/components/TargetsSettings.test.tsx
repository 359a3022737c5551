import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { TransferTarget } from "@/lib/api-types";
import type { Session } from "@/features/auth/api/auth";
import { renderLive, requestHeader, sentRequests, stubApi, TEST_CSRF, testSession } from "@/test/render";
import { TargetsSettings } from "./TargetsSettings";

const PATH = "/api/demo-client/transfer-targets";

/** A tiny in-memory transfer-targets API behind the stubbed fetch. */
function fakeTargetsApi(initial: TransferTarget[] = []) {
  let targets = [...initial];
  let nextId = 100;
  const routes = {
    [PATH]: ({ method, body }: { method: string; body: unknown }) => {
      if (method === "GET") return targets;
      const b = body as { name: string; number?: string; sipUri?: string };
      if (targets.some((t) => t.name === b.name)) return [409, { error: { code: "duplicate_name", message: `A target named '${b.name}' exists`, requestId: "r1" } }];
      const created = { id: nextId++, name: b.name, number: b.number ?? null, sipUri: b.sipUri ?? null };
      targets = [...targets, created];
      return [201, created];
    },
  } as Record<string, unknown>;
  for (const t of initial) {
    routes[`${PATH}/${t.id}`] = () => {
      targets = targets.filter((x) => x.id !== t.id);
      return [204, null];
    };
  }
  return stubApi(routes);
}

function renderSettings(session: Session = testSession({ role: "admin" })) {
  return renderLive(<TargetsSettings clientId="demo-client" tenantName="Demo Client" />, { session });
}

const FRONT_DESK = { id: 1, name: "Front desk", number: "+14155550100", sipUri: null };
const QUEUE = { id: 2, name: "Escalations", number: null, sipUri: "sip:escalations@pbx.example.com" };

describe("the transfer targets screen", () => {
  test("lists the tenant's targets with their number or SIP URI", async () => {
    fakeTargetsApi([FRONT_DESK, QUEUE]);
    renderSettings();
    const rows = await screen.findAllByTestId("target-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Front desk");
    expect(rows[0]).toHaveTextContent("+1 415-555-0100");
    expect(rows[1]).toHaveTextContent("sip:escalations@pbx.example.com");
    expect(screen.getByTestId("targets-settings")).toHaveTextContent("Demo Client");
  });

  test("says so when there are none yet", async () => {
    fakeTargetsApi([]);
    renderSettings();
    expect(await screen.findByTestId("targets-empty")).toHaveTextContent("No transfer targets yet");
  });

  test("adds a target with a name and a number (normalized to E.164), and shows it", async () => {
    const user = userEvent.setup();
    const fetchMock = fakeTargetsApi([]);
    renderSettings();
    await screen.findByTestId("targets-empty");
    await user.type(screen.getByTestId("target-name"), "On-call nurse");
    await user.type(screen.getByTestId("target-number"), "+1 415 555 0142");
    await user.click(screen.getByTestId("target-add"));

    expect(await screen.findByText("Transfer target added")).toBeInTheDocument();
    expect(sentRequests(fetchMock)).toEqual([["POST", PATH, { name: "On-call nurse", number: "+14155550142" }]]);
    const row = await screen.findByTestId("target-row");
    expect(row).toHaveTextContent("On-call nurse");
    expect(screen.getByTestId("target-name")).toHaveValue("");
  });

  test("adds a SIP-only target", async () => {
    const user = userEvent.setup();
    const fetchMock = fakeTargetsApi([]);
    renderSettings();
    await screen.findByTestId("targets-empty");
    await user.type(screen.getByTestId("target-name"), "Queue");
    await user.type(screen.getByTestId("target-sip"), "sip:queue@pbx.example.com");
    await user.click(screen.getByTestId("target-add"));
    await screen.findByText("Transfer target added");
    expect(sentRequests(fetchMock)).toEqual([["POST", PATH, { name: "Queue", sipUri: "sip:queue@pbx.example.com" }]]);
  });

  test("validates before sending: a name, and a valid number or SIP URI", async () => {
    const user = userEvent.setup();
    const fetchMock = fakeTargetsApi([]);
    renderSettings();
    await screen.findByTestId("targets-empty");
    await user.click(screen.getByTestId("target-add"));
    expect(screen.getByText("Give the target a name, e.g. Front desk.")).toBeInTheDocument();
    expect(screen.getByText("Enter a phone number or a SIP URI.")).toBeInTheDocument();

    await user.type(screen.getByTestId("target-name"), "Desk");
    await user.type(screen.getByTestId("target-number"), "555-0100");
    expect(screen.getByText("Start with + and the country code, e.g. +14155550100.")).toBeInTheDocument();
    await user.type(screen.getByTestId("target-sip"), "frontdesk@pbx");
    expect(screen.getByText(/SIP URIs start with sip:/)).toBeInTheDocument();
    await user.click(screen.getByTestId("target-add"));
    expect(sentRequests(fetchMock)).toEqual([]);
  });

  test("a duplicate name comes back from the API as a field error (409 duplicate_name)", async () => {
    const user = userEvent.setup();
    fakeTargetsApi([FRONT_DESK]);
    renderSettings();
    await screen.findByTestId("target-row");
    await user.type(screen.getByTestId("target-name"), "Front desk");
    await user.type(screen.getByTestId("target-number"), "+14155550111");
    await user.click(screen.getByTestId("target-add"));
    expect(await screen.findByText("A target with this name already exists.")).toBeInTheDocument();
  });

  test("deletes a target after confirmation", async () => {
    const user = userEvent.setup();
    const fetchMock = fakeTargetsApi([FRONT_DESK, QUEUE]);
    renderSettings();
    const rows = await screen.findAllByTestId("target-row");
    await user.click(within(rows[0]!).getByTestId("target-delete"));
    const dialog = screen.getByRole("dialog", { name: "Delete Front desk?" });
    expect(sentRequests(fetchMock)).toEqual([]);
    await user.click(within(dialog).getByTestId("confirm-action"));

    await screen.findByText("Transfer target deleted");
    expect(sentRequests(fetchMock)).toEqual([["DELETE", `${PATH}/1`, undefined]]);
    await waitFor(() => expect(screen.getAllByTestId("target-row")).toHaveLength(1));
    expect(screen.getByTestId("target-row")).toHaveTextContent("Escalations");
  });

  test("adding and deleting send the session's CSRF token", async () => {
    const user = userEvent.setup();
    const fetchMock = fakeTargetsApi([FRONT_DESK]);
    renderSettings();
    await screen.findByTestId("target-row");
    await user.type(screen.getByTestId("target-name"), "Queue");
    await user.type(screen.getByTestId("target-sip"), "sip:queue@pbx.example.com");
    await user.click(screen.getByTestId("target-add"));
    await screen.findByText("Transfer target added");
    await user.click(screen.getAllByTestId("target-delete")[0]!);
    await user.click(within(screen.getByRole("dialog")).getByTestId("confirm-action"));
    await screen.findByText("Transfer target deleted");
    const writes = fetchMock.mock.calls.filter(([, init]) => init?.method === "POST" || init?.method === "DELETE");
    expect(writes).toHaveLength(2);
    for (const [, init] of writes) expect(requestHeader(init, "X-CSRF-Token")).toBe(TEST_CSRF);
  });

  test("a viewer sees the targets read-only: no add form, no delete", async () => {
    fakeTargetsApi([FRONT_DESK]);
    renderSettings(testSession({ role: "viewer" }));
    expect(await screen.findByTestId("target-row")).toHaveTextContent("Front desk");
    expect(screen.queryByTestId("target-form")).not.toBeInTheDocument();
    expect(screen.queryByTestId("target-delete")).not.toBeInTheDocument();
    expect(screen.getByTestId("targets-read-only")).toHaveTextContent("Only an admin of this client can add or delete transfer targets.");
  });

  test("a supervisor sees them read-only too (they pick them in the Transfer dialog)", async () => {
    fakeTargetsApi([]);
    renderSettings(testSession({ role: "supervisor" }));
    expect(await screen.findByTestId("targets-empty")).toHaveTextContent("An admin of this client can add");
    expect(screen.queryByTestId("target-form")).not.toBeInTheDocument();
  });

  test("an agency admin manages them in any client", async () => {
    fakeTargetsApi([FRONT_DESK]);
    renderSettings(testSession({ agencyAdmin: true, tenants: [] }));
    await screen.findByTestId("target-row");
    expect(screen.getByTestId("target-form")).toBeInTheDocument();
    expect(screen.getByTestId("target-delete")).toBeInTheDocument();
  });

  test("403 forbidden on the list says the role does not allow it", async () => {
    stubApi({ [PATH]: [403, { error: { code: "forbidden", message: "Your role cannot read transfer targets.", requestId: "r" } }] });
    renderSettings(testSession({ role: "viewer" }));
    expect(await screen.findByTestId("targets-forbidden")).toHaveTextContent("Your role cannot read transfer targets.");
  });

  test("cancelling the delete keeps the target", async () => {
    const user = userEvent.setup();
    const fetchMock = fakeTargetsApi([FRONT_DESK]);
    renderSettings();
    await user.click(await screen.findByTestId("target-delete"));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(sentRequests(fetchMock)).toEqual([]);
    expect(screen.getByTestId("target-row")).toBeInTheDocument();
  });
});
