import { useEffect, useMemo, type ReactNode } from "react";
import { LiveSocket } from "@/lib/live/live-socket";
import { LiveSocketContext } from "../hooks/live-context";

/**
 * Owns the dashboard socket of the tenant on screen: a new tenant gets a new socket (and a clean
 * state), the old one is closed. No tenant, no socket.
 */
export function LiveProvider({ clientId, children, socket: injected }: { clientId: string | null; children: ReactNode; socket?: LiveSocket }) {
  const socket = useMemo(() => injected ?? (clientId ? new LiveSocket({ clientId }) : null), [injected, clientId]);
  useEffect(() => {
    if (!socket) return;
    socket.start();
    return () => socket.stop();
  }, [socket]);
  return <LiveSocketContext.Provider value={socket}>{children}</LiveSocketContext.Provider>;
}
