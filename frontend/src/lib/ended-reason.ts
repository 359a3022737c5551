/**
 * Turns Vapi's `endedReason` (hundreds of values, growing every month) into words. Exact values the
 * console sees every day get hand-written labels; everything else falls back to the documented prefix
 * patterns (pipeline-error-*, *vapifault*, *providerfault*, call.start.error-*, transfers, timeouts),
 * and finally to the value itself made readable, so a brand-new reason never shows up blank.
 */

/** error = the call failed (red); warning = it ended without the conversation it was for; neutral = normal end. */
export type EndedReasonTone = "neutral" | "warning" | "error";

export interface EndedReasonInfo {
  label: string;
  tone: EndedReasonTone;
  explanation: string;
}

type Entry = readonly [label: string, tone: EndedReasonTone, explanation: string];

const KNOWN: Record<string, Entry> = {
  "customer-ended-call": ["Caller hung up", "neutral", "The caller ended the call."],
  "assistant-ended-call": ["Assistant ended the call", "neutral", "The assistant ended the call."],
  "assistant-ended-call-after-message-spoken": ["Assistant ended the call", "neutral", "The assistant ended the call after its final message."],
  "assistant-ended-call-with-hangup-task": ["Assistant ended the call", "neutral", "The assistant ran its hang-up task."],
  "assistant-said-end-call-phrase": ["Assistant said goodbye", "neutral", "The assistant said one of its end-call phrases."],
  "assistant-forwarded-call": ["Forwarded", "neutral", "The assistant transferred the call to another number."],
  "assistant-join-timed-out": ["Assistant didn't join", "error", "The assistant did not join the call in time."],
  "customer-busy": ["Line busy", "warning", "The number called was busy."],
  "customer-did-not-answer": ["No answer", "warning", "Nobody picked up."],
  "customer-did-not-give-microphone-permission": ["No microphone access", "warning", "The web caller did not allow microphone access."],
  "customer-ended-call-before-warm-transfer": ["Caller left before transfer", "warning", "The caller hung up before the warm transfer connected."],
  "customer-ended-call-after-warm-transfer-attempt": ["Caller left after transfer attempt", "warning", "The caller hung up after a warm transfer attempt."],
  "customer-ended-call-during-transfer": ["Caller left during transfer", "warning", "The caller hung up while being transferred."],
  "call.in-progress.error-assistant-did-not-receive-customer-audio": ["No caller audio", "warning", "The assistant never heard the caller (muted microphone or a broken audio path)."],
  "exceeded-max-duration": ["Reached max duration", "warning", "The call hit the assistant's maximum duration and was cut off."],
  "silence-timed-out": ["Silence timeout", "warning", "Nobody spoke for too long, so the call was ended."],
  voicemail: ["Voicemail", "warning", "The call reached a voicemail box."],
  "manually-canceled": ["Canceled", "neutral", "The call was canceled by hand."],
  "call-deleted": ["Deleted", "neutral", "The call was deleted."],
  "scheduled-call-deleted": ["Scheduled call deleted", "neutral", "The scheduled call was deleted before it started."],
  "call.in-progress.error-transfer-failed": ["Transfer failed", "error", "The transfer to another number did not connect."],
  "call.forwarding.operator-busy": ["Transfer target busy", "warning", "The number the call was transferred to was busy."],
  "call.forwarding.no-answer": ["Transfer not answered", "warning", "Nobody answered at the transfer destination."],
  "call.ringing.hook-executed-say": ["Ended by hook", "neutral", "A ringing hook spoke a message and ended the call."],
  "call.ringing.hook-executed-transfer": ["Transferred by hook", "neutral", "A ringing hook transferred the call."],
  "call.ending.hook-executed-say": ["Ended by hook", "neutral", "An end-of-call hook spoke a message."],
  "call.ending.hook-executed-transfer": ["Transferred by hook", "neutral", "An end-of-call hook transferred the call."],
  "twilio-failed-to-connect-call": ["Couldn't connect", "error", "Twilio could not connect the call."],
  "twilio-reported-customer-misdialed": ["Misdialed", "warning", "Twilio reported that the number was misdialed."],
  "call.in-progress.twilio-completed-call": ["Completed by carrier", "neutral", "Twilio ended the call."],
  "call.in-progress.sip-completed-call": ["Completed by carrier", "neutral", "The SIP trunk ended the call."],
  "vonage-completed": ["Completed by carrier", "neutral", "Vonage ended the call."],
  "vonage-disconnected": ["Carrier disconnected", "error", "Vonage disconnected the call."],
  "vonage-failed-to-connect-call": ["Couldn't connect", "error", "Vonage could not connect the call."],
  "vonage-rejected": ["Carrier rejected", "error", "Vonage rejected the call."],
  "call.ringing.sip-inbound-caller-hungup-before-call-connect": ["Caller hung up while ringing", "warning", "The caller hung up before the call connected."],
  "phone-call-provider-closed-websocket": ["Carrier dropped the call", "error", "The phone provider closed the audio connection."],
  "phone-call-provider-bypass-enabled-but-no-call-received": ["No call received", "error", "Phone provider bypass was on but no call arrived."],
  "worker-shutdown": ["Interrupted by Vapi", "error", "The Vapi worker handling the call shut down."],
  "assistant-request-failed": ["Assistant request failed", "error", "Your server did not answer Vapi's assistant-request in time or with a valid assistant."],
  "assistant-not-found": ["Assistant not found", "error", "The assistant configured for this number does not exist."],
  "assistant-not-valid": ["Assistant not valid", "error", "The assistant configuration is invalid."],
  "call-start-error-neither-assistant-nor-server-set": ["No assistant configured", "error", "The number has neither an assistant nor a server URL."],
};

