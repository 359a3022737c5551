import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ToastProvider } from "@/components/ui/Toast";
import type { Session } from "@/features/auth/api/auth";
import { AuthProvider } from "@/features/auth/components/AuthProvider";
import { createQueryClient } from "@/lib/query-client";

/** `session`: tests start signed in (or out, with null) instead of asking the server. */
export function AppProviders({ children, queryClient, session }: { children: ReactNode; queryClient?: QueryClient; session?: Session | null }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <ToastProvider>
        <AuthProvider session={session}>{children}</AuthProvider>
      </ToastProvider>
    </QueryClientProvider>
  );
}
