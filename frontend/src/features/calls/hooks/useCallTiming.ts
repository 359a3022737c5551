import type { CallView } from "@/lib/api-types";
import { useNow } from "@/lib/use-now";
import { useClockOffset } from "@/features/live/hooks/live-context";
import { callTiming, isTicking, type CallTiming } from "../model/call-timing";

/** The call's duration now; live calls re-render every second on the shared clock, ended ones never. */
export function useCallTiming(call: Pick<CallView, "status" | "startedAt" | "endedAt" | "createdAt">): CallTiming {
  const now = useNow(isTicking(call));
  const offset = useClockOffset();
  return callTiming(call, now + offset);
}
