import type { Kpis } from "../api/analytics";
import { formatUsd } from "@/lib/format";

/** Which way is good for a number: up (more calls, higher success), down (errors, cost per minute) or neither. */
export type Sense = "up" | "down" | "neutral";

export interface KpiDefinition {
  id: string;
  label: string;
  value: (k: Kpis) => number | null;
  format: (v: number) => string;
  sense: Sense;
  hint: string;
}

export function formatSeconds(s: number): string {
  const total = Math.round(s);
  if (total < 60) return `${total}s`;
  const m = Math.floor(total / 60);
  const rest = total % 60;
  if (m < 60) return rest ? `${m}m ${rest}s` : `${m}m`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}

export const formatCount = (v: number) => v.toLocaleString("en-US");
export const formatPercent = (v: number) => `${(v * 100).toFixed(1)}%`;

export const KPIS: readonly KpiDefinition[] = [
  { id: "calls", label: "Calls", value: (k) => k.calls, format: formatCount, sense: "up", hint: "Ended calls" },
  { id: "answered", label: "Answered", value: (k) => k.answered, format: formatCount, sense: "up", hint: "Connected; not no-answer, voicemail or busy" },
  { id: "success", label: "Success rate", value: (k) => k.successRate, format: formatPercent, sense: "up", hint: "Successful of the evaluated calls" },
  { id: "avgDuration", label: "Avg duration", value: (k) => k.avgDurationSeconds, format: formatSeconds, sense: "neutral", hint: "Connected time" },
  { id: "medianDuration", label: "Median duration", value: (k) => k.medianDurationSeconds, format: formatSeconds, sense: "neutral", hint: "The middle call's duration (halfway between the two middle calls for an even count)" },
  { id: "cost", label: "Total cost", value: (k) => k.totalCost, format: (v) => formatUsd(v), sense: "neutral", hint: "Provider cost" },
  { id: "costPerMinute", label: "Cost / minute", value: (k) => k.costPerMinute, format: (v) => formatUsd(v, true), sense: "down", hint: "Total cost over connected minutes" },
  { id: "transfers", label: "Transfers", value: (k) => k.transfers, format: formatCount, sense: "neutral", hint: "Handed to a person or number" },
  { id: "errors", label: "Errors", value: (k) => k.errors, format: formatCount, sense: "down", hint: "Ended by an error" },
];

export interface Delta {
  /** Relative change (0.25 = +25%); null when there is nothing to compare with. */
  ratio: number | null;
  direction: "up" | "down" | "flat";
  /** Green (true), red (false) or neither (null), following the number's sense. */
  good: boolean | null;
}

/**
 * A change that rounds to 0% is flat: a green "+0%" arrow would claim news where there is none (its ratio stays,
 * so it reads "±0%" rather than "no change").
 */
export function delta(current: number | null, previous: number | null, sense: Sense): Delta {
  if (current === null || previous === null) return { ratio: null, direction: "flat", good: null };
  const diff = current - previous;
  const ratio = previous === 0 ? null : diff / Math.abs(previous);
  const direction = Math.abs(diff) < 1e-9 || (ratio !== null && Math.abs(ratio) < 0.005) ? "flat" : diff > 0 ? "up" : "down";
  const good = direction === "flat" || sense === "neutral" ? null : (direction === "up") === (sense === "up");
  return { ratio, direction, good };
}
