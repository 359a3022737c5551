package dev.switchboard.auth;

import java.util.List;

/**
 * Demo mode's accounts, one per role, shown on the sign-in page so a visitor can try each. Their
 * passwords are public by design, which is why they exist only in demo mode.
 */
public final class DemoUsers {
    /** A demo account; {@code tenantId} null for the agency admin or when it spans every demo tenant. */
    public record DemoUser(String email, String password, String role, String tenantId, String description) {}

    private DemoUsers() {}

    public static List<DemoUser> all(List<String> tenants) {
        String first = tenants.isEmpty() ? null : tenants.get(0);
        return List.of(
                new DemoUser("admin@demo.switchboard", "demo-agency-admin", "agency admin", null, "Every client; manages clients and users"),
                new DemoUser("client-admin@demo.switchboard", "demo-client-admin", "admin", first,
                        "Admin of " + first + ": users, keys, transfer targets"),
                new DemoUser("supervisor@demo.switchboard", "demo-supervisor", "supervisor", null, "Listens to and controls every demo client's calls"),
                new DemoUser("viewer@demo.switchboard", "demo-viewer-only", "viewer", null, "Reads every demo client's calls; no controls"));
    }

    /** Creates the demo accounts that do not exist yet and gives them their roles. */
    public static void ensure(Accounts accounts, List<String> tenants) {
        for (DemoUser d : all(tenants)) {
            User u = accounts.find(d.email()).orElseGet(() -> accounts.create(d.email(), d.password(), d.role().equals("agency admin")));
            switch (d.role()) {
                case "admin" -> {
                    if (d.tenantId() != null) accounts.grant(u.id(), d.tenantId(), Role.ADMIN);
                }
                case "supervisor" -> tenants.forEach(t -> accounts.grant(u.id(), t, Role.SUPERVISOR));
                case "viewer" -> tenants.forEach(t -> accounts.grant(u.id(), t, Role.VIEWER));
                default -> { }
            }
        }
    }
}
