import { useCallback, useEffect } from "react";
import { setSearchParams, useSearchParam } from "./url-state";

function focusRow(callId: string) {
  // Compared in JS, not in a selector: call ids come from providers and may contain anything.
  const rows = document.querySelectorAll<HTMLElement>('[data-testid="call-row"]');
  Array.from(rows).find((row) => row.dataset.callId === callId)?.focus();
}

/**
 * The open call lives in the URL (?call=<id>). Esc closes it from anywhere (except while a native
 * control such as the tenant <select> is using Esc itself) and gives focus back to its row.
 */
export function useCallSelection() {
  const callId = useSearchParam("call");
  const open = useCallback((id: string) => setSearchParams({ call: id }), []);
  const close = useCallback(() => {
    const closing = callId;
    setSearchParams({ call: null });
    if (closing) requestAnimationFrame(() => focusRow(closing));
  }, [callId]);

  useEffect(() => {
    if (!callId) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === "SELECT" || target.tagName === "INPUT" || target.tagName === "TEXTAREA")) return;
      event.preventDefault();
      close();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [callId, close]);

  return { callId, open, close };
}
