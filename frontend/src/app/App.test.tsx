import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { render } from "@testing-library/react";
import { FakeWebSocket } from "@/test/fake-websocket";
import { makeCall, makeDetail } from "@/test/fixtures";
import { detailPath, sendSnapshot, signedIn, stubApi as stubRoutes, testQueryClient, type StubRoute } from "@/test/render";
import { App } from "./App";
import { AppProviders } from "./AppProviders";

const tenants = [
  { id: "acme-agency", name: "Acme Agency", role: "admin" },
  { id: "demo-client", name: "Demo Client", role: "admin" },
];

/** These tests are about the console: the browser is signed in (an admin of both tenants). */
const stubApi = (routes: Record<string, StubRoute>) => stubRoutes({ ...signedIn(), ...routes });

function renderApp(url = "/") {
  window.history.replaceState(null, "", url);
  vi.stubGlobal("WebSocket", FakeWebSocket);
  return render(
    <AppProviders queryClient={testQueryClient()}>
      <App />
    </AppProviders>,
  );
}

const search = () => new URLSearchParams(window.location.search);

describe("the app", () => {
  test("shows the product name and the tenants in the picker", async () => {
    stubApi({ "/api/tenants": tenants });
    renderApp();
    expect(await screen.findByRole("heading", { name: "Switchboard" })).toBeInTheDocument();
    const picker = await screen.findByTestId("tenant-picker");
    await waitFor(() => expect(picker).toHaveValue("acme-agency"));
    expect(Array.from((picker as HTMLSelectElement).options).map((o) => o.value)).toEqual(["acme-agency", "demo-client"]);
  });

  test("without ?client, opens the first tenant and puts it in the URL", async () => {
    stubApi({ "/api/tenants": tenants });
    renderApp();
    await waitFor(() => expect(search().get("client")).toBe("acme-agency"));
    expect(FakeWebSocket.latest().url).toBe("ws://localhost:3000/ws/dashboard?client_id=acme-agency");
  });

  test("without ?client, reopens the tenant used last in this browser", async () => {
    window.localStorage.setItem("switchboard.lastClient", "demo-client");
    stubApi({ "/api/tenants": tenants });
    renderApp();
    await waitFor(() => expect(search().get("client")).toBe("demo-client"));
  });

  test("?client in the URL wins and is remembered", async () => {
    stubApi({ "/api/tenants": tenants });
    renderApp("/?client=demo-client");
    await waitFor(() => expect(screen.getByTestId("tenant-picker")).toHaveValue("demo-client"));
    expect(window.localStorage.getItem("switchboard.lastClient")).toBe("demo-client");
  });

  test("choosing another tenant switches the URL and the live connection", async () => {
    const user = userEvent.setup();
    stubApi({ "/api/tenants": tenants });
    renderApp("/?client=acme-agency&call=x");
    const picker = await screen.findByTestId("tenant-picker");
    await waitFor(() => expect(picker).toHaveValue("acme-agency"));
    await user.selectOptions(picker, "demo-client");
    expect(search().get("client")).toBe("demo-client");
    expect(search().get("call")).toBeNull();
    expect(FakeWebSocket.latest().url).toContain("client_id=demo-client");
  });

  test("the connection indicator goes from connecting to live to reconnecting with the attempt count", async () => {
    stubApi({ "/api/tenants": tenants });
    renderApp("/?client=demo-client");
    const status = await screen.findByTestId("connection-status");
    await waitFor(() => expect(FakeWebSocket.instances.length).toBeGreaterThan(0));
    expect(status).toHaveAttribute("data-state", "connecting");
    sendSnapshot([]);
    expect(screen.getByTestId("connection-status")).toHaveAttribute("data-state", "live");
    act(() => FakeWebSocket.latest().serverCloses(1006));
    expect(screen.getByTestId("connection-status")).toHaveAttribute("data-state", "reconnecting");
    expect(screen.getByTestId("connection-status")).toHaveTextContent("attempt 1");
  });

  test("clicking a row opens the detail (?call=…) and Esc closes it", async () => {
    const user = userEvent.setup();
    const call = makeCall({ id: "c1" });
    stubApi({ "/api/tenants": tenants, [detailPath("c1")]: makeDetail({ call }) });
    renderApp("/?client=demo-client");
    await waitFor(() => expect(FakeWebSocket.instances.length).toBeGreaterThan(0));
    sendSnapshot([call]);

    await user.click(screen.getByTestId("call-row"));
    expect(search().get("call")).toBe("c1");
    expect(await screen.findByTestId("call-detail")).toBeInTheDocument();

    await user.keyboard("{Escape}");
    expect(search().get("call")).toBeNull();
    expect(screen.queryByTestId("call-detail")).not.toBeInTheDocument();
  });

  test("an unknown ?client says so instead of showing another tenant's calls", async () => {
    stubApi({ "/api/tenants": tenants });
    renderApp("/?client=nobody");
    expect(await screen.findByText("Unknown client")).toBeInTheDocument();
    expect(FakeWebSocket.instances).toHaveLength(0);
  });

  test("the header's Settings link opens the admin area at its first section (an admin's: Settings) and Live calls goes back", async () => {
    const user = userEvent.setup();
    stubApi({ "/api/tenants": tenants, "/api/demo-client/transfer-targets": [] });
    renderApp("/?client=demo-client&call=x");
    await user.click(await screen.findByTestId("nav-admin"));
    expect(screen.getByTestId("nav-settings")).toHaveAttribute("aria-current", "page");
    expect(search().get("view")).toBe("settings");
    expect(search().get("call")).toBeNull();
    expect(await screen.findByTestId("settings-screen")).toBeInTheDocument();
    await user.click(screen.getByRole("link", { name: "Live calls" }));
    expect(search().get("view")).toBeNull();
    expect(screen.queryByTestId("settings-screen")).not.toBeInTheDocument();
  });

  test("?view=targets in the URL opens the settings of that tenant", async () => {
    stubApi({ "/api/tenants": tenants, "/api/acme-agency/transfer-targets": [{ id: 1, name: "Acme desk", number: "+14155550100", sipUri: null }] });
    renderApp("/?client=acme-agency&view=targets");
    expect(await screen.findByText("Acme desk")).toBeInTheDocument();
  });
});

