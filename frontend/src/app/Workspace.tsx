import { WifiOff } from "lucide-react";
import { lazy, useEffect } from "react";
import { LazyScreen } from "@/components/ui/LazyScreen";
import type { Tenant } from "@/lib/api-types";
import { TimeZoneContext } from "@/lib/time-zone";
import { CallBoard } from "@/features/calls/components/board/CallBoard";
import { BoardSummaryStrip } from "@/features/calls/components/board/BoardSummaryStrip";
import { CallDetailPanel } from "@/features/calls/components/detail/CallDetailPanel";
import { isLive } from "@/features/calls/model/call-status";
import { useCallOrder, useConnectionStatus, useHasSnapshot, useLiveCalls } from "@/features/live/hooks/live-context";
import { AdminLayout } from "@/features/admin/components/AdminLayout";
import { adminSection } from "@/features/admin/sections";
import { useSession } from "@/features/auth/hooks/auth-context";
import { useCallSelection } from "./useCallSelection";
import { useView } from "./useView";

// Screens other than the live board load when first opened (the admin sections too, see sections.tsx), so the board,
// what most people open first and keep open, starts sooner. The analytics screens also bring the chart library.
const HistoryScreen = lazy(() => import("@/features/history/components/HistoryScreen").then((m) => ({ default: m.HistoryScreen })));
const AnalyticsPage = lazy(() => import("@/features/analytics/components/AnalyticsPage").then((m) => ({ default: m.AnalyticsPage })));
const OverviewPage = lazy(() => import("@/features/analytics/components/OverviewPage").then((m) => ({ default: m.OverviewPage })));

/** Shows the number of live calls in the browser tab, so a background tab still tells you something. */
function useDocumentTitle(tenant: Tenant) {
  const calls = useLiveCalls();
  const order = useCallOrder();
  const live = order.reduce((n, id) => (calls[id] && isLive(calls[id]!) ? n + 1 : n), 0);
  useEffect(() => {
    document.title = `${live > 0 ? `(${live}) ` : ""}${tenant.name} · Switchboard`;
  }, [live, tenant.name]);
}

function StaleDataBanner() {
  const status = useConnectionStatus();
  const hasData = useHasSnapshot();
  if (!status || !hasData || status.phase === "live" || status.phase === "connecting") return null;
  return (
    <div role="status" className="flex items-center gap-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <WifiOff aria-hidden className="size-4 shrink-0" />
      <span>
        <strong className="font-medium">Connection lost.</strong> Showing the last known state; the board resyncs as soon as the connection is back.
      </span>
    </div>
  );
}

/**
 * One tenant's screens: the board (with the detail panel beside it when a call is open), or a section of its settings.
 * Every time on them is on the tenant's clock.
 */
export function Workspace({ tenant }: { tenant: Tenant }) {
  return (
    <TimeZoneContext.Provider value={tenant.timeZone}>
      <TenantScreen tenant={tenant} />
    </TimeZoneContext.Provider>
  );
}

function TenantScreen({ tenant }: { tenant: Tenant }) {
  const { view } = useView();
  useDocumentTitle(tenant);
  const agencyAdmin = useSession()?.user.agencyAdmin ?? false;
  const section = adminSection(view);
  if (section) return <AdminLayout tenant={tenant} section={section} />;
  if (view === "history") return <LazyScreen><HistoryScreen tenant={tenant} /></LazyScreen>;
  if (view === "analytics") return <LazyScreen><AnalyticsPage tenant={tenant} /></LazyScreen>;
  if (view === "overview" && agencyAdmin) return <LazyScreen><OverviewPage /></LazyScreen>;
  return <Board tenant={tenant} />;
}

function Board({ tenant }: { tenant: Tenant }) {
  const { callId, open, close } = useCallSelection();

  return (
    <div className="flex min-h-0 flex-1">
      <main className="@container min-w-0 flex-1 overflow-y-auto">
        <div className="mx-auto max-w-[90rem] space-y-5 px-4 py-6 sm:px-6">
          <div className="flex items-end justify-between gap-4">
            <div>
              <h2 className="text-lg font-semibold tracking-tight text-slate-900">Live calls</h2>
              <p className="text-sm text-slate-500">
                {tenant.name} · updates as they happen · times in {tenant.timeZone ?? "your time zone"} · ↑/↓ to move, Enter to open, Esc to close
              </p>
            </div>
          </div>
          <StaleDataBanner />
          <BoardSummaryStrip />
          <CallBoard clientId={tenant.id} tenantName={tenant.name} selectedCallId={callId} onOpen={open} />
        </div>
      </main>
      {callId && (
        <div className="w-[clamp(30rem,calc(67vw-12rem),52rem)] shrink-0 border-l border-slate-200 shadow-[-8px_0_24px_-12px_rgb(15_23_42/0.12)]">
          <CallDetailPanel key={`${tenant.id}/${callId}`} clientId={tenant.id} callId={callId} onClose={close} />
        </div>
      )}
    </div>
  );
}
