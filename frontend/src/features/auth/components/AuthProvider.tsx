import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { registerSessionHandlers } from "@/lib/api-client";
import type { Session } from "../api/auth";
import { AuthStore } from "../auth-store";
import { AuthContext } from "../hooks/auth-context";

/**
 * Owns the browser's session. Without `session` it asks the server (GET /api/auth/me) on mount; tests
 * pass a session (or null for signed out) to start there. Whenever the session ends, every cached
 * answer is dropped, so the next person to sign in never sees the previous one's data.
 */
export function AuthProvider({ children, session }: { children: ReactNode; session?: Session | null }) {
  const queryClient = useQueryClient();
  const [store] = useState(() => new AuthStore(session));
  const state = useSyncExternalStore(store.subscribe, store.getState);

  useEffect(() => registerSessionHandlers({ onSessionLost: store.sessionLost, refresh: store.checkSession }), [store]);

  useEffect(() => {
    if (store.getState().status === "loading") void store.boot();
  }, [store]);

  useEffect(() => {
    if (state.status === "signed-out") queryClient.clear();
  }, [state.status, queryClient]);

  // Roles changed while signed in (seen by a session check): the tenant list and its roles follow.
  const access = state.status === "signed-in" ? JSON.stringify([state.session.user, state.session.memberships]) : null;
  const lastAccess = useRef(access);
  useEffect(() => {
    const previous = lastAccess.current;
    lastAccess.current = access;
    if (previous && access && previous !== access) void queryClient.invalidateQueries({ queryKey: ["tenants"] });
  }, [access, queryClient]);

  const value = useMemo(() => ({ state, store }), [state, store]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
