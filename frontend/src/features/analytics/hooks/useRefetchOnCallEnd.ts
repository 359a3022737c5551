import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useLiveSelector } from "@/features/live/hooks/live-context";
import type { LiveSnapshot } from "@/lib/live/live-socket";
import { analyticsKey } from "../api/analytics";
import { throttle } from "../model/throttle";

/** At most one refetch per this many ms, however many calls end at once. */
export const REFETCH_EVERY_MS = 2000;

/**
 * A number that changes when a call on the tenant's dashboard socket ends or an ended call changes (a late
 * report's cost): the count of ended calls plus their costs. A number, so the live store can compare it.
 */
function endedSignature(s: LiveSnapshot): number {
  let n = 0;
  for (const id of s.data.order) {
    const c = s.data.calls[id];
    if (c?.status === "ended") n += 1 + (c.cost ?? 0);
  }
  return s.data.hasSnapshot ? n : -1;
}

/** Refetches the tenant's analytics (throttled) when a call-upsert on the dashboard socket ends a call. */
export function useRefetchOnCallEnd(clientId: string) {
  const queryClient = useQueryClient();
  const signature = useLiveSelector(endedSignature, -1);
  const seen = useRef<number | null>(null);
  const refetch = useRef<ReturnType<typeof throttle> | null>(null);

  useEffect(() => {
    const t = throttle(() => void queryClient.invalidateQueries({ queryKey: analyticsKey(clientId) }), REFETCH_EVERY_MS);
    refetch.current = t;
    return () => t.cancel();
  }, [clientId, queryClient]);

  useEffect(() => {
    if (signature < 0) return;
    // The first snapshot is the baseline: the page has just loaded these numbers.
    if (seen.current !== null && seen.current !== signature) refetch.current?.call();
    seen.current = signature;
  }, [signature]);
}
