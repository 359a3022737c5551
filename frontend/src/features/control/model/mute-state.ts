import type { CallAction } from "@/lib/api-types";

/**
 * Whether the assistant is muted, as far as this browser knows: the last successful mute/unmute in
 * the call's audit (any supervisor's), or the one this browser just sent if the audit does not show
 * it yet. Vapi reports mute state nowhere else.
 */
export interface SentMute {
  muted: boolean;
  actionId: CallAction["id"] | null;
}

export function lastMuteInAudit(actions: readonly CallAction[]): SentMute | null {
  for (let i = actions.length - 1; i >= 0; i--) {
    const a = actions[i]!;
    if ((a.action === "mute" || a.action === "unmute") && a.outcome === "ok") return { muted: a.action === "mute", actionId: a.id };
  }
  return null;
}

export function isAssistantMuted(actions: readonly CallAction[] | undefined, sent: SentMute | null): boolean {
  const audited = actions ? lastMuteInAudit(actions) : null;
  if (sent && (!actions || sent.actionId === null || !actions.some((a) => a.id === sent.actionId))) return sent.muted;
  return audited?.muted ?? sent?.muted ?? false;
}

const KEY = "switchboard.sentMute";

function readAll(): Record<string, SentMute> {
  try {
    return JSON.parse(window.sessionStorage.getItem(KEY) ?? "{}") as Record<string, SentMute>;
  } catch {
    return {};
  }
}

/** What this browser last sent for a call (kept for the tab's lifetime). */
export function readSentMute(key: string): SentMute | null {
  return readAll()[key] ?? null;
}

export function rememberSentMute(key: string, value: SentMute): void {
  try {
    const all = readAll();
    all[key] = value;
    window.sessionStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // no storage: the audit still tells
  }
}
