import { useCallback } from "react";
import { setSearchParams, useSearchParam } from "./url-state";

/** Which screen of the tenant is on: the live board (default) or the transfer-targets settings (?view=targets). */
export type View = "board" | "targets";

export function useView(): { view: View; show: (view: View) => void } {
  const param = useSearchParam("view");
  const view: View = param === "targets" ? "targets" : "board";
  const show = useCallback((next: View) => setSearchParams(next === "board" ? { view: null } : { view: next, call: null }), []);
  return { view, show };
}
