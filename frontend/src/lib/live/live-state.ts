import type { CallView, SpeakerRole, TranscriptLine } from "../api-types";
import { parseServerTime } from "../time";
import type { TenantMessage } from "./messages";

/**
 * What the dashboard knows about a tenant's calls, rebuilt from the snapshot and advanced message by
 * message. Pure and immutable: every change returns new objects only along the changed path, so React
 * selectors that read one call re-render only when that call changes.
 */

export interface PartialUtterance {
  text: string;
  at: number | null;
}

export interface Utterance {
  role: string;
  text: string;
}

export interface CallAlert {
  kind: string;
  at: number | null;
  /** Local receive time: alerts flash for a few seconds after this. */
  receivedAt: number;
}

export type RoleFlags<T> = Readonly<Partial<Record<SpeakerRole, T>>>;

export interface LiveCalls {
  /** False until the first snapshot: the board shows skeleton rows meanwhile. */
  hasSnapshot: boolean;
  /** Sequence number of the last applied message; null before the first snapshot. */
  seq: number | null;
  /** Snapshots applied so far; each one is a resync, which open detail panels follow by refetching. */
  epoch: number;
  /** Server clock minus local clock, so ticking durations agree with the server's timestamps. */
  clockOffsetMs: number;
  /** Call ids, newest first. New calls go on top; updates never move a row. */
  order: readonly string[];
  calls: Readonly<Record<string, CallView>>;
  /** Final transcript lines received live (since the last snapshot), per call, in arrival order. */
  lines: Readonly<Record<string, readonly TranscriptLine[]>>;
  /** The utterance in progress per call and role: replaced by the next partial, cleared by the final line. */
  partials: Readonly<Record<string, RoleFlags<PartialUtterance>>>;
  speaking: Readonly<Record<string, RoleFlags<boolean>>>;
  /** Last final line per call, for the board's preview column; survives resyncs (lines do not). */
  lastUtterance: Readonly<Record<string, Utterance>>;
  alerts: Readonly<Record<string, CallAlert>>;
  /** Bumped by transcript-reset: the stored transcript was replaced and must be refetched. */
  transcriptResets: Readonly<Record<string, number>>;
  /** Local time of the last visible change per call, for the row highlight. */
  changedAt: Readonly<Record<string, number>>;
}

/** Ended calls kept beyond this many rows are dropped, oldest first; live calls are always kept. */
export const MAX_CALLS_IN_VIEW = 300;
/** A very long call keeps its latest lines; the full transcript is always one REST fetch away. */
export const MAX_LINES_PER_CALL = 2000;

export function emptyLiveCalls(): LiveCalls {
  return {
    hasSnapshot: false,
    seq: null,
    epoch: 0,
    clockOffsetMs: 0,
    order: [],
    calls: {},
    lines: {},
    partials: {},
    speaking: {},
    lastUtterance: {},
    alerts: {},
    transcriptResets: {},
    changedAt: {},
  };
}

/** The message does not follow the last one: the state can no longer be trusted, reconnect for a snapshot. */
export const SEQUENCE_GAP = "gap" as const;

export type ApplyResult = LiveCalls | typeof SEQUENCE_GAP;

/**
 * Applies one tenant message. Returns the same object when nothing visible changed, the next state
 * otherwise, or SEQUENCE_GAP when `seq` is not exactly one more than the last applied.
 */
export function applyLiveMessage(state: LiveCalls, msg: TenantMessage | { type: "unknown"; seq?: number }, now: number): ApplyResult {
  if (msg.type === "snapshot") return applySnapshot(state, msg.calls, msg.seq, msg.serverTime, now, msg.lastLines ?? {});
  // Deltas before the first snapshot cannot happen with this server; there is nothing to apply them to.
  if (state.seq === null) return state;
  if (msg.seq === undefined) return state;
  if (msg.seq !== state.seq + 1) return SEQUENCE_GAP;
  const next: LiveCalls = { ...state, seq: msg.seq };
  switch (msg.type) {
    case "call-upsert":
      return upsertCall(next, msg.call, now);
    case "transcript":
      return addLine(next, msg.callId, msg.line);
    case "transcript-partial":
      return setPartial(next, msg.callId, msg.role, msg.text, parseServerTime(msg.at));
    case "transcript-reset":
      return resetTranscript(next, msg.callId);
    case "speech":
      return setSpeaking(next, msg.callId, msg.role, msg.status === "started");
    case "call-alert":
      return addAlert(next, msg.callId, msg.kind, parseServerTime(msg.at), now);
    default:
      // A message type this UI does not know yet: it still counted towards seq.
      return next;
  }
}

