import { useSyncExternalStore } from "react";

/**
 * The URL is the source of truth for what is on screen (?client=<tenant>&call=<id>), so a link or a
 * reload shows the same thing. This is a tiny external store over window.location; no router needed
 * for one screen.
 */

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

const getSearch = () => window.location.search;

/** The whole query string (for screens whose state is many parameters, like history's filters). */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, getSearch);
}

export function useSearchParam(name: string): string | null {
  const search = useSyncExternalStore(subscribe, getSearch);
  const value = new URLSearchParams(search).get(name);
  return value === "" ? null : value;
}

/** Sets (string) or removes (null) query parameters; `replace` for corrections that should not add history. */
export function setSearchParams(changes: Record<string, string | null>, options: { replace?: boolean } = {}): void {
  const url = new URL(window.location.href);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  if (url.href === window.location.href) return;
  if (options.replace) window.history.replaceState(window.history.state, "", url);
  else window.history.pushState(null, "", url);
  for (const listener of listeners) listener();
}
