import { formatClockTime, formatDuration, formatDurationWords, parseServerTime } from "./time";

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
    expect(formatClockTime(today, now)).not.toContain(",");
    expect(formatClockTime(earlier, now)).toContain(",");
  });
});