function applySnapshot(
  state: LiveCalls,
  list: readonly CallView[],
  seq: number,
  serverTime: string,
  now: number,
  lastLines: Readonly<Record<string, TranscriptLine>>,
): LiveCalls {
  const calls: Record<string, CallView> = {};
  const order: string[] = [];
  for (const call of list) {
    if (calls[call.id]) continue;
    calls[call.id] = call;
    order.push(call.id);
  }
  // After a reconnect, flash what changed while we were away; the first snapshot highlights nothing.
  const changedAt: Record<string, number> = {};
  if (state.hasSnapshot) {
    for (const id of order) {
      const before = state.calls[id];
      if (!before || before.version !== calls[id]!.version) changedAt[id] = now;
    }
  }
  const lastUtterance: Record<string, Utterance> = {};
  for (const id of order) {
    if (calls[id]!.status === "ended") continue;
    // The server's latest line is authoritative; a preview held from before a reconnect is the fallback.
    const line = lastLines[id];
    const u = line ? { role: line.role, text: line.text } : state.lastUtterance[id];
    if (u) lastUtterance[id] = u;
  }
  const server = parseServerTime(serverTime);
  const transcriptResets: Record<string, number> = {};
  for (const id of order) if (state.transcriptResets[id]) transcriptResets[id] = state.transcriptResets[id]!;
  return {
    hasSnapshot: true,
    seq,
    epoch: state.epoch + 1,
    clockOffsetMs: server === null ? state.clockOffsetMs : server - now,
    order,
    calls,
    // Lines, partials and speech cannot be trusted across a gap: detail panels refetch on the new epoch.
    lines: {},
    partials: {},
    speaking: {},
    lastUtterance,
    alerts: {},
    transcriptResets,
    changedAt,
  };
}

function upsertCall(state: LiveCalls, call: CallView, now: number): LiveCalls {
  const held = state.calls[call.id];
  // Out-of-order delivery: a newer version is already on screen.
  if (held && held.version >= call.version) return state;
  let next: LiveCalls = {
    ...state,
    calls: { ...state.calls, [call.id]: call },
    order: held ? state.order : [call.id, ...state.order],
    changedAt: { ...state.changedAt, [call.id]: now },
  };
  if (call.status === "ended") {
    next = { ...next, partials: without(next.partials, call.id), speaking: without(next.speaking, call.id) };
  }
  return held ? next : pruneEndedCalls(next);
}

function addLine(state: LiveCalls, callId: string, line: TranscriptLine): LiveCalls {
  if (!state.calls[callId]) return state;
  const existing = state.lines[callId] ?? [];
  if (existing.some((l) => l.id === line.id)) return state;
  const appended = existing.length >= MAX_LINES_PER_CALL ? [...existing.slice(1), line] : [...existing, line];
  const role = line.role as SpeakerRole;
  const partials = state.partials[callId]?.[role] ? { ...state.partials, [callId]: without(state.partials[callId]!, role) } : state.partials;
  return {
    ...state,
    lines: { ...state.lines, [callId]: appended },
    partials,
    lastUtterance: { ...state.lastUtterance, [callId]: { role: line.role, text: line.text } },
  };
}

function setPartial(state: LiveCalls, callId: string, role: SpeakerRole, text: string, at: number | null): LiveCalls {
  if (!state.calls[callId] || state.calls[callId]!.status === "ended") return state;
  const current = state.partials[callId] ?? {};
  const roleMap = text.trim() ? { ...current, [role]: { text, at } } : without(current, role);
  return { ...state, partials: { ...state.partials, [callId]: roleMap } };
}

function resetTranscript(state: LiveCalls, callId: string): LiveCalls {
  return {
    ...state,
    lines: without(state.lines, callId),
    transcriptResets: { ...state.transcriptResets, [callId]: (state.transcriptResets[callId] ?? 0) + 1 },
  };
}

function setSpeaking(state: LiveCalls, callId: string, role: SpeakerRole, speaking: boolean): LiveCalls {
  if (!state.calls[callId] || state.calls[callId]!.status === "ended") return state;
  const current = state.speaking[callId] ?? {};
  if (Boolean(current[role]) === speaking) return state;
  return { ...state, speaking: { ...state.speaking, [callId]: { ...current, [role]: speaking } } };
}

function addAlert(state: LiveCalls, callId: string, kind: string, at: number | null, now: number): LiveCalls {
  if (!state.calls[callId]) return state;
  return { ...state, alerts: { ...state.alerts, [callId]: { kind, at, receivedAt: now } } };
}

/** Keeps the board bounded in a console left open for days: drop the oldest ended calls first. */
function pruneEndedCalls(state: LiveCalls): LiveCalls {
  if (state.order.length <= MAX_CALLS_IN_VIEW) return state;
  const drop = new Set<string>();
  for (let i = state.order.length - 1; i >= 0 && state.order.length - drop.size > MAX_CALLS_IN_VIEW; i--) {
    const id = state.order[i]!;
    if (state.calls[id]?.status === "ended") drop.add(id);
  }
  if (drop.size === 0) return state;
  const keep = <T,>(record: Readonly<Record<string, T>>): Record<string, T> => {
    const out: Record<string, T> = {};
    for (const [k, v] of Object.entries(record)) if (!drop.has(k)) out[k] = v;
    return out;
  };
  return {
    ...state,
    order: state.order.filter((id) => !drop.has(id)),
    calls: keep(state.calls),
    lines: keep(state.lines),
    partials: keep(state.partials),
    speaking: keep(state.speaking),
    lastUtterance: keep(state.lastUtterance),
    alerts: keep(state.alerts),
    transcriptResets: keep(state.transcriptResets),
    changedAt: keep(state.changedAt),
  };
}

function without<T extends object, K extends keyof T>(record: T, key: K): T {
  if (!(key in record)) return record;
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/**
 * The connection dropped: who is speaking and half-spoken words can no longer be known, so they go
 * (calls, lines and previews stay on screen as the last known state until the resync).
 */
export function dropTransient(state: LiveCalls): LiveCalls {
  if (Object.keys(state.partials).length === 0 && Object.keys(state.speaking).length === 0) return state;
  return { ...state, partials: {}, speaking: {} };
}
