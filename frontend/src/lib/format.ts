/** Small formatters for money, phone numbers, numbers and field names. */

const usd2 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usd4 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 4 });
const plain = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/**
 * Cents for totals ("$0.18"); cost components are often fractions of a cent, so `precise` keeps up to
 * four decimals ("$0.0123"), and so does any amount too small to show in cents.
 */
export function formatUsd(value: number, precise = false): string {
  if (!precise && (value === 0 || Math.abs(value) >= 0.01)) return usd2.format(value);
  return usd4.format(value);
}

export function formatNumber(value: number): string {
  return plain.format(value);
}

/**
 * E.164 numbers from North America read as "+1 415-555-0123"; anything else (other countries, SIP
 * URIs, "anonymous") is shown exactly as the provider sent it.
 */
export function formatPhone(value: string | null | undefined): string {
  if (!value) return "Unknown caller";
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(value);
  if (nanp) return `+1 ${nanp[1]}-${nanp[2]}-${nanp[3]}`;
  return value;
}

const ACRONYMS = new Set(["id", "nps", "csat", "url", "sms", "ai", "api", "crm", "dob", "vip", "faq", "sip", "llm", "tts", "stt"]);

/** "nps_score" → "NPS score", "followUpRequired" → "Follow up required". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[\s_\-.]+/)
    .filter(Boolean)
    .map((w) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase() : w.toLowerCase()));
  if (words.length === 0) return key;
  const [first, ...rest] = words;
  const head = first === first!.toUpperCase() ? first! : first!.charAt(0).toUpperCase() + first!.slice(1);
  return [head, ...rest].join(" ");
}
