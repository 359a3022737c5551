import { BarChart3 } from "lucide-react";
import { useState, type ReactNode } from "react";
import { setSearchParams, useSearchParam } from "@/app/url-state";
import { Card, Section } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { Skeleton } from "@/components/ui/Skeleton";
import { cn } from "@/components/ui/cn";
import { ApiError } from "@/lib/api-client";
import type { Tenant } from "@/lib/api-types";
import { useHourly, useSummary, useTrend, type RangeName, type TrendDays } from "../api/analytics";
import { useRefetchOnCallEnd } from "../hooks/useRefetchOnCallEnd";
import { CategoryChart, DurationChart, HourlyChart, TrendChart } from "./AnalyticsCharts";
import { TREND_METRICS, type TrendMetric } from "../model/charts";
import { Heatmap } from "./Heatmap";
import { KpiCards, KpiCardsSkeleton } from "./KpiCards";

const RANGES: { id: RangeName; label: string; compared: string }[] = [
  { id: "today", label: "Today", compared: "yesterday so far" },
  { id: "7d", label: "7 days", compared: "previous 7 days" },
  { id: "30d", label: "30 days", compared: "previous 30 days" },
  { id: "90d", label: "90 days", compared: "previous 90 days" },
  { id: "custom", label: "Custom", compared: "previous period" },
];

function useRange(): { range: RangeName; from: string | null; to: string | null } {
  const raw = useSearchParam("range");
  const range = RANGES.some((r) => r.id === raw) ? (raw as RangeName) : "today";
  return { range, from: useSearchParam("from"), to: useSearchParam("to") };
}

/** The tenant's Analytics screen (?view=analytics&range=…): KPIs with deltas, charts, drill-down into History. */
export function AnalyticsPage({ tenant }: { tenant: Tenant }) {
  const { range, from, to } = useRange();
  const customIncomplete = range === "custom" && (!from || !to);
  const summary = useSummary(tenant.id, customIncomplete ? "today" : range, from, to);
  useRefetchOnCallEnd(tenant.id);
  const compared = RANGES.find((r) => r.id === range)!.compared;
  const data = summary.data;

  return (
    <main className="min-w-0 flex-1 overflow-y-auto">
      <div className="mx-auto max-w-[90rem] space-y-5 px-4 py-6 sm:px-6">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h2 className="text-lg font-semibold tracking-tight text-slate-900">Analytics</h2>
            <p className="text-sm text-slate-500">
              {tenant.name} · ended calls{data ? ` ${data.from === data.to ? `on ${data.from}` : `${data.from} – ${data.to}`}` : ""} · times in {tenant.timeZone ?? data?.timeZone ?? "UTC"} · updates when a call ends
            </p>
          </div>
          <RangePicker range={range} from={from} to={to} />
        </div>

        {summary.isError ? (
          <LoadError error={summary.error} retry={() => void summary.refetch()} />
        ) : !data ? (
          <KpiCardsSkeleton />
        ) : data.kpis.calls === 0 && data.previous.calls === 0 ? (
          <Card>
            <EmptyState icon={<BarChart3 className="size-5" />} title="No calls in this range yet" data-testid="analytics-empty">
              Numbers appear here as soon as calls end. Pick a longer range, or point your provider's webhooks at Switchboard.
            </EmptyState>
          </Card>
        ) : (
          <KpiCards kpis={data.kpis} previous={data.previous} fields={data.fields} comparedWith={compared} />
        )}

        <div className="grid gap-4 lg:grid-cols-2">
          <HourlyPanel clientId={tenant.id} />
          <TrendPanel clientId={tenant.id} range={range} />
          <Panel title="How calls ended">
            {data ? <CategoryChart categories={data.categories} from={data.from} to={data.to} /> : <ChartSkeleton />}
          </Panel>
          <Panel title="Call duration">
            {data ? <DurationChart bins={data.durations} from={data.from} to={data.to} /> : <ChartSkeleton />}
          </Panel>
          <Panel title="Busiest times (weekday × hour)" className="lg:col-span-2">
            {data ? <Heatmap cells={data.heatmap} from={data.from} to={data.to} /> : <ChartSkeleton />}
          </Panel>
        </div>
      </div>
    </main>
  );
}

