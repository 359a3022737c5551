import type { CallDirection } from "@/lib/api-types";

const LABELS: Record<CallDirection, string> = { inbound: "Inbound call", outbound: "Outbound call", web: "Web call", other: "Call" };

export function directionLabel(direction: CallDirection | null): string {
  return direction ? LABELS[direction] ?? "Call" : "Call";
}
