import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderLive, sentRequests, stubApi, testSession } from "@/test/render";
import type { Member } from "../api/users";
import { UsersSettings } from "./UsersSettings";

const PATH = "/api/demo-client/members";
const ANN: Member = { userId: 1, email: "ann@example.com", role: "admin", agencyAdmin: false };
const BO: Member = { userId: 2, email: "bo@example.com", role: "viewer", agencyAdmin: false };

/** A tiny members API: adding an unknown email without a password is a 404, as on the server. */
function fakeMembersApi(initial: Member[], extra: Record<string, unknown> = {}) {
  let members = [...initial];
  const known = new Set(["cy@example.com", ...initial.map((m) => m.email)]);
  const routes: Record<string, unknown> = {
    [PATH]: ({ method, body }: { method: string; body: unknown }) => {
      if (method === "GET") return members;
      const b = body as { email: string; role: Member["role"]; password?: string };
      if (!known.has(b.email) && !b.password) {
        return [404, { error: { code: "user_not_found", message: `No user with the email ${b.email}: give an initial password to create the account`, requestId: "r1" } }];
      }
      const m = { userId: 10 + members.length, email: b.email, role: b.role, agencyAdmin: false };
      members = [...members, m];
      return [201, m];
    },
    ...extra,
  };
  for (const m of initial) {
    routes[`${PATH}/${m.userId}`] ??= ({ method, body }: { method: string; body: unknown }) => {
      if (method === "DELETE") {
        members = members.filter((x) => x.userId !== m.userId);
        return [204, null];
      }
      members = members.map((x) => (x.userId === m.userId ? { ...x, role: (body as { role: Member["role"] }).role } : x));
      return members.find((x) => x.userId === m.userId);
    };
  }
  return stubApi(routes);
}

function renderUsers(session = testSession({ role: "admin" })) {
  return renderLive(<UsersSettings clientId="demo-client" tenantName="Demo Client" />, { session });
}

