import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CategoryCount, DurationBin, Hourly, Trend } from "../api/analytics";
import { followInPlace, historyHref, openHistory } from "../model/history-link";
import { CATEGORY_COLOURS, CATEGORY_LABELS, TREND_METRICS, type TrendMetric } from "../model/charts";
import { formatSeconds } from "../model/kpis";

const hourLabel = (h: number) => `${String(h).padStart(2, "0")}:00`;

/** Calls per local hour today, against the usual for this weekday. A bar opens today's calls of that hour in History. */
export function HourlyChart({ data }: { data: Hourly }) {
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={data.hours} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="hour" tickFormatter={hourLabel} interval={2} fontSize={11} />
        <YAxis allowDecimals={false} fontSize={11} />
        <Tooltip labelFormatter={(h) => hourLabel(Number(h))} formatter={(v, name) => [typeof v === "number" ? v.toFixed(name === "usual" ? 1 : 0) : v, name === "usual" ? `Usual ${data.weekday}` : "Today"]} />
        <Bar dataKey="usual" fill="#cbd5e1" name="usual" isAnimationActive={false} />
        <Bar dataKey="calls" fill="#2563eb" name="calls" cursor="pointer" isAnimationActive={false}
          onClick={(_, i) => openHistory({ from: data.date, to: data.date, hour: String(data.hours[i]?.hour ?? i) })} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** One metric per local day; a point opens that day's calls in History. */
export function TrendChart({ data, metric }: { data: Trend; metric: TrendMetric }) {
  const m = TREND_METRICS.find((x) => x.id === metric)!;
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart data={data.points} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}
        onClick={(state) => {
          const i = Number(state?.activeTooltipIndex ?? NaN);
          const day = Number.isInteger(i) ? data.points[i] : undefined;
          if (day) openHistory({ from: day.date, to: day.date });
        }}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="date" tickFormatter={(d: string) => d.slice(5)} fontSize={11} minTickGap={16} />
        <YAxis fontSize={11} tickFormatter={(v: number) => m.format(v)} width={64} allowDecimals={metric !== "calls"} />
        <Tooltip formatter={(v) => [typeof v === "number" ? m.format(v) : "–", m.label]} />
        <Line type="monotone" dataKey={metric} stroke="#2563eb" strokeWidth={2} dot={data.points.length <= 31} connectNulls isAnimationActive={false} cursor="pointer" />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Calls by ended-reason group, each a link to those calls in History. */
export function CategoryChart({ categories, from, to }: { categories: CategoryCount[]; from: string; to: string }) {
  const total = categories.reduce((n, c) => n + c.calls, 0);
  return (
    <ul className="space-y-2" data-testid="categories">
      {categories.map((c) => {
        const share = total ? c.calls / total : 0;
        return (
          <li key={c.category}>
            <a href={historyHref({ category: c.category, from, to })} className="group block rounded-md focus-visible:outline-2 focus-visible:outline-blue-600"
              onClick={(e) => followInPlace(e, { category: c.category, from, to })}>
              <div className="flex justify-between text-sm">
                <span className="text-slate-700 group-hover:text-blue-700 group-hover:underline">{CATEGORY_LABELS[c.category] ?? c.category}</span>
                <span className="text-slate-500 tabular-nums">{c.calls.toLocaleString("en-US")} · {(share * 100).toFixed(0)}%</span>
              </div>
              <div className="mt-1 h-2 rounded-full bg-slate-100">
                <div className="h-2 rounded-full" style={{ width: `${share * 100}%`, background: CATEGORY_COLOURS[c.category] ?? "#64748b" }} />
              </div>
            </a>
          </li>
        );
      })}
    </ul>
  );
}

const binLabel = (b: DurationBin) => (b.toSeconds === null ? `${formatSeconds(b.fromSeconds)}+` : `${formatSeconds(b.fromSeconds)}–${formatSeconds(b.toSeconds)}`);

/** How long calls lasted; a bar opens the calls of that length in History. */
export function DurationChart({ bins, from, to }: { bins: DurationBin[]; from: string; to: string }) {
  // The axis names each bar by where it starts ("1m 15s"): whole ranges ("1m 15s–1m 30s") ran into each other.
  const data = bins.map((b) => ({ ...b, label: binLabel(b), start: b.toSeconds === null ? `${formatSeconds(b.fromSeconds)}+` : formatSeconds(b.fromSeconds) }));
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="start" fontSize={10} interval={1} />
        <YAxis allowDecimals={false} fontSize={11} />
        <Tooltip labelFormatter={(_, payload) => String(payload?.[0]?.payload?.label ?? "")} formatter={(v) => [v, "Calls"]} />
        <Bar dataKey="calls" fill="#0891b2" cursor="pointer" isAnimationActive={false}
          onClick={(_, i) => {
            const b = bins[i];
            if (b) openHistory({ from, to, minDuration: String(b.fromSeconds), maxDuration: b.toSeconds === null ? undefined : String(b.toSeconds) });
          }}>
          {data.map((b) => <Cell key={b.label} />)}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
