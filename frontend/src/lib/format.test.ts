import { formatPhone, formatUsd, humanizeKey } from "./format";

describe("formatting", () => {
  test("North American E.164 numbers are grouped, others shown as sent", () => {
    expect(formatPhone("+14155550123")).toBe("+1 415-555-0123");
    expect(formatPhone("+442071838750")).toBe("+442071838750");
    expect(formatPhone(null)).toBe("Unknown caller");
  });

  test("costs keep fractions of a cent when they matter", () => {
    expect(formatUsd(0.1834)).toBe("$0.18");
    expect(formatUsd(12.3456)).toBe("$12.35");
    expect(formatUsd(0.004)).toBe("$0.004");
    expect(formatUsd(0.0123, true)).toBe("$0.0123");
    expect(formatUsd(0.2, true)).toBe("$0.20");
  });

  test("field names become labels", () => {
    expect(humanizeKey("nps_score")).toBe("NPS score");
    expect(humanizeKey("followUpRequired")).toBe("Follow up required");
    expect(humanizeKey("case_type")).toBe("Case type");
  });
});
