import { formatUsd } from "@/lib/format";
import { formatPercent, formatSeconds } from "./kpis";

/** The ended-reason groups in words, in the order the API sends them. */
export const CATEGORY_LABELS: Record<string, string> = {
  customer_ended: "Customer ended",
  assistant_ended: "Assistant ended",
  transferred: "Transferred",
  unreached: "No answer / voicemail / busy",
  error: "Errors",
  other: "Other",
};
export const CATEGORY_COLOURS: Record<string, string> = {
  customer_ended: "#2563eb", assistant_ended: "#0891b2", transferred: "#7c3aed", unreached: "#d97706", error: "#dc2626", other: "#64748b",
};

export type TrendMetric = "calls" | "successRate" | "avgDurationSeconds" | "cost";
export const TREND_METRICS: { id: TrendMetric; label: string; format: (v: number) => string }[] = [
  { id: "calls", label: "Calls", format: (v) => v.toLocaleString("en-US") },
  { id: "successRate", label: "Success rate", format: formatPercent },
  { id: "avgDurationSeconds", label: "Avg duration", format: formatSeconds },
  { id: "cost", label: "Cost", format: (v) => formatUsd(v) },
];

