/**
 * Reconnect delays: 0.5 s doubling to a 10 s ceiling, each randomised to 50–100 % of its value so a
 * server restart is not met by every open dashboard reconnecting in the same millisecond.
 */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 10_000;

/** `attempt` counts from 1 (the first retry after a drop). */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(exponent, 16));
  return Math.round(ceiling * (0.5 + random() * 0.5));
}
