import { AlertCircle } from "lucide-react";
import { useEffect } from "react";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { Spinner } from "@/components/ui/Spinner";
import { Wordmark } from "@/components/ui/Wordmark";

/** While /api/auth/me is in flight: nothing that could flash the sign-in screen at a signed-in user. */
export function BootScreen() {
  return (
    <div data-testid="boot" className="flex min-h-screen items-center justify-center">
      <Spinner className="size-5 text-blue-600" label="Loading Switchboard" />
    </div>
  );
}

const RETRY_MS = 5000;

/** The server could not say who is signed in (down, restarting, no network): retries on its own. */
export function BootError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  useEffect(() => {
    const timer = setInterval(onRetry, RETRY_MS);
    return () => clearInterval(timer);
  }, [onRetry]);
  return (
    <div className="flex min-h-screen flex-col items-center bg-slate-50 px-4 pt-[12vh]">
      <Wordmark className="mb-8" />
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white shadow-sm" data-testid="boot-error">
        <EmptyState icon={<AlertCircle className="size-5" />} title="Couldn't reach Switchboard">
          <p>{error.message}</p>
          <p className="mt-1 text-xs text-slate-400">Retrying automatically.</p>
          <Button className="mt-4" onClick={onRetry}>
            Try again now
          </Button>
        </EmptyState>
      </div>
    </div>
  );
}
