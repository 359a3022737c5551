import type { CallView, SpeakerRole, TranscriptLine } from "../api-types";

/** Server → browser messages on /ws/dashboard. Every tenant message carries `seq` (+1 per message). */

export interface SnapshotMessage {
  type: "snapshot";
  clientId: string;
  seq: number;
  serverTime: string;
  calls: CallView[];
  /** The latest transcript line of each live call, so the board can preview it before anything new is said. */
  lastLines?: Record<string, TranscriptLine>;
}

export interface CallUpsertMessage {
  type: "call-upsert";
  clientId: string;
  seq: number;
  call: CallView;
}

export interface TranscriptMessage {
  type: "transcript";
  clientId: string;
  seq: number;
  callId: string;
  line: TranscriptLine;
}

export interface TranscriptPartialMessage {
  type: "transcript-partial";
  clientId: string;
  seq: number;
  callId: string;
  role: SpeakerRole;
  text: string;
  at: string | null;
}

export interface TranscriptResetMessage {
  type: "transcript-reset";
  clientId: string;
  seq: number;
  callId: string;
}

export interface SpeechMessage {
  type: "speech";
  clientId: string;
  seq: number;
  callId: string;
  role: SpeakerRole;
  status: "started" | "stopped";
  turn: number | null;
  at: string | null;
}

export interface CallAlertMessage {
  type: "call-alert";
  clientId: string;
  seq: number;
  callId: string;
  kind: "hang" | "user-interrupted" | (string & {});
  at: string | null;
}

export interface PingMessage {
  type: "ping";
  serverTime: string;
}

export type TenantMessage =
  | SnapshotMessage
  | CallUpsertMessage
  | TranscriptMessage
  | TranscriptPartialMessage
  | TranscriptResetMessage
  | SpeechMessage
  | CallAlertMessage;

export type ServerMessage = TenantMessage | PingMessage;

const TENANT_TYPES = new Set(["snapshot", "call-upsert", "transcript", "transcript-partial", "transcript-reset", "speech", "call-alert"]);

/**
 * Parses a frame. Returns null for anything that is not JSON with a known `type` (a newer server may
 * add message types; they are skipped, but their `seq` still counts, see `isSequenced`).
 */
export function parseServerMessage(data: unknown): ServerMessage | { type: "unknown"; seq?: number } | null {
  if (typeof data !== "string") return null;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (!value || typeof value !== "object") return null;
  const type = (value as { type?: unknown }).type;
  if (typeof type !== "string") return null;
  if (type === "ping") return value as PingMessage;
  if (TENANT_TYPES.has(type) && typeof (value as { seq?: unknown }).seq === "number") return value as TenantMessage;
  const seq = (value as { seq?: unknown }).seq;
  return { type: "unknown", seq: typeof seq === "number" ? seq : undefined };
}

export const PONG = JSON.stringify({ type: "pong" });
