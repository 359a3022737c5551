import type { CallDirection } from "@/lib/api-types";
import { formatPhone } from "@/lib/format";

const LABELS: Record<CallDirection, string> = { inbound: "Inbound call", outbound: "Outbound call", web: "Web call", other: "Call" };

export function directionLabel(direction: CallDirection | null): string {
  return direction ? LABELS[direction] ?? "Call" : "Call";
}

/** Who is on the other end, as a row or a call page names it: the number, else "Web call" for a web call. */
export function callerLabel(call: { phoneNumber: string | null; direction: string | null }): string {
  if (call.phoneNumber) return formatPhone(call.phoneNumber);
  return call.direction === "web" ? "Web call" : "Unknown caller";
}
