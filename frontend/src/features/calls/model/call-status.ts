import type { BadgeTone } from "@/components/ui/Badge";
import type { CallView } from "@/lib/api-types";
import { isFailureReason } from "@/lib/ended-reason";

/**
 * How a call's status looks: one colour per stage (ringing amber, in progress green, forwarding violet,
 * ended grey) and red for calls that ended because something failed.
 */
export interface StatusAppearance {
  label: string;
  tone: BadgeTone;
  /** In-progress calls pulse gently; ringing ones blink. */
  pulse: boolean;
}

const STAGES: Record<string, StatusAppearance> = {
  scheduled: { label: "Scheduled", tone: "sky", pulse: false },
  queued: { label: "Queued", tone: "sky", pulse: false },
  ringing: { label: "Ringing", tone: "amber", pulse: true },
  "in-progress": { label: "In progress", tone: "green", pulse: true },
  forwarding: { label: "Forwarding", tone: "violet", pulse: true },
  ended: { label: "Ended", tone: "slate", pulse: false },
  unknown: { label: "Unknown", tone: "slate", pulse: false },
};

export function statusAppearance(call: Pick<CallView, "status" | "endedReason">): StatusAppearance {
  if (call.status === "ended" && isFailureReason(call.endedReason)) return { label: "Failed", tone: "red", pulse: false };
  const known = STAGES[call.status];
  if (known) return known;
  const text = call.status.replace(/[-_]+/g, " ").trim();
  return { label: text ? text.charAt(0).toUpperCase() + text.slice(1) : "Unknown", tone: "slate", pulse: false };
}

export function isEnded(call: Pick<CallView, "status">): boolean {
  return call.status === "ended";
}

/** On the line right now (scheduled calls have not started; unknown ones have not said). */
export function isLive(call: Pick<CallView, "status">): boolean {
  return call.status === "ringing" || call.status === "in-progress" || call.status === "forwarding" || call.status === "queued";
}
