/**
 * The backend's wire shapes (camelCase, as served by /api and /ws/dashboard). Times are UTC strings
 * without an offset ("2025-12-10T07:05:14.195000"); parse them with parseServerTime.
 */

/** Known Vapi statuses; the backend may send any other string, which the UI shows as-is. */
export type KnownCallStatus = "scheduled" | "queued" | "ringing" | "in-progress" | "forwarding" | "ended" | "unknown";
export type CallStatus = KnownCallStatus | (string & {});

export type CallDirection = "inbound" | "outbound" | "web" | "other";

export type SpeakerRole = "user" | "assistant";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface CallView {
  id: string;
  status: CallStatus;
  phoneNumber: string | null;
  startedAt: string | null;
  endedAt: string | null;
  listenUrl: string | null;
  provider: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  type: string | null;
  direction: CallDirection | null;
  assistantId: string | null;
  assistantName: string | null;
  ourNumber: string | null;
  endedReason: string | null;
  cost: number | null;
  costBreakdown: JsonValue | null;
  summary: string | null;
  structuredData: { [key: string]: JsonValue } | null;
  successEvaluation: JsonValue | null;
  recordingUrl: string | null;
  stereoRecordingUrl: string | null;
  transferDestination: string | null;
  controllable: boolean;
  version: number;
}

export interface TranscriptLine {
  id: number;
  role: SpeakerRole | (string & {});
  text: string;
  at: string | null;
  secondsFromStart: number | null;
  source: "live" | "conversation" | "report" | (string & {});
}

export interface TimelineEntry {
  id: number;
  status: CallStatus;
  source: string | null;
  at: string | null;
  payload: JsonValue | null;
}

export type CallActionKind = "listen" | "transfer" | "end" | "say" | "whisper" | "mute" | "unmute";
export type CallActionOutcome = "ok" | "rejected" | "failed" | "timeout";

/** One audited listen session or control action on a call (issue 3), oldest first in the detail. */
export interface CallAction {
  id: number | string;
  action: CallActionKind | (string & {});
  /** Who did it: the signed-in user the server recorded (older entries: the name the browser sent). */
  actor: string | null;
  clientAddress: string | null;
  parameters: { [key: string]: JsonValue } | null;
  outcome: CallActionOutcome | (string & {}) | null;
  /** The outcome in words (the provider's reason when it rejected the action). */
  detail: string | null;
  providerStatus: number | null;
  latencyMs: number | null;
  at: string | null;
  /** Listen sessions: when the listener left (null while listening). */
  endedAt: string | null;
  /** Finished listen sessions: how long, and how many audio frames the listener lost by falling behind. */
  durationMs?: number | null;
  framesDropped?: number | null;
}

export interface CallDetail {
  call: CallView;
  timeline: TimelineEntry[];
  transcript: TranscriptLine[];
  /** Listen sessions and control actions (absent from servers before issue 3). */
  actions?: CallAction[];
}

/** A tenant's named destination for transfers: a phone number (E.164), a SIP URI, or both. */
export interface TransferTarget {
  id: number;
  name: string;
  number: string | null;
  sipUri: string | null;
}

/** A tenant the signed-in user may see (GET /api/tenants lists only those). */
export interface Tenant {
  id: string;
  name: string;
  /** The user's role there ("viewer" | "supervisor" | "admin"; "admin" everywhere for agency admins). */
  role?: string;
  /** IANA time zone where the tenant's days and hours start (history, analytics). */
  timeZone?: string;
}