describe("the users and roles screen", () => {
  test("lists the members with their roles, and says who you are", async () => {
    fakeMembersApi([ANN, BO]);
    renderUsers();
    const rows = await screen.findAllByTestId("member-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("ann@example.com (you)");
    expect(within(rows[1]!).getByTestId("member-role-select")).toHaveValue("viewer");
    expect(screen.queryByTestId("agency-users")).not.toBeInTheDocument();
  });

  test("adds an existing user by email with a role", async () => {
    const user = userEvent.setup();
    const fetchMock = fakeMembersApi([ANN]);
    renderUsers();
    await screen.findAllByTestId("member-row");
    await user.type(screen.getByTestId("member-email"), "cy@example.com");
    await user.selectOptions(screen.getByTestId("member-role"), "supervisor");
    await user.click(screen.getByTestId("member-add"));
    expect(await screen.findByText("Member added")).toBeInTheDocument();
    expect(sentRequests(fetchMock)).toEqual([["POST", PATH, { email: "cy@example.com", role: "supervisor" }]]);
    await waitFor(() => expect(screen.getAllByTestId("member-row")).toHaveLength(2));
  });

  test("asks for an initial password when there is no account with that email, then creates it", async () => {
    const user = userEvent.setup();
    const fetchMock = fakeMembersApi([ANN]);
    renderUsers();
    await screen.findAllByTestId("member-row");
    await user.type(screen.getByTestId("member-email"), "new@example.com");
    await user.click(screen.getByTestId("member-add"));
    expect(await screen.findByText(/give an initial password to create one/)).toBeInTheDocument();
    await user.type(screen.getByTestId("member-password"), "a long enough password");
    await user.click(screen.getByTestId("member-add"));
    expect(await screen.findByText("Member added")).toBeInTheDocument();
    expect(sentRequests(fetchMock).at(-1)).toEqual(["POST", PATH, { email: "new@example.com", role: "viewer", password: "a long enough password" }]);
  });

  test("changes a role, and shows the server's refusal for the last admin", async () => {
    const user = userEvent.setup();
    const fetchMock = fakeMembersApi([ANN, BO], {
      [`${PATH}/1`]: [409, { error: { code: "last_admin", message: "This is the last admin of demo-client and cannot be demoted: make another member an admin first", requestId: "r2" } }],
    });
    renderUsers();
    const rows = await screen.findAllByTestId("member-row");
    await user.selectOptions(within(rows[1]!).getByTestId("member-role-select"), "supervisor");
    expect(await screen.findByText("Role changed")).toBeInTheDocument();
    await user.selectOptions(within(rows[0]!).getByTestId("member-role-select"), "viewer");
    expect(await screen.findByText("Someone has to stay admin")).toBeInTheDocument();
    expect(screen.getByText(/make another member an admin first/)).toBeInTheDocument();
    expect(sentRequests(fetchMock)).toEqual([
      ["PATCH", `${PATH}/2`, { role: "supervisor" }],
      ["PATCH", `${PATH}/1`, { role: "viewer" }],
    ]);
  });

  test("removes a member only after confirming", async () => {
    const user = userEvent.setup();
    const fetchMock = fakeMembersApi([ANN, BO]);
    renderUsers();
    const rows = await screen.findAllByTestId("member-row");
    await user.click(within(rows[1]!).getByTestId("member-remove"));
    expect(screen.getByRole("dialog")).toHaveTextContent("Remove bo@example.com?");
    expect(sentRequests(fetchMock)).toEqual([]);
    await user.click(screen.getByTestId("confirm-action"));
    expect(await screen.findByText("Member removed")).toBeInTheDocument();
    expect(sentRequests(fetchMock)).toEqual([["DELETE", `${PATH}/2`, undefined]]);
    await waitFor(() => expect(screen.getAllByTestId("member-row")).toHaveLength(1));
  });

  test("a supervisor sees the members read-only", async () => {
    fakeMembersApi([ANN, BO]);
    renderUsers(testSession({ role: "supervisor" }));
    await screen.findAllByTestId("member-row");
    expect(screen.queryByTestId("member-form")).not.toBeInTheDocument();
    expect(screen.queryByTestId("member-role-select")).not.toBeInTheDocument();
    expect(screen.queryByTestId("member-remove")).not.toBeInTheDocument();
    expect(screen.getByText(/Only an admin of this client/)).toBeInTheDocument();
  });

  test("an agency admin also manages every user: agency-admin toggle, password reset, delete", async () => {
    const user = userEvent.setup();
    const fetchMock = fakeMembersApi([ANN], {
      "/api/users": [
        { id: 1, email: "ann@example.com", agencyAdmin: true, createdAt: "2026-01-01T00:00:00", memberships: [] },
        { id: 2, email: "bo@example.com", agencyAdmin: false, createdAt: "2026-01-01T00:00:00", memberships: [{ tenantId: "demo-client", role: "viewer" }] },
      ],
      "/api/users/2": ({ method }: { method: string }) => (method === "DELETE" ? [204, null] : { id: 2, email: "bo@example.com", agencyAdmin: true, createdAt: "", memberships: [] }),
    });
    renderUsers(testSession({ agencyAdmin: true }));
    const rows = await screen.findAllByTestId("user-row");
    expect(rows[1]).toHaveTextContent("demo-client (viewer)");
    expect(within(rows[0]!).getByTestId("user-delete")).toBeDisabled();

    await user.click(within(rows[1]!).getByTestId("user-agency-toggle"));
    expect(await screen.findByText("Agency admin granted")).toBeInTheDocument();

    await user.click(within(rows[1]!).getByTestId("user-reset-password"));
    expect(screen.getByTestId("confirm-action")).toBeDisabled();
    await user.type(screen.getByTestId("reset-password-input"), "a fresh long password");
    await user.click(screen.getByTestId("confirm-action"));
    expect(await screen.findByText("Password reset")).toBeInTheDocument();

    await user.click(within(rows[1]!).getByTestId("user-delete"));
    await user.click(screen.getByTestId("confirm-action"));
    expect(await screen.findByText("User deleted")).toBeInTheDocument();
    expect(sentRequests(fetchMock)).toEqual([
      ["PATCH", "/api/users/2", { agencyAdmin: true }],
      ["PATCH", "/api/users/2", { password: "a fresh long password" }],
      ["DELETE", "/api/users/2", undefined],
    ]);
  });
});
