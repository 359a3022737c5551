import { Suspense, type ReactNode } from "react";
import { Spinner } from "./Spinner";

/**
 * Where a screen loaded on first opening appears: a quiet "Loading…" while its code arrives (once per visit, and
 * quick on a good connection) instead of a blank page.
 */
export function LazyScreen({ children }: { children: ReactNode }) {
  const loading = (
    <div className="flex flex-1 items-center justify-center gap-2 py-24 text-sm text-slate-500" data-testid="screen-loading">
      <Spinner label="Loading the screen" /> Loading…
    </div>
  );
  return <Suspense fallback={loading}>{children}</Suspense>;
}
