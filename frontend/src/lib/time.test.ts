import { formatDuration, formatDurationWords, parseServerTime, timeFormat } from "./time";

describe("server time parsing", () => {
  test("a timestamp without an offset is read as UTC", () => {
    expect(parseServerTime("2025-12-10T07:05:14.195000")).toBe(Date.UTC(2025, 11, 10, 7, 5, 14, 195));
  });

  test("microseconds are truncated to milliseconds", () => {
    expect(parseServerTime("2025-12-10T07:05:14.195889")).toBe(Date.UTC(2025, 11, 10, 7, 5, 14, 195));
  });

  test("a timestamp that already has a zone is kept as is", () => {
    expect(parseServerTime("2025-12-10T07:05:14.195Z")).toBe(Date.UTC(2025, 11, 10, 7, 5, 14, 195));
    expect(parseServerTime("2025-12-10T08:05:14+01:00")).toBe(Date.UTC(2025, 11, 10, 7, 5, 14));
  });

  test("missing or unreadable timestamps give null", () => {
    expect(parseServerTime(null)).toBeNull();
    expect(parseServerTime(undefined)).toBeNull();
    expect(parseServerTime("")).toBeNull();
    expect(parseServerTime("yesterday")).toBeNull();
  });
});

describe("duration formatting", () => {
  test("short durations read as minutes and seconds", () => {
    expect(formatDuration(0)).toBe("0:00");
    expect(formatDuration(7_400)).toBe("0:07");
    expect(formatDuration(245_000)).toBe("4:05");
  });

  test("durations of an hour or more include hours", () => {
    expect(formatDuration(3_723_000)).toBe("1:02:03");
  });

  test("negative durations (clock skew) count as zero", () => {
    expect(formatDuration(-5_000)).toBe("0:00");
  });

  test("durations in words for summaries", () => {
    expect(formatDurationWords(38_000)).toBe("38s");
    expect(formatDurationWords(245_000)).toBe("4m 05s");
    expect(formatDurationWords(3_720_000)).toBe("1h 02m");
  });
});

describe("clock time formatting", () => {
  test("a time from another day includes the date", () => {
    const now = new Date(2025, 11, 10, 12, 0, 0).getTime();
    const today = new Date(2025, 11, 10, 9, 30, 0).getTime();
    const earlier = new Date(2025, 11, 8, 9, 30, 0).getTime();
    expect(timeFormat().clock(today, now)).not.toContain(",");
    expect(timeFormat().clock(earlier, now)).toContain(",");
  });

  test("one instant reads on the tenant's clock, whatever the reader's, and names the zone", () => {
    const at = Date.parse("2026-03-08T06:30:00Z"); // 01:30 EST in New York, 15:30 in Tokyo
    const ny = timeFormat("America/New_York");
    expect(ny.clock(at, at)).toMatch(/^01:30:00\sAM$/);
    expect(timeFormat("Asia/Tokyo").clock(at, at)).toMatch(/^03:30:00\sPM$/);
    expect(ny.zoneName(at)).toBe("EST");
    expect(ny.zoneName(Date.parse("2026-03-08T08:30:00Z"))).toBe("EDT"); // after the jump
    expect(ny.full(at)).toContain("EST");
    expect(ny.dateTime(at)).toMatch(/^Mar 8, 2026, 1:30\sAM$/);
  });

  test("days are the tenant's: 23:30 and 00:30 in New York are two days, one in London", () => {
    const late = Date.parse("2026-03-09T03:30:00Z"); // 23:30 EDT on the 8th
    const early = Date.parse("2026-03-09T04:30:00Z"); // 00:30 EDT on the 9th
    expect(timeFormat("America/New_York").sameDay(late, early)).toBe(false);
    expect(timeFormat("Europe/London").sameDay(late, early)).toBe(true);
    expect(timeFormat("America/New_York").clock(late, early)).toContain("Mar 8");
  });

  test("a zone the browser does not know falls back to the browser's instead of failing", () => {
    expect(timeFormat("Mars/Olympus_Mons").zone).toBeUndefined();
  });
});
