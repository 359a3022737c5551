import { useSyncExternalStore } from "react";

/**
 * The name this browser acts under ("Your name" in the header): sent as `name` when listening and as
 * `actor` with every control action, so the call's timeline says who did what. Remembered in
 * localStorage until user accounts exist.
 */

const KEY = "switchboard.displayName";
export const DEFAULT_DISPLAY_NAME = "Supervisor";
export const MAX_DISPLAY_NAME = 60;
const listeners = new Set<() => void>();
/** Used when storage is unavailable (private mode, policy): the name then lasts until reload. */
let memory = "";

function read(): string {
  try {
    return window.localStorage.getItem(KEY) ?? "";
  } catch {
    return memory;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/** What the field shows (may be empty while typing). */
export function useDisplayNameInput(): string {
  return useSyncExternalStore(subscribe, read);
}

/** The name to send: the stored one, trimmed, or "Supervisor". */
export function displayName(): string {
  const name = read().trim().slice(0, MAX_DISPLAY_NAME);
  return name || DEFAULT_DISPLAY_NAME;
}

export function setDisplayName(value: string): void {
  memory = value.slice(0, MAX_DISPLAY_NAME);
  try {
    if (value) window.localStorage.setItem(KEY, value.slice(0, MAX_DISPLAY_NAME));
    else window.localStorage.removeItem(KEY);
  } catch {
    // storage disabled: kept in memory
  }
  for (const listener of listeners) listener();
}
