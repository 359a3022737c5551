import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiGet, apiPath } from "@/lib/api-client";

/** The headline numbers of a period (GET /api/{client}/analytics/summary). Only ended calls count. */
export interface Kpis {
  calls: number;
  answered: number;
  evaluated: number;
  successes: number;
  /** successes / evaluated calls, 0..1; null when nothing was evaluated. */
  successRate: number | null;
  avgDurationSeconds: number | null;
  medianDurationSeconds: number | null;
  totalCost: number;
  costPerMinute: number | null;
  transfers: number;
  errors: number;
}

export interface FieldAverage {
  name: string;
  calls: number;
  average: number;
  previousAverage: number | null;
}

export interface CategoryCount {
  category: string;
  calls: number;
}

export interface DurationBin {
  fromSeconds: number;
  toSeconds: number | null;
  calls: number;
}

export interface RangeView {
  timeZone: string;
  range: string;
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  kpis: Kpis;
  previous: Kpis;
  fields: FieldAverage[];
  categories: CategoryCount[];
  durations: DurationBin[];
  /** [weekday Monday..Sunday][local hour 0..23] → calls. */
  heatmap: number[][];
}

export interface TrendDay {
  date: string;
  calls: number;
  successRate: number | null;
  avgDurationSeconds: number | null;
  cost: number;
}

export interface Trend {
  timeZone: string;
  days: number;
  from: string;
  to: string;
  points: TrendDay[];
}

export interface Hourly {
  timeZone: string;
  date: string;
  weekday: string;
  weeks: number;
  hours: { hour: number; calls: number; usual: number }[];
}

export interface OverviewRow {
  id: string;
  name: string;
  timeZone: string;
  liveCalls: number;
  today: Kpis;
  sparkline: { date: string; calls: number }[];
}

export type RangeName = "today" | "7d" | "30d" | "90d" | "custom";
export type TrendDays = 7 | 30 | 90;

/** Every analytics query of a tenant starts with this key, so one invalidation refreshes the page. */
export const analyticsKey = (clientId: string) => ["analytics", clientId] as const;
export const overviewKey = ["analytics-overview"] as const;

export function summaryPath(clientId: string, range: RangeName, from?: string | null, to?: string | null): string {
  const q = new URLSearchParams({ range });
  if (range === "custom") {
    if (from) q.set("from", from);
    if (to) q.set("to", to);
  }
  return `${apiPath(clientId, "analytics", "summary")}?${q}`;
}

export function useSummary(clientId: string, range: RangeName, from: string | null, to: string | null) {
  return useQuery({
    queryKey: [...analyticsKey(clientId), "summary", range, from, to],
    queryFn: ({ signal }) => apiGet<RangeView>(summaryPath(clientId, range, from, to), signal),
    placeholderData: keepPreviousData,
  });
}

export function useTrend(clientId: string, days: TrendDays) {
  return useQuery({
    queryKey: [...analyticsKey(clientId), "trend", days],
    queryFn: ({ signal }) => apiGet<Trend>(`${apiPath(clientId, "analytics", "trend")}?days=${days}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useHourly(clientId: string) {
  return useQuery({
    queryKey: [...analyticsKey(clientId), "hourly"],
    queryFn: ({ signal }) => apiGet<Hourly>(apiPath(clientId, "analytics", "hourly"), signal),
  });
}

export function useOverview() {
  return useQuery({
    queryKey: overviewKey,
    queryFn: ({ signal }) => apiGet<{ tenants: OverviewRow[] }>("/api/analytics/overview", signal),
    refetchInterval: 15_000,
  });
}
