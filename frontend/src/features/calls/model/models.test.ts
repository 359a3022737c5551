import { makeCall, makeLine } from "@/test/fixtures";
import { summarizeBoard } from "./board-summary";
import { statusAppearance } from "./call-status";
import { callTiming } from "./call-timing";
import { costLines } from "./cost-breakdown";
import { readEvaluation } from "./success-evaluation";
import { mergeTranscript } from "./transcript";
import { webhookUrlFor } from "./webhook-url";

const T0 = Date.parse("2025-12-10T07:05:00Z");

describe("call timing", () => {
  test("a connected call counts from its start", () => {
    expect(callTiming(makeCall({ startedAt: "2025-12-10T07:05:00.000000" }), T0 + 65_000)).toEqual({ kind: "talking", ms: 65_000, ticking: true });
  });

  test("an ended call is ended minus started, whatever the time now", () => {
    const call = makeCall({ status: "ended", startedAt: "2025-12-10T07:05:00.000000", endedAt: "2025-12-10T07:06:30.000000" });
    expect(callTiming(call, T0 + 999_999)).toEqual({ kind: "talking", ms: 90_000, ticking: false });
  });

  test("a call that has not connected counts from its creation", () => {
    expect(callTiming(makeCall({ status: "ringing", startedAt: null, createdAt: "2025-12-10T07:05:00.000000" }), T0 + 9_000)).toEqual({ kind: "waiting", ms: 9_000, ticking: true });
  });

  test("a ringing call counts its wait even if the source stamped a start time", () => {
    const call = makeCall({ status: "ringing", startedAt: "2025-12-10T07:05:00.000000", createdAt: "2025-12-10T07:05:00.000000" });
    expect(callTiming(call, T0 + 4_000)).toEqual({ kind: "waiting", ms: 4_000, ticking: true });
  });

  test("an ended call that never connected has no duration", () => {
    expect(callTiming(makeCall({ status: "ended", startedAt: null, endedAt: "2025-12-10T07:06:30.000000" }), T0)).toEqual({ kind: "none" });
  });
});

describe("status appearance", () => {
  test("each stage has its colour and ended failures are red", () => {
    expect(statusAppearance({ status: "ringing", endedReason: null }).tone).toBe("amber");
    expect(statusAppearance({ status: "in-progress", endedReason: null })).toMatchObject({ tone: "green", pulse: true });
    expect(statusAppearance({ status: "forwarding", endedReason: null }).tone).toBe("violet");
    expect(statusAppearance({ status: "ended", endedReason: "customer-ended-call" }).tone).toBe("slate");
    expect(statusAppearance({ status: "ended", endedReason: "call.in-progress.error-vapifault-x" })).toMatchObject({ tone: "red", label: "Failed" });
  });

  test("a status this UI does not know is shown as sent", () => {
    expect(statusAppearance({ status: "not-found", endedReason: null }).label).toBe("Not found");
  });
});

describe("board summary", () => {
  test("counts live calls, calls in view, calls ended today and their average talk time", () => {
    const now = Date.now();
    const today = new Date(now).toISOString().replace("Z", "");
    const startedToday = new Date(now - 60_000).toISOString().replace("Z", "");
    const summary = summarizeBoard(
      [
        makeCall({ id: "a", status: "in-progress" }),
        makeCall({ id: "b", status: "ringing" }),
        makeCall({ id: "c", status: "ended", startedAt: startedToday, endedAt: today }),
        makeCall({ id: "d", status: "ended", startedAt: "2020-01-01T00:00:00.000000", endedAt: "2020-01-01T00:02:00.000000" }),
      ],
      now,
    );
    expect(summary).toEqual({ liveNow: 2, inView: 4, endedToday: 1, averageEndedMs: 90_000 });
  });
});

describe("cost breakdown", () => {
  test("reads Vapi's array of cost items with provider and usage", () => {
    expect(
      costLines([
        { type: "transport", provider: "twilio", minutes: 1.5, cost: 0.0123 },
        { type: "voice", characters: 230, cost: 0.04, voice: { provider: "11labs", voiceId: "sarah" } },
        { type: "mystery-item", cost: 0.001 },
        { type: "no-cost" },
      ]),
    ).toEqual([
      { label: "Telephony", detail: "twilio · 1.5 min", cost: 0.0123 },
      { label: "Voice", detail: "11labs · sarah · 230 chars", cost: 0.04 },
      { label: "Mystery item", detail: null, cost: 0.001 },
    ]);
  });

  test("reads the older object shape and skips totals and token counts", () => {
    expect(costLines({ transport: 0.01, stt: 0.02, llm: 0.03, total: 0.06, llmPromptTokens: 900 })).toEqual([
      { label: "Telephony", detail: null, cost: 0.01 },
      { label: "Transcription", detail: null, cost: 0.02 },
      { label: "Language model", detail: null, cost: 0.03 },
    ]);
  });

  test("nothing usable gives no lines", () => {
    expect(costLines(null)).toEqual([]);
    expect(costLines("free")).toEqual([]);
  });
});

describe("success evaluation", () => {
  test("booleans and their spellings read as pass or fail", () => {
    expect(readEvaluation(true)?.kind).toBe("pass");
    expect(readEvaluation("true")?.kind).toBe("pass");
    expect(readEvaluation("Pass")?.kind).toBe("pass");
    expect(readEvaluation("false")?.kind).toBe("fail");
    expect(readEvaluation(false)?.kind).toBe("fail");
  });

  test("numbers read as scores on their likely scale", () => {
    expect(readEvaluation("8")).toEqual({ kind: "score", value: 8, outOf: 10 });
    expect(readEvaluation(72)).toEqual({ kind: "score", value: 72, outOf: 100 });
  });

  test("anything else is shown as written", () => {
    expect(readEvaluation("Mostly good")).toEqual({ kind: "text", text: "Mostly good" });
    expect(readEvaluation({ greeting: true })?.kind).toBe("structured");
    expect(readEvaluation(null)).toBeNull();
  });
});

describe("transcript merge", () => {
  test("live lines follow the stored ones and appear once", () => {
    const stored = [makeLine({ id: 1 }), makeLine({ id: 2 })];
    const merged = mergeTranscript(stored, [makeLine({ id: 2 }), makeLine({ id: 3 })]);
    expect(merged.map((l) => l.id)).toEqual([1, 2, 3]);
  });
});

describe("webhook URL", () => {
  test("uses the real host, or a placeholder on localhost", () => {
    expect(webhookUrlFor("acme", { host: "calls.example.com", hostname: "calls.example.com" })).toBe("https://calls.example.com/webhooks/vapi/acme");
    expect(webhookUrlFor("acme", { host: "localhost:5173", hostname: "localhost" })).toBe("https://<your-host>/webhooks/vapi/acme");
  });
});
