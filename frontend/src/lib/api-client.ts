/**
 * The one way the UI talks to the REST API. Every failure becomes an ApiError carrying the backend's
 * error model ({"error":{"code","message","requestId"}}) so screens can branch on `code` and show the
 * request id people quote in support tickets.
 *
 * It also carries the session's two cross-cutting rules, so no screen has to remember them:
 * - every request that changes something (POST/PUT/DELETE) sends `X-CSRF-Token` with the session's token;
 * - an answer 401 (`not_signed_in`: the session expired or was revoked) tells the auth layer, which
 *   goes back to the sign-in screen. A stale CSRF token (403 `csrf_failed`) is refreshed once and the
 *   request retried.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;
  /** Seconds to wait before trying again (the `Retry-After` header of a 429/503), when the server said. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, code: string, message: string, requestId: string | null = null, retryAfterSeconds: number | null = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** Signed in, but the role does not allow this. */
  get isForbidden(): boolean {
    return this.status === 403 && this.code !== CSRF_FAILED;
  }
}

export const CSRF_HEADER = "X-CSRF-Token";
const CSRF_FAILED = "csrf_failed";
/** The one 401 that is an answer (wrong email or password), not a lost session. */
const INVALID_CREDENTIALS = "invalid_credentials";

let csrfToken: string | null = null;
let sessionLost: (() => void) | null = null;
let refreshSession: (() => Promise<void>) | null = null;

/** The signed-in session's CSRF token (from /api/auth/me or /api/auth/login); null when signed out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/**
 * Registers the auth layer: `onSessionLost` runs when any request answers 401 (not signed in any more);
 * `refresh` re-reads the session (a new CSRF token). Returns an unregister function.
 */
export function registerSessionHandlers(handlers: { onSessionLost: () => void; refresh?: () => Promise<void> }): () => void {
  sessionLost = handlers.onSessionLost;
  refreshSession = handlers.refresh ?? null;
  return () => {
    if (sessionLost === handlers.onSessionLost) {
      sessionLost = null;
      refreshSession = null;
    }
  };
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; requestId?: unknown };
}

const NETWORK_MESSAGE = "Could not reach Switchboard. Check your connection.";

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "network_error", NETWORK_MESSAGE);
  }
}

/**
 * Turns a failed response into an ApiError and tells the auth layer when the session is gone, or
 * (403) may have changed: a role taken away meanwhile should hide what it no longer allows.
 */
async function fail(response: Response): Promise<ApiError> {
  const error = await toApiError(response);
  if (error.status === 401 && error.code !== INVALID_CREDENTIALS) sessionLost?.();
  else if (error.isForbidden) void refreshSession?.().catch(() => undefined);
  return error;
}

export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await send(path, { headers: { Accept: "application/json" }, signal });
  if (!response.ok) throw await fail(response);
  return (await response.json()) as T;
}

function writeHeaders(hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (hasBody) headers["Content-Type"] = "application/json";
  if (csrfToken) headers[CSRF_HEADER] = csrfToken;
  return headers;
}

/**
 * A request with a JSON body (POST/PUT/PATCH/DELETE), with the session's CSRF token. Answers 204 (or an
 * empty body) with undefined.
 */
export async function apiSend<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const request = (): Promise<Response> =>
    send(path, { method, headers: writeHeaders(body !== undefined), body: body === undefined ? undefined : JSON.stringify(body), signal });
  let response = await request();
  if (response.status === 403 && refreshSession) {
    const error = await toApiError(response.clone());
    if (error.code === CSRF_FAILED) {
      // The token changed (signed in again in another tab): take the current one and try once more.
      await refreshSession().catch(() => undefined);
      response = await request();
    }
  }
  if (!response.ok) throw await fail(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function toApiError(response: Response): Promise<ApiError> {
  const fallback = `Request failed with HTTP ${response.status}`;
  const retryAfter = parseRetryAfter(response.headers.get("Retry-After"));
  try {
    const body = (await response.json()) as ErrorBody;
    const err = body.error;
    if (err && typeof err.code === "string") {
      return new ApiError(
        response.status,
        err.code,
        typeof err.message === "string" ? err.message : fallback,
        typeof err.requestId === "string" ? err.requestId : null,
        retryAfter,
      );
    }
  } catch {
    // Not our JSON error model (a proxy page, an empty body): fall through to a generic error.
  }
  return new ApiError(response.status, `http_${response.status}`, fallback, null, retryAfter);
}

/** Path segments come from URLs and provider ids: always encode them. */
export function apiPath(...segments: string[]): string {
  return "/api/" + segments.map(encodeURIComponent).join("/");
}
