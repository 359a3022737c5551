import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderLive, sentRequests, stubApi, testSession } from "@/test/render";
import { TenantsSettings } from "./TenantsSettings";

function fakeTenantsApi() {
  let tenants = [{ id: "demo-client", name: "Demo Client", role: "admin" }];
  return stubApi({
    "/api/tenants": ({ method, body }: { method: string; body: unknown }) => {
      if (method === "GET") return tenants;
      const b = body as { id: string; name: string };
      if (tenants.some((t) => t.id === b.id)) return [409, { error: { code: "already_exists", message: "exists", requestId: "r" } }];
      tenants = [...tenants, { ...b, role: "admin" }];
      return [201, b];
    },
    "/api/tenants/demo-client": ({ body }: { body: unknown }) => {
      tenants = tenants.map((t) => (t.id === "demo-client" ? { ...t, name: (body as { name: string }).name } : t));
      return tenants[0];
    },
  });
}

describe("the clients screen", () => {
  test("creates a client after checking its id, and refuses a taken one", async () => {
    const user = userEvent.setup();
    const fetchMock = fakeTenantsApi();
    renderLive(<TenantsSettings />, { session: testSession({ agencyAdmin: true }) });
    await screen.findAllByTestId("tenant-row");
    await user.type(screen.getByTestId("tenant-id"), "x");
    await user.type(screen.getByTestId("tenant-name"), "North Clinic");
    await user.click(screen.getByTestId("tenant-create"));
    expect(screen.getByText(/2–63 lowercase letters/)).toBeInTheDocument();
    expect(sentRequests(fetchMock)).toEqual([]);

    await user.clear(screen.getByTestId("tenant-id"));
    await user.type(screen.getByTestId("tenant-id"), "North-Clinic");
    await user.click(screen.getByTestId("tenant-create"));
    expect(await screen.findByText("Client created")).toBeInTheDocument();
    expect(sentRequests(fetchMock)).toEqual([["POST", "/api/tenants", { id: "north-clinic", name: "North Clinic" }]]);
    await waitFor(() => expect(screen.getAllByTestId("tenant-row")).toHaveLength(2));

    await user.type(screen.getByTestId("tenant-id"), "demo-client");
    await user.type(screen.getByTestId("tenant-name"), "Again");
    await user.click(screen.getByTestId("tenant-create"));
    expect(await screen.findByText("A client with this id already exists.")).toBeInTheDocument();
  });

  test("renames a client", async () => {
    const user = userEvent.setup();
    const fetchMock = fakeTenantsApi();
    renderLive(<TenantsSettings />, { session: testSession({ agencyAdmin: true }) });
    const row = (await screen.findAllByTestId("tenant-row"))[0]!;
    await user.click(within(row).getByTestId("tenant-rename"));
    await user.clear(screen.getByTestId("tenant-rename-input"));
    await user.type(screen.getByTestId("tenant-rename-input"), "Demo Dental");
    await user.click(screen.getByTestId("tenant-rename-save"));
    expect(await screen.findByText("Client renamed")).toBeInTheDocument();
    expect(sentRequests(fetchMock)).toEqual([["PATCH", "/api/tenants/demo-client", { name: "Demo Dental" }]]);
    expect(await screen.findByText("Demo Dental")).toBeInTheDocument();
  });
});
