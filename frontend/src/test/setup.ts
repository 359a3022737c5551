import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { listenSessions } from "@/features/listen/listen-sessions";
import { setCsrfToken } from "@/lib/api-client";
import { FakeAudioSink } from "./fake-audio-sink";
import { FakeWebSocket } from "./fake-websocket";

afterEach(() => {
  cleanup();
  listenSessions.stopAll();
  FakeWebSocket.reset();
  FakeAudioSink.reset();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  window.history.replaceState(null, "", "/");
  window.localStorage.clear();
  window.sessionStorage.clear();
  setCsrfToken(null);
});

// jsdom has no layout: scrolling APIs the transcript uses are no-ops here.
if (!Element.prototype.scrollTo) Element.prototype.scrollTo = () => {};
