import { AlertCircle, Inbox } from "lucide-react";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { Skeleton } from "@/components/ui/Skeleton";
import { Spinner } from "@/components/ui/Spinner";
import { tableHeadClass } from "@/components/ui/table";
import { ApiError } from "@/lib/api-client";
import { timeFormat } from "@/lib/time";
import type { HistoryItem } from "../api/history";
import { HistoryRow } from "./HistoryRow";

export interface HistoryTableProps {
  items: HistoryItem[];
  timeZone: string;
  loading: boolean;
  error: Error | null;
  hasMore: boolean;
  loadingMore: boolean;
  total?: { count: number; atLeast: boolean } | null;
  selectedId: string | null;
  onLoadMore: () => void;
  onRetry: () => void;
  onClearFilters: () => void;
  onOpen: (id: string) => void;
}

/**
 * The calls of a view, newest first, times in the tenant's zone; search matches highlighted. Beside an open call
 * (a narrow container) the assistant and summary columns give way.
 */
export function HistoryTable(p: HistoryTableProps) {
  if (p.error && p.items.length === 0) return <ErrorState error={p.error} onRetry={p.onRetry} />;
  if (p.loading && p.items.length === 0) {
    return (
      <div data-testid="history-loading" aria-busy="true" className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
        <span className="sr-only">Loading calls…</span>
        {Array.from({ length: 6 }, (_, i) => <Skeleton key={i} className="h-9 w-full" />)}
      </div>
    );
  }
  if (p.items.length === 0) {
    return (
      <div className="rounded-xl border border-slate-200 bg-white">
        <EmptyState icon={<Inbox className="size-5" />} title="No calls match this view" data-testid="history-empty">
          <p>Try a wider date range or fewer filters.</p>
          <Button className="mt-4" onClick={p.onClearFilters}>Clear filters</Button>
        </EmptyState>
      </div>
    );
  }
  const time = timeFormat(p.timeZone);
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white">
      {p.total && (
        <p className="border-b border-slate-100 px-4 py-2 text-xs text-slate-500" data-testid="history-total">
          {p.total.atLeast ? `${p.total.count.toLocaleString("en-US")}+ calls` : `${p.total.count.toLocaleString("en-US")} call${p.total.count === 1 ? "" : "s"}`} · times in {p.timeZone}
        </p>
      )}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="history-table">
          <thead className={tableHeadClass}>
            <tr>
              <th className="px-4 py-2">Time</th>
              <th className="px-3 py-2">Caller</th>
              <th className="hidden px-3 py-2 @2xl:table-cell">Assistant</th>
              <th className="px-3 py-2">Outcome</th>
              <th className="px-3 py-2 text-right">Duration</th>
              <th className="px-3 py-2 text-right">Cost</th>
              <th className="hidden px-4 py-2 @4xl:table-cell">Summary</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {p.items.map((c) => (
              <HistoryRow key={c.id} item={c} time={time} selected={p.selectedId === c.id} onOpen={p.onOpen} />
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex items-center justify-center border-t border-slate-100 px-4 py-3">
        {p.error ? (
          <p className="text-sm text-red-700">Couldn't load more: {p.error.message} <Button variant="ghost" onClick={p.onRetry}>Try again</Button></p>
        ) : p.hasMore ? (
          <Button onClick={p.onLoadMore} disabled={p.loadingMore}>
            {p.loadingMore ? <Spinner label="Loading" /> : null} Load more
          </Button>
        ) : (
          <p className="text-xs text-slate-400">That's every call in this view.</p>
        )}
      </div>
    </div>
  );
}

function ErrorState({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const badFilter = error instanceof ApiError && error.status === 400;
  return (
    <div className="rounded-xl border border-slate-200 bg-white" data-testid="history-error">
      <EmptyState icon={<AlertCircle className="size-5" />} title={badFilter ? "A filter needs fixing" : "Couldn't load the history"}>
        <p>{error.message}</p>
        {badFilter ? <p className="mt-1">Correct it above and apply again.</p> : (
          <Button className="mt-4" onClick={onRetry}>Try again</Button>
        )}
        {error instanceof ApiError && error.requestId && <p className="mt-1 text-xs text-slate-400">Request ID {error.requestId}</p>}
      </EmptyState>
    </div>
  );
}
