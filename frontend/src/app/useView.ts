import { useCallback } from "react";
import { setSearchParams, useSearchParam } from "./url-state";

/**
 * Which screen of the tenant is on (?view=…): the live board when absent, otherwise the screen's id —
 * an admin section (features/admin/sections.tsx) or another top-level screen. Unknown ids show the board.
 */
export type View = string;

export function useView(): { view: View; show: (view: View) => void } {
  const view = useSearchParam("view") ?? "board";
  const show = useCallback((next: View) => setSearchParams(next === "board" ? { view: null } : { view: next, call: null }), []);
  return { view, show };
}
