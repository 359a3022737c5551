import { useEffect, useMemo, type ReactNode } from "react";
import { LiveSocket } from "@/lib/live/live-socket";
import { useSessionCheck } from "@/features/auth/hooks/auth-context";
import { LiveSocketContext } from "../hooks/live-context";

/**
 * Owns the dashboard socket of the tenant on screen: a new tenant gets a new socket (and a clean
 * state), the old one is closed. No tenant, no socket. A refused connection (the browser cannot see
 * why) asks the server whether the session is still alive: if not, the app goes to the sign-in screen
 * instead of reconnecting forever.
 */
export function LiveProvider({ clientId, children, socket: injected }: { clientId: string | null; children: ReactNode; socket?: LiveSocket }) {
  // Stable: the auth store's method.
  const checkSession = useSessionCheck();
  const socket = useMemo(
    () => injected ?? (clientId ? new LiveSocket({ clientId, onRefused: () => void checkSession() }) : null),
    [injected, clientId, checkSession],
  );
  useEffect(() => {
    if (!socket) return;
    socket.start();
    return () => socket.stop();
  }, [socket]);
  return <LiveSocketContext.Provider value={socket}>{children}</LiveSocketContext.Provider>;
}
