import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { FakeWebSocket } from "./fake-websocket";

afterEach(() => {
  cleanup();
  FakeWebSocket.reset();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  window.history.replaceState(null, "", "/");
  window.localStorage.clear();
});

// jsdom has no layout: scrolling APIs the transcript uses are no-ops here.
if (!Element.prototype.scrollTo) Element.prototype.scrollTo = () => {};
