import { timeFormat } from "@/lib/time";
import type { AuditEvent } from "../api/audit";

/** The categories the action filter offers: a prefix the server matches ("auth." → every sign-in event). */
export const CATEGORIES: ReadonlyArray<{ value: string; label: string }> = [
  { value: "", label: "All actions" },
  { value: "auth.", label: "Sign-ins" },
  { value: "user.", label: "Users" },
  { value: "membership.", label: "Members and roles" },
  { value: "api_key.", label: "API keys" },
  { value: "transfer_target.", label: "Transfer targets" },
  { value: "settings.", label: "Settings" },
  { value: "tenant.", label: "Clients" },
  { value: "call.", label: "Supervisor actions" },
  { value: "history.", label: "History exports" },
];

const WORDS: Record<string, string> = {
  "auth.login": "Signed in",
  "auth.login_failed": "Failed sign-in",
  "auth.login_throttled": "Sign-in blocked (too many attempts)",
  "auth.logout": "Signed out",
  "user.created": "Created a user",
  "user.password_changed": "Changed a password",
  "user.deleted": "Deleted a user",
  "user.agency_admin_changed": "Changed agency admin",
  "membership.granted": "Added a member",
  "membership.role_changed": "Changed a role",
  "membership.revoked": "Removed a member",
  "api_key.created": "Created an API key",
  "api_key.revoked": "Revoked an API key",
  "tenant.created": "Created a client",
  "tenant.renamed": "Renamed a client",
  "transfer_target.created": "Added a transfer target",
  "transfer_target.deleted": "Deleted a transfer target",
  "settings.changed": "Changed settings",
  "history.exported": "Exported history",
  "call.listen": "Listened to a call",
  "call.transfer": "Transferred a call",
  "call.end": "Ended a call",
  "call.say": "Made the assistant say something",
  "call.whisper": "Whispered to the assistant",
  "call.mute": "Muted the assistant",
  "call.unmute": "Unmuted the assistant",
};

/** An action in words ("Signed in"); an action this screen does not know yet stays as the server names it. */
export function actionInWords(action: string): string {
  return WORDS[action] ?? action;
}

/** The detail as short "name: value" pairs, as plain text (never markup). */
export function detailInWords(detail: AuditEvent["detail"]): string {
  if (!detail) return "";
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${v !== null && typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(" · ");
}

/**
 * The reader's local time, to the second: an audit can span tenants in different zones, and its day filter is the
 * reader's days, so the log is on the reader's clock (the screen names the zone once).
 */
export function localTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : timeFormat().medium(d.getTime());
}

/** A date input's day (local) as the ISO instant it starts at, or ends at for the upper bound. */
export function dayBound(day: string, end: boolean): string {
  if (!day) return "";
  const d = new Date(`${day}T${end ? "23:59:59.999" : "00:00:00"}`);
  return Number.isNaN(d.getTime()) ? "" : d.toISOString();
}
