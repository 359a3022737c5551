import type { CallDetail, CallView, TranscriptLine } from "@/lib/api-types";

/** A complete CallView with sensible defaults; tests override only what they are about. */
export function makeCall(overrides: Partial<CallView> = {}): CallView {
  return {
    id: "call-1",
    status: "in-progress",
    phoneNumber: "+14155550123",
    startedAt: "2025-12-10T07:05:00.000000",
    endedAt: null,
    listenUrl: null,
    provider: "vapi",
    createdAt: "2025-12-10T07:04:50.000000",
    updatedAt: "2025-12-10T07:05:00.000000",
    type: "inboundPhoneCall",
    direction: "inbound",
    assistantId: "asst-1",
    assistantName: "Riley",
    ourNumber: "+14155550100",
    endedReason: null,
    cost: null,
    costBreakdown: null,
    summary: null,
    structuredData: null,
    successEvaluation: null,
    recordingUrl: null,
    stereoRecordingUrl: null,
    transferDestination: null,
    controllable: true,
    version: 1,
    ...overrides,
  };
}

export function makeLine(overrides: Partial<TranscriptLine> = {}): TranscriptLine {
  return {
    id: 1,
    role: "user",
    text: "Hello there",
    at: "2025-12-10T07:05:03.000000",
    secondsFromStart: 3,
    source: "live",
    ...overrides,
  };
}

export function makeDetail(overrides: Partial<CallDetail> = {}): CallDetail {
  return { call: makeCall(), timeline: [], transcript: [], ...overrides };
}
