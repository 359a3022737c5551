import { useQuery } from "@tanstack/react-query";
import { ApiError, apiGet, apiSend } from "@/lib/api-client";

/** The signed-in person, as /api/auth/me and /api/auth/login describe them. */
export interface AuthUser {
  id: number;
  email: string;
  /** Agency admins see and administer every tenant. */
  agencyAdmin: boolean;
}

export interface Membership {
  tenantId: string;
  /** "viewer" | "supervisor" | "admin" (see lib/permissions). */
  role: string;
}

export interface Session {
  user: AuthUser;
  memberships: Membership[];
  /** Sent back as X-CSRF-Token with every write (api-client does it). */
  csrfToken: string;
}

/** A demo account the login page offers (demo mode only). */
export interface DemoUser {
  email: string;
  password: string;
  role: string;
  tenantId: string | null;
  description: string;
}

/** The current session, or null when not signed in (401). Other failures throw. */
export async function fetchSession(): Promise<Session | null> {
  try {
    return await apiGet<Session>("/api/auth/me");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function postLogin(email: string, password: string): Promise<Session> {
  return apiSend<Session>("POST", "/api/auth/login", { email, password });
}

export function postLogout(): Promise<void> {
  return apiSend<void>("POST", "/api/auth/logout");
}

/** The demo accounts, or null when the server is not in demo mode (404) or does not say. */
async function fetchDemoUsers(signal?: AbortSignal): Promise<DemoUser[] | null> {
  try {
    const users = await apiGet<unknown>("/api/auth/demo-users", signal);
    return Array.isArray(users) ? (users as DemoUser[]).filter((u) => u && typeof u.email === "string" && typeof u.password === "string") : null;
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    return null;
  }
}

export function useDemoUsers() {
  return useQuery({ queryKey: ["auth", "demo-users"], queryFn: ({ signal }) => fetchDemoUsers(signal), staleTime: Infinity, retry: false });
}
