/**
 * Validation of transfer destinations, as the person types. E.164 is "+", a country code and the
 * subscriber number, 15 digits at most; people paste numbers with spaces, dashes, dots or brackets,
 * which are removed before validating and sending.
 */

export type Validation = { ok: true; value: string } | { ok: false; error: string | null };

const SEPARATORS = /[\s\-.()\u00a0]/g;
const E164 = /^\+[1-9]\d{1,14}$/;
const SIP = /^sips?:\S+$/i;

/** "+1 (415) 555-0100" → "+14155550100"; the input otherwise unchanged. */
export function normalizePhone(input: string): string {
  return input.replace(SEPARATORS, "");
}

/** `error` null means "nothing typed yet" (not an error to show, but not valid either). */
export function validateE164(input: string): Validation {
  const value = normalizePhone(input.trim());
  if (value === "") return { ok: false, error: null };
  if (!value.startsWith("+")) {
    if (value.startsWith("00")) return { ok: false, error: "Use + instead of 00 before the country code." };
    return { ok: false, error: "Start with + and the country code, e.g. +14155550100." };
  }
  const digits = value.slice(1);
  if (!/^\d*$/.test(digits)) return { ok: false, error: "Only digits can follow the +." };
  if (digits.startsWith("0")) return { ok: false, error: "Country codes do not start with 0." };
  if (digits.length > 15) return { ok: false, error: `Too long: E.164 numbers have at most 15 digits (this has ${digits.length}).` };
  if (!E164.test(value) || digits.length < 7) return { ok: false, error: "Too short for a phone number." };
  return { ok: true, value };
}

export function validateSipUri(input: string): Validation {
  const value = input.trim();
  if (value === "") return { ok: false, error: null };
  if (!/^sips?:/i.test(value)) return { ok: false, error: "SIP URIs start with sip: (e.g. sip:frontdesk@pbx.example.com)." };
  if (value.length > 255 || !SIP.test(value)) return { ok: false, error: "Not a valid SIP URI: no spaces, at most 255 characters." };
  return { ok: true, value };
}
