import { createContext, useContext, useMemo } from "react";
import { can, roleIn, type Permission, type Role } from "@/lib/permissions";
import type { Session } from "../api/auth";
import type { AuthState, AuthStore } from "../auth-store";

export interface AuthContextValue {
  state: AuthState;
  store: AuthStore;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth needs an <AuthProvider> (AppProviders has one)");
  return value;
}

/** The signed-in session, or null (also outside an AuthProvider). */
export function useSession(): Session | null {
  const state = useContext(AuthContext)?.state;
  return state?.status === "signed-in" ? state.session : null;
}

/** Asks the server whether the session is still alive; a no-op outside an AuthProvider. */
export function useSessionCheck(): () => Promise<void> {
  const store = useContext(AuthContext)?.store;
  return store?.checkSession ?? noCheck;
}

const noCheck = () => Promise.resolve();

/** The role the tenant list reports for the tenant on screen (set by the workspace). */
export const TenantRoleContext = createContext<{ tenantId: string; role: string | null } | null>(null);

/** The signed-in user's role in a tenant (null: none, which allows nothing). */
export function useTenantRole(tenantId: string): Role | null {
  const session = useSession();
  const listed = useContext(TenantRoleContext);
  return roleIn(session, tenantId, listed?.tenantId === tenantId ? listed.role : null);
}

/** What the user may do in a tenant: `const may = usePermissions(id); may("control")`. */
export function usePermissions(tenantId: string): (permission: Permission) => boolean {
  const role = useTenantRole(tenantId);
  return useMemo(() => (permission: Permission) => can(role, permission), [role]);
}
