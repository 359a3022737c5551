import { ApiError, setCsrfToken } from "@/lib/api-client";
import { fetchSession, postLogin, postLogout, type Session } from "./api/auth";

/** Why the sign-in screen is showing: first visit, the session ran out, or the person signed out. */
export type SignedOutReason = "none" | "expired" | "signed-out";

export type AuthState =
  | { status: "loading" }
  /** /api/auth/me failed for another reason than "not signed in" (server down, network). */
  | { status: "unreachable"; error: Error }
  | { status: "signed-out"; reason: SignedOutReason }
  | { status: "signed-in"; session: Session };

/**
 * The browser's session, framework-free (React reads it through useSyncExternalStore). It keeps the
 * api client's CSRF token in step with the session, and turns "some request answered 401" into the
 * sign-in screen.
 */
export class AuthStore {
  private state: AuthState;
  private readonly listeners = new Set<() => void>();
  private booting: Promise<void> | null = null;
  private checking: Promise<void> | null = null;

  constructor(initial?: Session | null) {
    this.state = initial === undefined ? { status: "loading" } : initial ? { status: "signed-in", session: initial } : { status: "signed-out", reason: "none" };
    setCsrfToken(initial?.csrfToken ?? null);
  }

  readonly getState = (): AuthState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Asks the server who is signed in (the session cookie is HttpOnly: only the server can tell). */
  readonly boot = (): Promise<void> => {
    if (this.booting) return this.booting;
    if (this.state.status !== "loading" && this.state.status !== "unreachable") return Promise.resolve();
    this.set({ status: "loading" });
    this.booting = fetchSession()
      .then((session) => this.set(session ? { status: "signed-in", session } : { status: "signed-out", reason: "none" }))
      .catch((error: unknown) => this.set({ status: "unreachable", error: error instanceof Error ? error : new Error(String(error)) }))
      .finally(() => {
        this.booting = null;
      });
    return this.booting;
  };

  /** Throws the server's ApiError (invalid_credentials, too_many_attempts, …) for the form to show. */
  readonly signIn = async (email: string, password: string): Promise<Session> => {
    const session = await postLogin(email, password);
    this.set({ status: "signed-in", session });
    return session;
  };

  /**
   * Ends the session on the server, then here. If the server cannot be reached the session is still
   * alive, so this throws and stays signed in rather than pretend.
   */
  readonly signOut = async (): Promise<void> => {
    try {
      await postLogout();
    } catch (error) {
      // 401: already gone on the server, which is what was wanted.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    this.set({ status: "signed-out", reason: "signed-out" });
  };

  /** Some request answered 401: the session expired or was revoked. */
  readonly sessionLost = (): void => {
    if (this.state.status === "signed-in") this.set({ status: "signed-out", reason: "expired" });
    else if (this.state.status === "loading") this.set({ status: "signed-out", reason: "none" });
  };

  /**
   * Re-reads the session (a socket was refused, a CSRF token went stale): a lost session goes to the
   * sign-in screen, a live one refreshes its token and memberships. Network failures change nothing.
   */
  readonly checkSession = (): Promise<void> => {
    if (this.state.status !== "signed-in") return Promise.resolve();
    if (this.checking) return this.checking;
    this.checking = fetchSession()
      .then((session) => {
        if (this.state.status !== "signed-in") return;
        if (!session) this.set({ status: "signed-out", reason: "expired" });
        // Only a real change (new token, other memberships) re-renders the app.
        else if (JSON.stringify(session) !== JSON.stringify(this.state.session)) this.set({ status: "signed-in", session });
      })
      .catch(() => undefined)
      .finally(() => {
        this.checking = null;
      });
    return this.checking;
  };

  private set(next: AuthState): void {
    this.state = next;
    setCsrfToken(next.status === "signed-in" ? next.session.csrfToken : null);
    for (const listener of this.listeners) listener();
  }
}
