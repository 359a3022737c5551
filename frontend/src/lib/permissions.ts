/**
 * What the signed-in user may do in a tenant, in one place. The server refuses anything a role does
 * not allow anyway; the UI uses this to hide what would only be refused.
 *
 * Roles include the ones below them: a viewer reads; a supervisor also listens and controls calls; a
 * tenant admin also manages the tenant's transfer targets (and, later, users, keys and settings).
 * Agency admins are admins of every tenant.
 */

export type Role = "viewer" | "supervisor" | "admin";

export type Permission =
  /** See the board, call details and transfer targets. */
  | "view"
  /** Listen to a live call. */
  | "listen"
  /** Say, whisper, mute/unmute, transfer, end a call. */
  | "control"
  /** Add and delete transfer targets. */
  | "manageTargets"
  /** Add, re-role and remove the tenant's members. */
  | "manageUsers"
  /** Read the tenant's audit log. */
  | "readAudit"
  /** Change the tenant's settings: time zone, provider credentials, webhook authentication; see the delivery log. */
  | "manageSettings"
  /** Create, list and revoke the tenant's API keys. */
  | "manageKeys";

const RANK: Record<Role, number> = { viewer: 0, supervisor: 1, admin: 2 };

const NEEDS: Record<Permission, Role> = {
  view: "viewer",
  listen: "supervisor",
  control: "supervisor",
  manageTargets: "admin",
  manageUsers: "admin",
  readAudit: "admin",
  manageSettings: "admin",
  manageKeys: "admin",
};

/** A role as the server spells it ("supervisor"), or null for anything else (never guess upwards). */
export function parseRole(value: unknown): Role | null {
  if (typeof value !== "string") return null;
  const role = value.trim().toLowerCase();
  return role === "viewer" || role === "supervisor" || role === "admin" ? role : null;
}

export interface RoleSource {
  user: { agencyAdmin: boolean };
  memberships: ReadonlyArray<{ tenantId: string; role: string }>;
}

/**
 * The user's role in a tenant: the role the tenant list reports when there is one, else the session's
 * membership; admin everywhere for agency admins; null when the user is not a member.
 */
export function roleIn(session: RoleSource | null, tenantId: string, tenantListRole?: string | null): Role | null {
  if (!session) return null;
  if (session.user.agencyAdmin) return "admin";
  const listed = parseRole(tenantListRole);
  if (listed) return listed;
  return parseRole(session.memberships.find((m) => m.tenantId === tenantId)?.role);
}

/** Whether a role allows something; no role allows nothing. */
export function can(role: Role | null, permission: Permission): boolean {
  return role !== null && RANK[role] >= RANK[NEEDS[permission]];
}

const LABELS: Record<Role, string> = { viewer: "Viewer", supervisor: "Supervisor", admin: "Admin" };

export function roleLabel(role: Role, agencyAdmin = false): string {
  return agencyAdmin ? "Agency admin" : LABELS[role];
}
