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

export interface CallDetail {
  call: CallView;
  timeline: TimelineEntry[];
  transcript: TranscriptLine[];
}

export interface Tenant {
  id: string;
  name: string;
}
