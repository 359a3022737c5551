import { can, parseRole, roleIn, roleLabel, type Permission, type Role } from "./permissions";

const member = (role: string, tenantId = "acme") => ({ user: { agencyAdmin: false }, memberships: [{ tenantId, role }] });

describe("permissions", () => {
  test("each role includes the ones below it", () => {
    const table: Record<Role, Permission[]> = {
      viewer: ["view"],
      supervisor: ["view", "listen", "control"],
      admin: ["view", "listen", "control", "manageTargets", "manageSettings", "manageKeys"],
    };
    const all: Permission[] = ["view", "listen", "control", "manageTargets", "manageSettings", "manageKeys"];
    for (const [role, allowed] of Object.entries(table) as [Role, Permission[]][]) {
      for (const permission of all) expect([role, permission, can(role, permission)]).toEqual([role, permission, allowed.includes(permission)]);
    }
  });

  test("no role allows nothing", () => {
    expect(can(null, "view")).toBe(false);
    expect(can(null, "control")).toBe(false);
  });

  test("roles are read as the server spells them; anything else is no role", () => {
    expect(parseRole("supervisor")).toBe("supervisor");
    expect(parseRole(" Admin ")).toBe("admin");
    expect(parseRole("owner")).toBeNull();
    expect(parseRole(undefined)).toBeNull();
    expect(parseRole(3)).toBeNull();
  });

  test("the role in a tenant comes from the membership; other tenants have none", () => {
    expect(roleIn(member("viewer"), "acme")).toBe("viewer");
    expect(roleIn(member("viewer"), "globex")).toBeNull();
    expect(roleIn(null, "acme")).toBeNull();
  });

  test("the tenant list's role wins over the session's (it is fresher), unless it is unreadable", () => {
    expect(roleIn(member("viewer"), "acme", "supervisor")).toBe("supervisor");
    expect(roleIn(member("viewer"), "acme", "owner")).toBe("viewer");
  });

  test("agency admins are admins of every tenant", () => {
    const agency = { user: { agencyAdmin: true }, memberships: [] };
    expect(roleIn(agency, "anything")).toBe("admin");
    expect(can(roleIn(agency, "anything"), "manageTargets")).toBe(true);
    expect(roleLabel("admin", true)).toBe("Agency admin");
    expect(roleLabel("supervisor")).toBe("Supervisor");
  });
});
