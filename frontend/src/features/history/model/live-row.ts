import type { CallView } from "@/lib/api-types";
import type { HistoryItem } from "../api/history";

/**
 * The row as the socket has it now. The socket's copy is never older than the page's (it hears every change after
 * its snapshot), so its fields win; what it does not carry (the stored duration, transfer, the search highlight)
 * stays as loaded. A row without a live copy keeps its loaded state: an unfinished call the socket no longer
 * knows cannot be timed honestly, so its duration stays "—".
 */
export function withLiveState(item: HistoryItem, live: CallView | null): HistoryItem & { live: boolean } {
  if (!live) return { ...item, live: false };
  return {
    ...item,
    live: true,
    status: live.status,
    startedAt: live.startedAt,
    endedAt: live.endedAt,
    endedReason: live.endedReason,
    phoneNumber: live.phoneNumber ?? item.phoneNumber,
    assistantName: live.assistantName ?? item.assistantName,
    cost: live.cost ?? item.cost,
    summary: live.summary ?? item.summary,
    successEvaluation: live.successEvaluation ?? item.successEvaluation,
  };
}
