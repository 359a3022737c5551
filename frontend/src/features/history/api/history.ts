import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
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

/** Pages of a view, newest first; `fetchNextPage` follows the server's cursor (stable while new calls arrive). */
export function useHistory(clientId: string, params: URLSearchParams) {
  const key = params.toString();
  return useInfiniteQuery({
    queryKey: ["history", clientId, key],
    queryFn: ({ pageParam, signal }) => apiGet<HistoryPage>(historyPath(clientId, params, pageParam), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

/** The provider's raw messages about a call (secrets removed by the server), for engineers. */
export function useRawEvents(clientId: string, callId: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ["raw-events", clientId, callId],
    queryFn: ({ signal }) => apiGet<{ events: RawEvent[]; limit: number }>(`${apiPath(clientId, "calls", callId)}/events`, signal),
  });
}
