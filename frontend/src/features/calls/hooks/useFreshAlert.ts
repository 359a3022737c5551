import { useEffect, useState } from "react";
import type { CallAlert } from "@/lib/live/live-state";

/** How long a "hang" warning stays on screen after it arrives. */
export const ALERT_VISIBLE_MS = 6000;

/** The alert while it is recent, then null: warnings flash for a few seconds, they are not a state. */
export function useFreshAlert(alert: CallAlert | null, visibleMs = ALERT_VISIBLE_MS): CallAlert | null {
  const [expired, setExpired] = useState<CallAlert | null>(null);
  useEffect(() => {
    if (!alert) return;
    const left = Math.max(0, alert.receivedAt + visibleMs - Date.now());
    const timer = setTimeout(() => setExpired(alert), left);
    return () => clearTimeout(timer);
  }, [alert, visibleMs]);
  return alert && expired !== alert ? alert : null;
}
