/**
 * The one way the UI talks to the REST API. Every failure becomes an ApiError carrying the backend's
 * error model ({"error":{"code","message","requestId"}}) so screens can branch on `code` and show the
 * request id people quote in support tickets.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;

  constructor(status: number, code: string, message: string, requestId: string | null = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; requestId?: unknown };
}

export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json" }, signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "network_error", "Could not reach Switchboard. Check your connection.");
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

/**
 * A request with a JSON body (POST/PUT/DELETE). Answers 204 (or an empty body) with undefined.
 */
export async function apiSend<T>(method: "POST" | "PUT" | "DELETE", path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? { Accept: "application/json" } : { Accept: "application/json", "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "network_error", "Could not reach Switchboard. Check your connection.");
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  const fallback = `Request failed with HTTP ${response.status}`;
  try {
    const body = (await response.json()) as ErrorBody;
    const err = body.error;
    if (err && typeof err.code === "string") {
      return new ApiError(
        response.status,
        err.code,
        typeof err.message === "string" ? err.message : fallback,
        typeof err.requestId === "string" ? err.requestId : null,
      );
    }
  } catch {
    // Not our JSON error model (a proxy page, an empty body): fall through to a generic error.
  }
  return new ApiError(response.status, `http_${response.status}`, fallback);
}

/** Path segments come from URLs and provider ids: always encode them. */
export function apiPath(...segments: string[]): string {
  return "/api/" + segments.map(encodeURIComponent).join("/");
}