function RangePicker({ range, from, to }: { range: RangeName; from: string | null; to: string | null }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div role="group" aria-label="Range" className="inline-flex rounded-lg border border-slate-200 bg-white p-0.5">
        {RANGES.map((r) => (
          <button key={r.id} type="button" aria-pressed={range === r.id}
            onClick={() => setSearchParams({ range: r.id, ...(r.id === "custom" ? {} : { from: null, to: null }) })}
            className={cn("rounded-md px-2.5 py-1 text-sm font-medium", range === r.id ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100")}>
            {r.label}
          </button>
        ))}
      </div>
      {range === "custom" && (
        <div className="flex items-center gap-1 text-sm">
          <input type="date" aria-label="From" value={from ?? ""} onChange={(e) => setSearchParams({ from: e.target.value || null })} className="rounded-md border border-slate-300 px-2 py-1" />
          <span className="text-slate-400">–</span>
          <input type="date" aria-label="To" value={to ?? ""} onChange={(e) => setSearchParams({ to: e.target.value || null })} className="rounded-md border border-slate-300 px-2 py-1" />
        </div>
      )}
    </div>
  );
}

function HourlyPanel({ clientId }: { clientId: string }) {
  const hourly = useHourly(clientId);
  return (
    <Panel title={hourly.data ? `Calls per hour today vs a usual ${hourly.data.weekday}` : "Calls per hour today"}>
      {hourly.isError ? <LoadError error={hourly.error} retry={() => void hourly.refetch()} /> : hourly.data ? <HourlyChart data={hourly.data} /> : <ChartSkeleton />}
    </Panel>
  );
}

function TrendPanel({ clientId, range }: { clientId: string; range: RangeName }) {
  const param = useSearchParam("trend");
  const days: TrendDays = param === "7" ? 7 : param === "90" ? 90 : param === "30" ? 30 : range === "7d" ? 7 : range === "90d" ? 90 : 30;
  const [metric, setMetric] = useState<TrendMetric>("calls");
  const trend = useTrend(clientId, days);
  const controls = (
    <div className="flex gap-2">
      <select aria-label="Trend metric" value={metric} onChange={(e) => setMetric(e.target.value as TrendMetric)} className="rounded-md border border-slate-300 px-1.5 py-0.5 text-xs">
        {TREND_METRICS.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
      </select>
      <div role="group" aria-label="Trend days" className="inline-flex gap-0.5">
        {([7, 30, 90] as const).map((d) => (
          <button key={d} type="button" aria-pressed={days === d} onClick={() => setSearchParams({ trend: String(d) })}
            className={cn("rounded px-1.5 py-0.5 text-xs", days === d ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100")}>
            {d}d
          </button>
        ))}
      </div>
    </div>
  );
  return (
    <Panel title={`Trend, last ${days} days`} action={controls}>
      {trend.isError ? <LoadError error={trend.error} retry={() => void trend.refetch()} /> : trend.data ? <TrendChart data={trend.data} metric={metric} /> : <ChartSkeleton />}
    </Panel>
  );
}

function Panel({ title, action, className, children }: { title: string; action?: ReactNode; className?: string; children: ReactNode }) {
  return (
    <Card className={cn("p-4", className)}>
      <Section title={title} action={action}>{children}</Section>
    </Card>
  );
}

function ChartSkeleton() {
  return <Skeleton className="h-[220px] w-full" />;
}

/** What went wrong and what to do about it. */
export function LoadError({ error, retry }: { error: unknown; retry: () => void }) {
  const api = error instanceof ApiError ? error : null;
  const what = api?.status === 400 ? api.message : api?.isForbidden ? "Your role cannot see these numbers; ask an admin of this tenant." : "The numbers could not be loaded. Check your connection, then try again.";
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
      {what}
      {api?.requestId && <span className="text-red-700"> (request {api.requestId})</span>}{" "}
      <button type="button" onClick={retry} className="font-medium underline">Try again</button>
    </div>
  );
}
