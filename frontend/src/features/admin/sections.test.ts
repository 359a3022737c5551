import { can } from "@/lib/permissions";
import { ADMIN_SECTIONS } from "./sections";

describe("the admin sections", () => {
  test("Settings comes first, so it is where an admin's Settings link opens", () => {
    expect(ADMIN_SECTIONS[0]?.id).toBe("settings");
    expect(ADMIN_SECTIONS.map((s) => s.id)).toContain("keys");
  });

  test("viewers and supervisors do not see Settings or API keys", () => {
    const visible = (role: "viewer" | "supervisor" | "admin") => ADMIN_SECTIONS.filter((s) => s.needs !== "agencyAdmin" && can(role, s.needs)).map((s) => s.id);
    expect(visible("viewer")).not.toContain("settings");
    expect(visible("supervisor")).not.toContain("keys");
    expect(visible("admin")).toEqual(expect.arrayContaining(["settings", "keys"]));
  });
});
