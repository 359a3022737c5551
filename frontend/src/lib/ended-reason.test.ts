import { describeEndedReason, isFailureReason, readableReason } from "./ended-reason";

describe("ended reason humanizer", () => {
  test("common reasons get hand-written words", () => {
    expect(describeEndedReason("customer-ended-call")).toMatchObject({ label: "Caller hung up", tone: "neutral" });
    expect(describeEndedReason("assistant-forwarded-call")?.label).toBe("Forwarded");
    expect(describeEndedReason("customer-did-not-answer")).toMatchObject({ label: "No answer", tone: "warning" });
    expect(describeEndedReason("voicemail")?.tone).toBe("warning");
    expect(describeEndedReason("twilio-failed-to-connect-call")?.tone).toBe("error");
    expect(describeEndedReason("call.in-progress.error-transfer-failed")).toMatchObject({ label: "Transfer failed", tone: "error" });
  });

  test("pipeline errors are failures named after the failing part", () => {
    expect(describeEndedReason("pipeline-error-openai-llm-failed")).toMatchObject({ label: "Pipeline error: OpenAI LLM failed", tone: "error" });
  });

  test("vapi and provider faults are failures", () => {
    expect(describeEndedReason("call.in-progress.error-vapifault-openai-llm-failed")).toMatchObject({ label: "Vapi error: OpenAI LLM failed", tone: "error" });
    expect(describeEndedReason("call.in-progress.error-providerfault-outbound-sip-503-service-unavailable")).toMatchObject({
      label: "Provider error: Outbound SIP 503 service unavailable",
      tone: "error",
    });
  });

  test("start errors and unknown transfer errors fall back by pattern", () => {
    expect(describeEndedReason("call.start.error-subscription-frozen")).toMatchObject({ label: "Couldn't start: Subscription frozen", tone: "error" });
    expect(describeEndedReason("call.in-progress.error-warm-transfer-new-thing")?.tone).toBe("error");
  });

  test("a reason nobody has seen before is still readable", () => {
    expect(describeEndedReason("call.in-progress.something-brand-new")).toMatchObject({ label: "Something brand new", tone: "neutral" });
    expect(describeEndedReason("hangup")?.label).toBe("Hangup");
  });

  test("no reason means nothing to show", () => {
    expect(describeEndedReason(null)).toBeNull();
    expect(describeEndedReason("  ")).toBeNull();
  });

  test("failure reasons are the ones the board paints red", () => {
    expect(isFailureReason("pipeline-error-deepgram-transcriber-failed")).toBe(true);
    expect(isFailureReason("customer-ended-call")).toBe(false);
    expect(isFailureReason(null)).toBe(false);
  });

  test("dotted phase prefixes are dropped from readable text", () => {
    expect(readableReason("call.ringing.hook-executed-say")).toBe("Hook executed say");
  });
});
