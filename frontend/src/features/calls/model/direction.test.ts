import { callerLabel, directionLabel } from "./direction";

describe("naming the other end of a call", () => {
  test("shows a North American number formatted and any other as sent", () => {
    expect(callerLabel({ phoneNumber: "+14155550123", direction: "inbound" })).toBe("+1 415-555-0123");
    expect(callerLabel({ phoneNumber: "+442071838750", direction: "outbound" })).toBe("+442071838750");
  });

  test("calls a web call a web call, not an unknown caller", () => {
    expect(callerLabel({ phoneNumber: null, direction: "web" })).toBe("Web call");
  });

  test("says the caller is unknown when a phone call has no number", () => {
    expect(callerLabel({ phoneNumber: null, direction: "inbound" })).toBe("Unknown caller");
    expect(callerLabel({ phoneNumber: null, direction: null })).toBe("Unknown caller");
  });

  test("labels the direction, and a call without one just a call", () => {
    expect(directionLabel("outbound")).toBe("Outbound call");
    expect(directionLabel(null)).toBe("Call");
  });
});
