/**
 * Links from a chart into the History screen with its filters in the URL (the parameter names History
 * reads: category, from, to, status, assistant, type, transferred, success, minDuration, maxDuration, and hour / weekday
 * on the tenant's clock).
 * The tenant (client) stays; everything of the Analytics screen goes. Always status=ended: the charts count ended
 * calls, so the list holds exactly the calls behind the number clicked, not the live ones of that slice too.
 */
export type HistoryFilters = Partial<Record<"category" | "from" | "to" | "transferred" | "success" | "minDuration" | "maxDuration" | "hour" | "weekday", string>>;

export function historyHref(filters: HistoryFilters, location: Pick<Location, "href"> = window.location): string {
  const current = new URL(location.href);
  const url = new URL(current.pathname, current.origin);
  const client = current.searchParams.get("client");
  if (client) url.searchParams.set("client", client);
  url.searchParams.set("view", "history");
  url.searchParams.set("status", "ended");
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== "") url.searchParams.set(k, v);
  return url.pathname + url.search;
}

/** Opens History with the filters (a full navigation keeps it simple and the back button right). */
export function openHistory(filters: HistoryFilters): void {
  window.history.pushState(null, "", historyHref(filters));
  window.dispatchEvent(new PopStateEvent("popstate"));
}

/** A plain click on a link follows it in place; a modified one (new tab, new window) is left to the browser. */
export function followInPlace(e: { metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; button: number; preventDefault: () => void }, filters: HistoryFilters): void {
  if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  openHistory(filters);
}
