import { ArrowDownRight, ArrowUpRight, Minus } from "lucide-react";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import { cn } from "@/components/ui/cn";
import { humanizeKey } from "@/lib/format";
import type { FieldAverage, Kpis } from "../api/analytics";
import { delta, KPIS, type Delta } from "../model/kpis";

/** The KPI cards of a period, each with its change against the previous period. */
export function KpiCards({ kpis, previous, fields, comparedWith }: { kpis: Kpis; previous: Kpis; fields: FieldAverage[]; comparedWith: string }) {
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" data-testid="kpi-cards">
      {KPIS.map((d) => {
        const v = d.value(kpis);
        return (
          <KpiCard key={d.id} id={d.id} label={d.label} hint={d.hint} value={v === null ? "–" : d.format(v)}
            change={delta(v, d.value(previous), d.sense)} comparedWith={comparedWith} />
        );
      })}
      {fields.map((f) => (
        <KpiCard key={`field-${f.name}`} id={`field-${f.name}`} label={`Avg ${humanizeKey(f.name)}`} hint={`Over ${f.calls.toLocaleString("en-US")} calls with it`}
          value={f.average.toFixed(1)} change={delta(f.average, f.previousAverage, "up")} comparedWith={comparedWith} />
      ))}
    </div>
  );
}

function KpiCard({ id, label, value, hint, change, comparedWith }: { id: string; label: string; value: string; hint: string; change: Delta; comparedWith: string }) {
  return (
    <Card className="px-4 py-3" data-testid={`kpi-${id}`}>
      <div className="text-xs font-medium text-slate-500" title={hint}>{label}</div>
      <div className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums" data-testid="kpi-value">{value}</div>
      <DeltaBadge change={change} comparedWith={comparedWith} />
    </Card>
  );
}

function DeltaBadge({ change, comparedWith }: { change: Delta; comparedWith: string }) {
  const Icon = change.direction === "up" ? ArrowUpRight : change.direction === "down" ? ArrowDownRight : Minus;
  const text = change.direction === "flat" ? (change.ratio ? "±0%" : "no change") : change.ratio === null ? "new" : `${change.ratio > 0 ? "+" : ""}${(change.ratio * 100).toFixed(0)}%`;
  const tone = change.good === null ? "text-slate-500" : change.good ? "text-emerald-700" : "text-red-700";
  return (
    <div className={cn("mt-1 flex items-center gap-1 text-xs", tone)} data-testid="kpi-delta" data-direction={change.direction}
      data-tone={change.good === null ? "neutral" : change.good ? "good" : "bad"}>
      <Icon aria-hidden className="size-3.5" />
      <span className="tabular-nums">{text}</span>
      <span className="text-slate-400">vs {comparedWith}</span>
    </div>
  );
}

export function KpiCardsSkeleton() {
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" aria-busy="true" aria-label="Loading numbers">
      {KPIS.map((d) => (
        <Card key={d.id} className="space-y-2 px-4 py-3">
          <Skeleton className="h-3 w-20" />
          <Skeleton className="h-7 w-16" />
          <Skeleton className="h-3 w-24" />
        </Card>
      ))}
    </div>
  );
}
