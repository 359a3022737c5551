import type { CallAction, JsonValue, TimelineEntry } from "@/lib/api-types";
import { formatPhone } from "@/lib/format";
import { formatDuration, parseServerTime } from "@/lib/time";

/**
 * The call's timeline: status changes (from the provider) and audited actions (listen sessions,
 * transfers, say, …) in one list, by time. Both inputs are oldest first; an action and a status at
 * the same instant list the action first (it is usually the cause). Entries without a time keep
 * their place after whatever came before them.
 */
export type TimelineItem =
  | { kind: "status"; key: string; at: number | null; entry: TimelineEntry }
  | { kind: "action"; key: string; at: number | null; action: CallAction };

export function mergeTimeline(entries: readonly TimelineEntry[], actions: readonly CallAction[]): TimelineItem[] {
  const out: TimelineItem[] = [];
  let i = 0;
  let j = 0;
  while (i < entries.length || j < actions.length) {
    const entry = entries[i];
    const action = actions[j];
    const entryAt = entry ? parseServerTime(entry.at) : null;
    const actionAt = action ? parseServerTime(action.at) : null;
    const takeAction = action !== undefined && (entry === undefined || actionAt === null || (entryAt !== null && actionAt <= entryAt));
    if (takeAction) {
      out.push({ kind: "action", key: `a${action.id}`, at: actionAt, action });
      j++;
    } else {
      out.push({ kind: "status", key: `s${entry!.id}`, at: entryAt, entry: entry! });
      i++;
    }
  }
  return out;
}

function param(action: CallAction, ...keys: string[]): string | null {
  const p = action.parameters;
  if (!p) return null;
  for (const key of keys) {
    const v: JsonValue | undefined = p[key];
    if (typeof v === "string" && v) return v;
    if (typeof v === "number") return String(v);
  }
  return null;
}

function quote(text: string | null, max = 80): string {
  if (!text) return "";
  return `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`;
}

/** "Transferred to Front desk (+1 415-555-0100)", "Listened for 1:23", "Said “…”". */
export function describeAction(action: CallAction): string {
  switch (action.action) {
    case "listen": {
      const start = parseServerTime(action.at);
      const end = parseServerTime(action.endedAt);
      if (end === null) return "Listening";
      const ms = action.durationMs ?? (start !== null ? end - start : null);
      return ms !== null ? `Listened for ${formatDuration(ms)}` : "Listened";
    }
    case "transfer": {
      const name = param(action, "targetName", "name");
      const where = param(action, "number", "sipUri", "destination");
      const shown = where ? formatPhone(where) : null;
      const to = name && shown ? `${name} (${shown})` : name ?? shown ?? (param(action, "targetId") ? `target #${param(action, "targetId")}` : "another number");
      return `Transfer to ${to}`;
    }
    case "end":
      return "End call";
    case "say":
      return `Say ${quote(param(action, "text", "content"))}`.trim();
    case "whisper":
      return `Whisper ${quote(param(action, "text", "content"))}`.trim();
    case "mute":
      return "Mute assistant";
    case "unmute":
      return "Unmute assistant";
    default:
      return action.action.charAt(0).toUpperCase() + action.action.slice(1);
  }
}

export type ActionTone = "ok" | "failed" | "timeout" | "pending";

export function actionTone(action: CallAction): ActionTone {
  // A listen session in progress has no outcome yet; it is not "pending" in the sense of a request.
  if (action.action === "listen" && !action.outcome) return "ok";
  switch (action.outcome) {
    case "ok":
      return "ok";
    case "timeout":
      return "timeout";
    case "rejected":
    case "failed":
      return "failed";
    default:
      return "pending";
  }
}

const OUTCOME_WORDS: Record<string, string> = { rejected: "Rejected", failed: "Failed", timeout: "Timed out" };

/** "Rejected: property phoneNumber should not exist" for failures; null for successes. */
export function describeOutcome(action: CallAction): string | null {
  if (action.outcome === "ok" || !action.outcome) {
    const dropped = action.action === "listen" ? action.framesDropped ?? 0 : 0;
    return dropped > 0 ? `${dropped} audio ${dropped === 1 ? "frame" : "frames"} dropped (the listener fell behind)` : null;
  }
  const word = OUTCOME_WORDS[action.outcome] ?? action.outcome;
  const status = action.providerStatus ? ` (HTTP ${action.providerStatus})` : "";
  return action.detail ? `${word}${status}: ${action.detail}` : `${word}${status}`;
}
