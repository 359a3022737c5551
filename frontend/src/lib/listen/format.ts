/**
 * The listen relay's protocol (/ws/listen/{call}): a JSON text frame announcing the format, then raw
 * PCM in binary frames, then a JSON "ended" frame and a close code. Parsing is defensive: the relay
 * passes provider audio through, so anything unexpected is ignored rather than trusted.
 */

export type ChannelRole = "customer" | "assistant" | "mixed" | (string & {});

export interface ListenFormat {
  /** What the relay sends; mu-law is widened to 16-bit PCM before playback (see mulawToPcm16). */
  encoding: "pcm_s16le" | "mulaw";
  sampleRate: number;
  channels: 1 | 2;
  channelRoles: readonly ChannelRole[];
  /** How the relay knows: announced by the provider, detected from the byte rate, or configured per tenant. */
  source: "announced" | "detected" | "configured" | "assumed" | (string & {});
}

/** What the listener hears when the audio is stereo: one side, or both mixed together. */
export type ChannelSelection = "both" | "customer" | "assistant";

export interface EndedFrame {
  type: "ended";
  reason: "call-ended" | "upstream-closed" | "upstream-error" | (string & {});
  message: string | null;
}

/** A format message for audio the player cannot decode (e.g. Opus): reported, never played as PCM. */
export interface UnsupportedFrame {
  type: "unsupported";
  encoding: string;
}

export type ListenTextFrame = { type: "format"; format: ListenFormat } | UnsupportedFrame | EndedFrame;

/** Used only if audio arrives before any format message (the relay always sends one first). */
export const ASSUMED_FORMAT: ListenFormat = {
  encoding: "pcm_s16le",
  sampleRate: 16000,
  channels: 1,
  channelRoles: ["mixed"],
  source: "assumed",
};

/** Close codes of the listen socket. */
export const CLOSE_CALL_ENDED = 4000;
export const CLOSE_UPSTREAM_FAILED = 1011;

export function parseListenText(data: string): ListenTextFrame | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (v.type === "format" || v.type === "start") {
    const channels = v.channels === 2 ? 2 : v.channels === 1 ? 1 : null;
    const sampleRate = typeof v.sampleRate === "number" && v.sampleRate >= 3000 && v.sampleRate <= 192000 ? v.sampleRate : null;
    const encoding = encodingOf(v.encoding);
    if (encoding === null) return { type: "unsupported", encoding: String(v.encoding).slice(0, 40) };
    if (channels === null || sampleRate === null) return null;
    const roles = Array.isArray(v.channelRoles) && v.channelRoles.length === channels && v.channelRoles.every((r) => typeof r === "string")
      ? (v.channelRoles as string[])
      : channels === 2
        ? ["customer", "assistant"]
        : ["mixed"];
    return {
      type: "format",
      format: { encoding, sampleRate, channels, channelRoles: roles, source: typeof v.source === "string" ? v.source : "announced" },
    };
  }
  if (v.type === "ended") {
    return { type: "ended", reason: typeof v.reason === "string" ? v.reason : "call-ended", message: typeof v.message === "string" && v.message ? v.message : null };
  }
  return null;
}

/** The encodings the player handles, by the names the relay and providers use; null for anything else. */
function encodingOf(value: unknown): ListenFormat["encoding"] | null {
  if (value === undefined) return "pcm_s16le";
  if (typeof value !== "string") return null;
  const e = value.toLowerCase();
  if (e === "pcm_s16le" || e === "linear16" || e === "pcm") return "pcm_s16le";
  if (e === "mulaw" || e === "mu-law" || e === "pcm_mulaw") return "mulaw";
  return null;
}

/** Index of the channel a selection plays, or null for "both" (or mono, which has only one). */
export function selectedChannelIndex(format: Pick<ListenFormat, "channels" | "channelRoles">, selection: ChannelSelection): number | null {
  if (format.channels === 1 || selection === "both") return null;
  const found = format.channelRoles.indexOf(selection);
  if (found >= 0) return found;
  return selection === "customer" ? 0 : 1;
}