const WORDS: Record<string, string> = {
  openai: "OpenAI", "11labs": "ElevenLabs", elevenlabs: "ElevenLabs", deepgram: "Deepgram", twilio: "Twilio", vonage: "Vonage",
  azure: "Azure", anthropic: "Anthropic", google: "Google", groq: "Groq", cartesia: "Cartesia", playht: "PlayHT", vapi: "Vapi",
  llm: "LLM", sip: "SIP", tts: "TTS", stt: "STT", api: "API", ai: "AI", ws: "WebSocket", "429": "429", "500": "500",
};

const PHASES = new Set(["start", "ringing", "in-progress", "forwarding", "ending"]);

/** "call.in-progress.error-providerfault-openai-llm-failed" → "OpenAI LLM failed". */
export function readableReason(reason: string): string {
  let rest = reason.trim();
  const dotted = rest.split(".");
  if (dotted[0] === "call" && dotted.length > 1) {
    rest = dotted.slice(PHASES.has(dotted[1] ?? "") ? 2 : 1).join(".") || rest;
  }
  rest = rest.replace(/^(pipeline-error|call-start-error|error)-/, "").replace(/^(vapifault|providerfault)-/, "");
  const words = rest.split(/[-_.\s]+/).filter(Boolean).map((w) => WORDS[w.toLowerCase()] ?? w.toLowerCase());
  if (words.length === 0) return reason;
  const first = words[0]!;
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return words.join(" ");
}

function byPattern(reason: string): EndedReasonInfo {
  const r = reason.toLowerCase();
  const detail = readableReason(reason);
  if (r.startsWith("pipeline-error-")) {
    return { label: `Pipeline error: ${detail}`, tone: "error", explanation: "A model, voice or transcriber provider failed. With your own provider keys this is usually a credential or quota problem." };
  }
  if (r.includes("vapifault")) {
    return { label: `Vapi error: ${detail}`, tone: "error", explanation: "A fault on Vapi's side (typically not charged)." };
  }
  if (r.includes("providerfault")) {
    return { label: `Provider error: ${detail}`, tone: "error", explanation: "A third-party provider (model, voice, transcriber or carrier) failed." };
  }
  if (r.startsWith("call.start.error") || r.startsWith("call-start-error") || r.startsWith("assistant-request-returned")) {
    return { label: `Couldn't start: ${detail}`, tone: "error", explanation: "The call failed before it connected." };
  }
  if (r.includes("transfer") && (r.includes("error") || r.includes("fail"))) {
    return { label: `Transfer failed: ${detail}`, tone: "error", explanation: "The transfer to another destination did not complete." };
  }
  if (r.includes("error") || r.includes("fail") || r.includes("rejected")) {
    return { label: detail, tone: "error", explanation: "The call ended because something failed." };
  }
  if (r.includes("timed-out") || r.includes("timeout") || r.includes("no-answer") || r.includes("did-not-answer") || r.includes("busy")) {
    return { label: detail, tone: "warning", explanation: "The call ended without a full conversation." };
  }
  return { label: detail, tone: "neutral", explanation: "Reported by the provider as the reason the call ended." };
}

export function describeEndedReason(reason: string | null | undefined): EndedReasonInfo | null {
  if (!reason || !reason.trim()) return null;
  const known = KNOWN[reason.trim()];
  if (known) return { label: known[0], tone: known[1], explanation: known[2] };
  return byPattern(reason);
}

/** Whether a call that ended with this reason should read as failed (red) on the board. */
export function isFailureReason(reason: string | null | undefined): boolean {
  return describeEndedReason(reason)?.tone === "error";
}
