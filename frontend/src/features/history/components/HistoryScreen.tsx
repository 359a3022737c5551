import { Download } from "lucide-react";
import { useCallback, useMemo } from "react";
import type { Tenant } from "@/lib/api-types";
import { setSearchParams, useSearch, useSearchParam } from "@/app/url-state";
import { CallDetailPanel } from "@/features/calls/components/detail/CallDetailPanel";
import { exportPath, useHistory, useRefreshHistory } from "../api/history";
import { EMPTY_FILTERS, filterKeysIn, filtersFromSearch, filtersToParams, type HistoryFilters } from "../model/filters";
import { FilterBar } from "./FilterBar";
import { HistoryTable } from "./HistoryTable";
import { NewCallsBar } from "./NewCallsBar";
import { RawEvents } from "./RawEvents";
import { TimeFilterChips } from "./TimeFilterChips";

/**
 * ?view=history: every call of the tenant, filtered and searched, with the filters in the URL (a link shows the same
 * view), and a call page beside the table (?call=<id>) with the raw provider events for engineers.
 */
export function HistoryScreen({ tenant }: { tenant: Tenant }) {
  const search = useSearch();
  const callId = useSearchParam("call");
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const params = useMemo(() => filtersToParams(filters), [filters]);
  const history = useHistory(tenant.id, params);
  const refresh = useRefreshHistory(tenant.id, params);
  const pages = history.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  const timeZone = tenant.timeZone ?? "UTC";
  // Stable, so "Load more" and a selection re-render only the rows that changed (the rows are memoised).
  const open = useCallback((id: string) => setSearchParams({ call: id }), []);

  const apply = (next: HistoryFilters) => {
    const changes: Record<string, string | null> = { call: null };
    for (const key of filterKeysIn(window.location.search)) changes[key] = null;
    for (const [key, value] of filtersToParams(next)) changes[key] = value;
    setSearchParams(changes);
  };

  return (
    <div className="flex min-h-0 flex-1">
      {/* A container: the filters and the table fit the list's width, which shrinks when a call is open. */}
      <main className="@container min-w-0 flex-1 overflow-y-auto">
        <div className="mx-auto max-w-[90rem] space-y-4 px-4 py-6 sm:px-6">
          <div className="flex items-end justify-between gap-4">
            <div>
              <h2 className="text-lg font-semibold tracking-tight text-slate-900">History</h2>
              <p className="text-sm text-slate-500">{tenant.name} · every call, newest first · days and times in {timeZone}</p>
            </div>
            <ExportMenu clientId={tenant.id} params={params} />
          </div>
          <FilterBar key={params.toString()} value={filters} onApply={apply} />
          <TimeFilterChips value={filters} timeZone={timeZone} onApply={apply} />
          <NewCallsBar
            pages={history.data?.pages}
            filtered={params.toString() !== ""}
            refetching={history.isRefetching}
            onRefresh={() => void refresh()}
          />
          <HistoryTable
            items={items}
            timeZone={timeZone}
            loading={history.isPending}
            error={history.error}
            hasMore={!!history.hasNextPage}
            loadingMore={history.isFetchingNextPage}
            total={pages[0]?.total}
            selectedId={callId}
            onLoadMore={() => void history.fetchNextPage()}
            onRetry={() => void (items.length ? history.fetchNextPage() : history.refetch())}
            onClearFilters={() => apply(EMPTY_FILTERS)}
            onOpen={open}
          />
        </div>
      </main>
      {callId && (
        <div className="flex w-[clamp(30rem,calc(67vw-12rem),52rem)] shrink-0 flex-col border-l border-slate-200 shadow-[-8px_0_24px_-12px_rgb(15_23_42/0.12)]">
          <div className="min-h-0 flex-1">
            <CallDetailPanel key={`${tenant.id}/${callId}`} clientId={tenant.id} callId={callId} onClose={() => setSearchParams({ call: null })} />
          </div>
          <RawEvents key={callId} clientId={tenant.id} callId={callId} />
        </div>
      )}
    </div>
  );
}

/** Downloads of exactly the view on screen (same parameters as the table's query). */
function ExportMenu({ clientId, params }: { clientId: string; params: URLSearchParams }) {
  return (
    <details className="relative" data-testid="export-menu">
      <summary className="inline-flex h-9 cursor-pointer list-none items-center gap-1.5 rounded-lg px-3 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50">
        <Download aria-hidden className="size-4" /> Export
      </summary>
      <div className="absolute right-0 z-10 mt-1 w-56 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
        <a className="block rounded px-3 py-2 text-sm text-slate-700 hover:bg-slate-50" href={exportPath(clientId, params, "csv")} download>
          CSV (opens in Excel)
        </a>
        <a className="block rounded px-3 py-2 text-sm text-slate-700 hover:bg-slate-50" href={exportPath(clientId, params, "jsonl")} download>
          JSON lines
        </a>
        <p className="px-3 py-1.5 text-xs text-slate-400">Exactly the calls of this view. Exports are audited.</p>
      </div>
    </details>
  );
}
