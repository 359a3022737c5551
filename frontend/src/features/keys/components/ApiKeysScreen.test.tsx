import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderLive, sentRequests, stubApi } from "@/test/render";
import type { ApiKeyView } from "../api/keys";
import { ApiKeysScreen } from "./ApiKeysScreen";

const PATH = "/api/demo-client/api-keys";
const FULL_KEY = "sbk_abcd1234_thewholesecretpartofthekey0123456789";

function fakeKeysApi(initial: ApiKeyView[]) {
  let keys = [...initial];
  const routes: Record<string, unknown> = {
    [PATH]: ({ method, body }: { method: string; body: { name: string; scope: "read" | "control" } }) => {
      if (method === "GET") return keys;
      const key: ApiKeyView = { id: 9, name: body.name, prefix: "sbk_abcd1234", scope: body.scope, createdBy: "ann@example.com", createdAt: "2026-01-05T10:00:00.000000", lastUsedAt: null, revokedAt: null };
      keys = [key, ...keys];
      return [201, { key, secret: FULL_KEY, note: "Copy the key now: it is not shown again." }];
    },
  };
  for (const k of initial) {
    routes[`${PATH}/${k.id}`] = () => {
      keys = keys.map((x) => (x.id === k.id ? { ...x, revokedAt: "2026-01-05T11:00:00.000000" } : x));
      return [204, null];
    };
  }
  return stubApi(routes);
}

const REPORT: ApiKeyView = { id: 1, name: "Nightly report", prefix: "sbk_1111aaaa", scope: "read", createdBy: "bob@example.com", createdAt: "2026-01-01T08:00:00.000000", lastUsedAt: "2026-01-04T08:00:00.000000", revokedAt: null };

describe("the API keys screen", () => {
  test("lists keys with their name, scope, prefix, creator and last use", async () => {
    fakeKeysApi([REPORT]);
    renderLive(<ApiKeysScreen clientId="demo-client" tenantName="Demo Client" />);
    const row = await screen.findByTestId("key-row");
    expect(row).toHaveTextContent("Nightly report");
    expect(row).toHaveTextContent("read");
    expect(row).toHaveTextContent("sbk_1111aaaa");
    expect(row).toHaveTextContent("by bob@example.com");
  });

  test("says what keys are for when there are none", async () => {
    fakeKeysApi([]);
    renderLive(<ApiKeysScreen clientId="demo-client" tenantName="Demo Client" />);
    expect(await screen.findByTestId("keys-empty")).toHaveTextContent("No API keys yet");
  });

  test("creates a key and shows the whole key once, until the admin has stored it", async () => {
    const user = userEvent.setup();
    const fetchMock = fakeKeysApi([]);
    renderLive(<ApiKeysScreen clientId="demo-client" tenantName="Demo Client" />);
    await screen.findByTestId("keys-empty");
    await user.type(screen.getByTestId("key-name"), "Zapier");
    await user.selectOptions(screen.getByTestId("key-scope"), "control");
    await user.click(screen.getByTestId("key-create"));

    const dialog = await screen.findByTestId("key-dialog");
    expect(within(dialog).getByTestId("shown-once-secret")).toHaveValue(FULL_KEY);
    expect(sentRequests(fetchMock)).toEqual([["POST", PATH, { name: "Zapier", scope: "control" }]]);
    await user.click(within(dialog).getByTestId("shown-once-stored"));
    await user.click(within(dialog).getByTestId("shown-once-done"));
    expect(screen.queryByTestId("key-dialog")).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(FULL_KEY);
    expect(await screen.findByTestId("key-row")).toHaveTextContent("Zapier");
  });

  test("revokes a key after a confirmation", async () => {
    const user = userEvent.setup();
    const fetchMock = fakeKeysApi([REPORT]);
    renderLive(<ApiKeysScreen clientId="demo-client" tenantName="Demo Client" />);
    await user.click(await screen.findByTestId("key-revoke"));
    expect(sentRequests(fetchMock)).toEqual([]);
    await user.click(screen.getByTestId("confirm-action"));
    await waitFor(() => expect(screen.getByTestId("key-row")).toHaveAttribute("data-revoked", "true"));
    expect(sentRequests(fetchMock)).toEqual([["DELETE", `${PATH}/1`, undefined]]);
  });
});
