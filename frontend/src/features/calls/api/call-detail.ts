import { useQuery } from "@tanstack/react-query";
import { apiGet, apiPath } from "@/lib/api-client";
import type { CallDetail } from "@/lib/api-types";

/**
 * GET /api/{client}/calls/{call}. `refreshKey` changes whenever the live stream says the stored detail
 * moved on (a new call version, a transcript reset, a resync); the previous answer stays on screen
 * while the new one loads, so the panel never blanks.
 */
export function useCallDetailQuery(clientId: string, callId: string, refreshKey: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ["call-detail", clientId, callId, refreshKey],
    queryFn: ({ signal }) => apiGet<CallDetail>(apiPath(clientId, "calls", callId), signal),
    placeholderData: (previous, previousQuery) =>
      previousQuery && previousQuery.queryKey[1] === clientId && previousQuery.queryKey[2] === callId ? previous : undefined,
  });
}
