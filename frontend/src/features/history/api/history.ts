import { useInfiniteQuery, useQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { apiGet, apiPath } from "@/lib/api-client";
import type { JsonValue } from "@/lib/api-types";

/** One part of a search snippet; `match` parts are the words that matched. */
export interface HighlightPart {
  text: string;
  match: boolean;
}

/** A call in the history list (GET /api/{client}/history). Times are UTC ISO without offset, like the rest of the API. */
export interface HistoryItem {
  id: string;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  status: string;
  direction: string | null;
  type: string | null;
  phoneNumber: string | null;
  assistantId: string | null;
  assistantName: string | null;
  endedReason: string | null;
  endedCategory: string | null;
  durationSeconds: number | null;
  cost: number | null;
  transferred: boolean;
  successEvaluation: JsonValue | null;
  summary: string | null;
  highlight?: HighlightPart[] | null;
}

export interface HistoryPage {
  items: HistoryItem[];
  next?: string | null;
  /** First pages only: exact up to 500, then `atLeast`. */
  total?: { count: number; atLeast: boolean } | null;
  /**
   * Set here, not by the API: local epoch ms when the page was requested. The first page's is the moment the list
   * was loaded; unlike the query's dataUpdatedAt, loading older pages does not move it.
   */
  requestedAt?: number;
}

export interface RawEvent {
  id: number;
  type: string;
  receivedAt: string;
  payload: JsonValue;
}

export function historyPath(clientId: string, params: URLSearchParams, cursor?: string | null): string {
  const p = new URLSearchParams(params);
  if (cursor) p.set("cursor", cursor);
  const query = p.toString();
  return apiPath(clientId, "history") + (query ? `?${query}` : "");
}

/** The export of exactly this view (the browser downloads it with the session cookie). */
export function exportPath(clientId: string, params: URLSearchParams, format: "csv" | "jsonl"): string {
  const query = params.toString();
  return `${apiPath(clientId, "history")}/export.${format}${query ? `?${query}` : ""}`;
}

export const historyKey = (clientId: string, params: URLSearchParams) => ["history", clientId, params.toString()] as const;

/** Pages of a view, newest first; `fetchNextPage` follows the server's cursor (stable while new calls arrive). */
export function useHistory(clientId: string, params: URLSearchParams) {
  return useInfiniteQuery({
    queryKey: historyKey(clientId, params),
    queryFn: async ({ pageParam, signal }): Promise<HistoryPage> => {
      // Stamped before asking: the page holds every call the server had by then, so this errs towards counting.
      const requestedAt = Date.now();
      return { ...(await apiGet<HistoryPage>(historyPath(clientId, params, pageParam), signal)), requestedAt };
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

/**
 * Back to the newest calls of a view: keep only the first page and fetch it again. Refetching the infinite query
 * as it stands would fetch every page loaded so far; resetting it would blank the table while it loads. The old
 * first page stays on screen until the new one arrives.
 */
export function useRefreshHistory(clientId: string, params: URLSearchParams) {
  const queryClient = useQueryClient();
  return () => {
    const queryKey = historyKey(clientId, params);
    queryClient.setQueryData<InfiniteData<HistoryPage, string | null>>(queryKey, (data) =>
      data && { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) },
    );
    return queryClient.refetchQueries({ queryKey, exact: true });
  };
}

/** The provider's raw messages about a call (secrets removed by the server), for engineers. */
export function useRawEvents(clientId: string, callId: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ["raw-events", clientId, callId],
    queryFn: ({ signal }) => apiGet<{ events: RawEvent[]; limit: number }>(`${apiPath(clientId, "calls", callId)}/events`, signal),
  });
}
