import { ApiError } from "@/lib/api-client";

/** An action's failure in words: a headline for the code, the server's own message, the request id. */
export interface ActionErrorView {
  title: string;
  message: string;
  detail: string | null;
  code: string;
}

const TITLES: Record<string, string> = {
  call_not_live: "The call is no longer live",
  call_not_controllable: "This call can't be controlled",
  invalid_number: "That number isn't valid",
  invalid_request: "The request wasn't accepted",
  call_not_found: "Call not found",
  transfer_target_not_found: "That transfer target no longer exists",
  provider_rejected: "The provider rejected the action",
  provider_unreachable: "Couldn't reach the provider",
  provider_timeout: "The provider did not answer in time",
  network_error: "Couldn't reach Switchboard",
  duplicate_name: "That name is already taken",
  forbidden: "Your role doesn't allow this",
  csrf_failed: "This page's session is out of date",
};

const ADVICE: Record<string, string> = {
  provider_timeout: "It may still take effect: watch the call's status.",
  provider_unreachable: "Nothing was done. Try again in a moment.",
  call_not_controllable: "The provider gave no control URL for this call.",
  forbidden: "Ask an admin of this client if you need to do this.",
  csrf_failed: "Reload the page and try again.",
};

export function describeActionError(error: unknown): ActionErrorView {
  if (error instanceof ApiError) {
    const advice = ADVICE[error.code];
    return {
      code: error.code,
      title: TITLES[error.code] ?? (error.status >= 500 ? "Something went wrong on the server" : "The action failed"),
      message: advice ? `${error.message} ${advice}` : error.message,
      detail: error.requestId ? `Request ID ${error.requestId}` : null,
    };
  }
  return { code: "unknown", title: "The action failed", message: error instanceof Error ? error.message : "Something went wrong.", detail: null };
}
