import { useSyncExternalStore } from "react";

/**
 * One shared clock for everything that ticks (live durations, countdowns). A single interval runs
 * while anything is subscribed, so a hundred live rows re-render together once per second instead
 * of drifting on a hundred timers.
 */
const TICK_MS = 1000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

const getNow = () => now;

/**
 * The current time (epoch ms), updated every second while `enabled`. Disabled, it returns the last
 * tick without scheduling more: for components whose output does not depend on the time right now.
 */
export function useNow(enabled = true): number {
  return useSyncExternalStore(enabled ? subscribe : noopSubscribe, getNow);
}

function noopSubscribe(): () => void {
  return () => {};
}
