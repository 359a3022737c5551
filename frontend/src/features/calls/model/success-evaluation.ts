import type { JsonValue } from "@/lib/api-types";

/**
 * Vapi's successEvaluation is whatever the rubric produced: true, "true", "Pass", "8", 72, a sentence,
 * or an object (checklists, matrices). This reads it into something the panel can show at a glance.
 */
export type Evaluation =
  | { kind: "pass"; raw: string }
  | { kind: "fail"; raw: string }
  | { kind: "score"; value: number; outOf: number | null }
  | { kind: "text"; text: string }
  | { kind: "structured"; json: string };

const PASS = new Set(["true", "pass", "passed", "yes", "success", "successful", "good", "excellent"]);
const FAIL = new Set(["false", "fail", "failed", "no", "failure", "unsuccessful", "poor"]);

function score(value: number): Evaluation {
  const outOf = value >= 0 && value <= 10 ? 10 : value >= 0 && value <= 100 ? 100 : null;
  return { kind: "score", value, outOf };
}

export function readEvaluation(value: JsonValue | null | undefined): Evaluation | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? { kind: "pass", raw: String(value) } : { kind: "fail", raw: String(value) };
  if (typeof value === "number") return score(value);
  if (typeof value === "string") {
    const text = value.trim();
    if (!text) return null;
    const lower = text.toLowerCase();
    if (PASS.has(lower)) return { kind: "pass", raw: text };
    if (FAIL.has(lower)) return { kind: "fail", raw: text };
    if (/^-?\d+(\.\d+)?$/.test(text)) return score(Number(text));
    return { kind: "text", text };
  }
  return { kind: "structured", json: JSON.stringify(value, null, 2) };
}
