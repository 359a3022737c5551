import { Info, RefreshCw } from "lucide-react";
import { useMemo } from "react";
import { Button } from "@/components/ui/Button";
import { useClockOffset, useHasSnapshot, useLiveCalls } from "@/features/live/hooks/live-context";
import type { HistoryPage } from "../api/history";
import { listStaleness, stalenessMessage } from "../model/staleness";

export interface NewCallsBarProps {
  /** The view's loaded pages; undefined while the first is loading. */
  pages: readonly HistoryPage[] | undefined;
  /** A filter or search is on, so new calls of the tenant may not belong to the view. */
  filtered: boolean;
  /**
   * The view is being fetched again (a refresh, or a stale view refetching on return): the counts are about to be
   * answered, so the bar keeps out of the way rather than appear and vanish.
   */
  refetching: boolean;
  onRefresh: () => void;
}

/**
 * "2 new calls since this list was loaded — Refresh list": the list stays still while the live socket moves on.
 * Reads the live state here, not in the screen, so call updates re-render this bar and not the whole table.
 */
export function NewCallsBar({ pages, filtered, refetching, onRefresh }: NewCallsBarProps) {
  const live = useLiveCalls();
  const clockOffsetMs = useClockOffset();
  const hasSnapshot = useHasSnapshot();
  const staleness = useMemo(() => {
    const loadedAt = pages?.[0]?.requestedAt;
    if (!hasSnapshot || !pages || loadedAt === undefined) return null;
    return listStaleness({ items: pages.flatMap((p) => p.items), loadedAt, clockOffsetMs, live });
  }, [pages, hasSnapshot, clockOffsetMs, live]);

  // Nothing new takes no space at all: the table does not move until there is something to say.
  if (refetching || !staleness || staleness.newCalls + staleness.endedCalls === 0) return null;
  return (
    <div
      role="status"
      data-testid="history-new-calls"
      className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2 rounded-lg border border-blue-200 bg-blue-50 py-2 pr-2 pl-3 text-sm text-blue-900"
    >
      <span className="flex items-center gap-2">
        <Info aria-hidden className="size-4 shrink-0 text-blue-600" />
        {stalenessMessage(staleness, filtered)}
      </span>
      <Button size="sm" data-testid="history-refresh" onClick={onRefresh}>
        <RefreshCw aria-hidden className="size-3.5" /> Refresh list
      </Button>
    </div>
  );
}
