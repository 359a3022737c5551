import { normalizePhone, validateE164, validateSipUri } from "./destination";

describe("E.164 validation", () => {
  test("accepts + country code and number, removing the spacing people type", () => {
    expect(validateE164("+14155550100")).toEqual({ ok: true, value: "+14155550100" });
    expect(validateE164(" +1 (415) 555-0100 ")).toEqual({ ok: true, value: "+14155550100" });
    expect(validateE164("+44 20 7946 0958")).toEqual({ ok: true, value: "+442079460958" });
    expect(normalizePhone("+1.415.555.0100")).toBe("+14155550100");
  });

  test("nothing typed is not valid, but not an error to show either", () => {
    expect(validateE164("")).toEqual({ ok: false, error: null });
  });

  test("says what is wrong", () => {
    expect(validateE164("4155550100")).toEqual({ ok: false, error: "Start with + and the country code, e.g. +14155550100." });
    expect(validateE164("0014155550100")).toEqual({ ok: false, error: "Use + instead of 00 before the country code." });
    expect(validateE164("+1415555010a")).toEqual({ ok: false, error: "Only digits can follow the +." });
    expect(validateE164("+0415555010")).toEqual({ ok: false, error: "Country codes do not start with 0." });
    expect(validateE164("+1234567890123456")).toEqual({ ok: false, error: "Too long: E.164 numbers have at most 15 digits (this has 16)." });
    expect(validateE164("+12345")).toEqual({ ok: false, error: "Too short for a phone number." });
  });
});

describe("SIP URI validation", () => {
  test("accepts sip: and sips: URIs", () => {
    expect(validateSipUri("sip:frontdesk@pbx.example.com")).toEqual({ ok: true, value: "sip:frontdesk@pbx.example.com" });
    expect(validateSipUri("sips:+14155550100@sip.telnyx.com")).toMatchObject({ ok: true });
  });

  test("rejects other schemes and spaces", () => {
    expect(validateSipUri("frontdesk@pbx")).toMatchObject({ ok: false, error: expect.stringContaining("start with sip:") });
    expect(validateSipUri("sip:front desk@pbx")).toMatchObject({ ok: false });
  });
});
