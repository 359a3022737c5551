import { Building2 } from "lucide-react";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { Skeleton } from "@/components/ui/Skeleton";
import { cn } from "@/components/ui/cn";
import { tableHeadClass } from "@/components/ui/table";
import { formatUsd } from "@/lib/format";
import { useOverview } from "../api/analytics";
import { formatPercent, formatSeconds } from "../model/kpis";
import { LoadError } from "./AnalyticsPage";
import { Sparkline } from "./Sparkline";

function analyticsHref(tenantId: string): string {
  const url = new URL(window.location.href);
  return `${url.pathname}?client=${encodeURIComponent(tenantId)}&view=analytics&range=today`;
}

/** Agency admins: every tenant in one table, today in each tenant's own time zone. Refreshes every 15 s. */
export function OverviewPage() {
  const overview = useOverview();
  const rows = overview.data?.tenants;
  return (
    <main className="min-w-0 flex-1 overflow-y-auto">
      <div className="mx-auto max-w-[90rem] space-y-5 px-4 py-6 sm:px-6">
        <div>
          <h2 className="text-lg font-semibold tracking-tight text-slate-900">Agency overview</h2>
          <p className="text-sm text-slate-500">Every tenant · "today" is each tenant's own day · refreshes every 15 seconds</p>
        </div>
        {overview.isError ? (
          <LoadError error={overview.error} retry={() => void overview.refetch()} />
        ) : !rows ? (
          <Card className="space-y-3 p-4" aria-busy="true">
            {[0, 1, 2].map((i) => <Skeleton key={i} className="h-8 w-full" />)}
          </Card>
        ) : rows.length === 0 ? (
          <Card>
            <EmptyState icon={<Building2 className="size-5" />} title="No tenants yet">
              Create one with <code>java -jar switchboard.jar tenant create &lt;id&gt;</code>.
            </EmptyState>
          </Card>
        ) : (
          <Card className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="overview-table">
              <thead className={cn("border-b border-slate-200 text-left", tableHeadClass)}>
                <tr>
                  {["Tenant", "Live now", "Calls today", "Success rate", "Avg duration", "Cost today", "Errors", "Last 14 days"].map((h, i) => (
                    <th key={h} scope="col" className={i === 0 || i === 7 ? "px-4 py-2" : "px-3 py-2 text-right"}>{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((t) => (
                  <tr key={t.id} data-testid={`overview-${t.id}`}>
                    <th scope="row" className="px-4 py-2 text-left font-medium">
                      <a href={analyticsHref(t.id)} className="text-slate-900 hover:text-blue-700 hover:underline">{t.name}</a>
                      <div className="text-xs font-normal text-slate-400">{t.timeZone}</div>
                    </th>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {t.liveCalls > 0 ? <span className="font-semibold text-emerald-700">{t.liveCalls}</span> : <span className="text-slate-400">0</span>}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{t.today.calls.toLocaleString("en-US")}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{t.today.successRate === null ? "–" : formatPercent(t.today.successRate)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{t.today.avgDurationSeconds === null ? "–" : formatSeconds(t.today.avgDurationSeconds)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatUsd(t.today.totalCost)}</td>
                    <td className={`px-3 py-2 text-right tabular-nums ${t.today.errors > 0 ? "font-semibold text-red-700" : "text-slate-400"}`}>{t.today.errors}</td>
                    <td className="px-4 py-2"><Sparkline points={t.sparkline} label={`${t.name}, calls per day`} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        )}
      </div>
    </main>
  );
}
