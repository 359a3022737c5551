import type { JsonValue } from "@/lib/api-types";
import { formatNumber, humanizeKey } from "@/lib/format";

/** One line of the cost table: what was paid for, by whom / how much, and the amount. */
export interface CostLine {
  label: string;
  detail: string | null;
  cost: number;
}

type JsonObject = { [key: string]: JsonValue };

const TYPE_LABELS: Record<string, string> = {
  transport: "Telephony",
  transcriber: "Transcription",
  stt: "Transcription",
  model: "Language model",
  llm: "Language model",
  voice: "Voice",
  tts: "Voice",
  vapi: "Vapi platform",
  analysis: "Analysis",
  "voicemail-detection": "Voicemail detection",
  voicemailDetection: "Voicemail detection",
  "knowledge-base": "Knowledge base",
  knowledgeBase: "Knowledge base",
  chat: "Chat",
};

const isObject = (v: JsonValue | undefined): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: JsonValue | undefined): string | null => (typeof v === "string" && v.trim() ? v : null);
const num = (v: JsonValue | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function labelFor(type: string): string {
  return TYPE_LABELS[type] ?? humanizeKey(type);
}

/** "openai · gpt-4o-mini · 1,965 tokens": who provided the part and how much of it was used. */
function detailOf(item: JsonObject): string | null {
  const nested = [item.model, item.transcriber, item.voice].find(isObject);
  const provider = str(item.provider) ?? (nested ? str(nested.provider) : null);
  const model = nested ? str(nested.model) ?? str(nested.voiceId) : null;
  const parts = [provider, model, str(item.analysisType)].filter((p): p is string => p !== null);
  const minutes = num(item.minutes);
  const tokens = (num(item.promptTokens) ?? 0) + (num(item.completionTokens) ?? 0);
  const characters = num(item.characters);
  if (minutes !== null) parts.push(`${formatNumber(minutes)} min`);
  if (tokens > 0) parts.push(`${formatNumber(tokens)} tokens`);
  if (characters !== null) parts.push(`${formatNumber(characters)} chars`);
  return parts.length ? parts.join(" · ") : null;
}

/**
 * Reads Vapi's cost breakdown in either shape it has used: an array of cost items
 * ({"type":"model","cost":0.01,…}) or the older object ({"transport":0.01,"stt":…,"total":…}).
 */
export function costLines(breakdown: JsonValue | null | undefined): CostLine[] {
  if (Array.isArray(breakdown)) {
    return breakdown.filter(isObject).flatMap((item) => {
      const cost = num(item.cost);
      if (cost === null) return [];
      const type = str(item.type) ?? "other";
      return [{ label: labelFor(type), detail: detailOf(item), cost }];
    });
  }
  if (isObject(breakdown)) {
    const lines: CostLine[] = [];
    for (const [key, value] of Object.entries(breakdown)) {
      if (key === "total" || /tokens|characters|minutes/i.test(key)) continue;
      const cost = num(value);
      if (cost !== null) lines.push({ label: labelFor(key), detail: null, cost });
      else if (isObject(value) && key === "analysisCostBreakdown") {
        const sum = Object.entries(value).filter(([k]) => !/tokens/i.test(k)).reduce((acc, [, v]) => acc + (num(v) ?? 0), 0);
        if (sum > 0) lines.push({ label: "Analysis", detail: null, cost: sum });
      }
    }
    return lines;
  }
  return [];
}
