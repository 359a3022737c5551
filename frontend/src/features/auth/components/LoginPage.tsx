import { AlertCircle, Info, LogIn } from "lucide-react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/Field";
import { Spinner } from "@/components/ui/Spinner";
import { Wordmark } from "@/components/ui/Wordmark";
import { ApiError } from "@/lib/api-client";
import { useNow } from "@/lib/use-now";
import type { SignedOutReason } from "../auth-store";
import { useAuth } from "../hooks/auth-context";
import { DemoUsers } from "./DemoUsers";

interface LoginError {
  message: string;
  /** Throttled: no new attempt before this time (epoch ms). */
  retryAt: number | null;
}

/** "45 seconds", "1 min 30 s", "5 min". */
function formatWait(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return `${s} ${s === 1 ? "second" : "seconds"}`;
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

function describeLoginError(error: unknown): LoginError {
  if (error instanceof ApiError) {
    if (error.status === 429 && error.retryAfterSeconds !== null) return { message: "Too many failed sign-ins.", retryAt: Date.now() + error.retryAfterSeconds * 1000 };
    if (error.status >= 500) return { message: "Switchboard could not sign you in right now. Try again in a moment.", retryAt: null };
    return { message: error.message, retryAt: null };
  }
  return { message: "Something went wrong. Try again.", retryAt: null };
}

const NOTICES: Record<Exclude<SignedOutReason, "none">, string> = {
  expired: "Your session has ended. Sign in again to pick up where you left off.",
  "signed-out": "You have signed out.",
};

/**
 * The sign-in screen: a centred card under the wordmark, the server's error in a slot that is always
 * there (so nothing moves when it appears), and in demo mode the demo accounts below.
 */
export function LoginPage({ reason }: { reason: SignedOutReason }) {
  const { store } = useAuth();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [pending, setPending] = useState(false);
  const [lastError, setError] = useState<LoginError | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const ids = { email: useId(), password: useId(), error: useId() };

  const now = useNow(lastError?.retryAt != null);
  const waitSeconds = lastError?.retryAt != null ? Math.ceil((lastError.retryAt - now) / 1000) : 0;
  const waiting = waitSeconds > 0;
  // Once the wait is over, a throttling message has nothing left to say.
  const error = lastError && (lastError.retryAt === null || waiting) ? lastError : null;

  useEffect(() => {
    document.title = "Sign in · Switchboard";
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending || waiting) return;
    if (!email.trim()) {
      setError({ message: "Enter your email address.", retryAt: null });
      emailRef.current?.focus();
      return;
    }
    if (!password) {
      setError({ message: "Enter your password.", retryAt: null });
      passwordRef.current?.focus();
      return;
    }
    setPending(true);
    setError(null);
    try {
      await store.signIn(email.trim(), password);
      // Signed in: this screen is replaced by the app.
    } catch (cause) {
      setPending(false);
      setError(describeLoginError(cause));
      if (cause instanceof ApiError && cause.code === "invalid_credentials") {
        setPassword("");
        passwordRef.current?.focus();
      }
    }
  };

  const fill = (user: { email: string; password: string }) => {
    setEmail(user.email);
    setPassword(user.password);
    if (!waiting) setError(null);
    submitRef.current?.focus();
  };

  const notice = reason !== "none" && !error ? NOTICES[reason] : null;

  return (
    <div className="flex min-h-screen flex-col items-center bg-slate-50 px-4 pt-[12vh] pb-12">
      <Wordmark className="mb-8" />
      <main className="flex w-full max-w-lg flex-col items-center">
        <form
          data-testid="login-form"
          aria-labelledby="login-title"
          noValidate
          onSubmit={(e) => void submit(e)}
          className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8"
        >
          <h2 id="login-title" className="text-lg font-semibold tracking-tight text-slate-900">
            Sign in
          </h2>
          <p className="mt-1 text-sm text-slate-500">to see and manage your clients' live calls.</p>

          <div className="mt-6 space-y-4">
            <div className="space-y-1.5">
              <label htmlFor={ids.email} className="block text-sm font-medium text-slate-700">
                Email
              </label>
              <input
                ref={emailRef}
                id={ids.email}
                data-testid="login-email"
                type="email"
                name="email"
                autoComplete="username"
                inputMode="email"
                spellCheck={false}
                autoCapitalize="none"
                autoFocus
                required
                className={inputClass}
                value={email}
                aria-describedby={error ? ids.error : undefined}
                onChange={(e) => setEmail(e.target.value)}
              />
            </div>
            <div className="space-y-1.5">
              <label htmlFor={ids.password} className="block text-sm font-medium text-slate-700">
                Password
              </label>
              <input
                ref={passwordRef}
                id={ids.password}
                data-testid="login-password"
                type="password"
                name="password"
                autoComplete="current-password"
                required
                className={inputClass}
                value={password}
                aria-describedby={error ? ids.error : undefined}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
          </div>

          {/* Always present and tall enough for two lines, so a message never moves the button. */}
          <div className="mt-3 min-h-10">
            {error ? (
              <p id={ids.error} role="alert" data-testid="login-error" className="flex gap-2 text-sm text-red-700">
                <AlertCircle aria-hidden className="mt-0.5 size-4 shrink-0 text-red-600" />
                <span>
                  {error.message}
                  {waiting && <> Try again in <span className="font-medium tabular-nums">{formatWait(waitSeconds)}</span>.</>}
                </span>
              </p>
            ) : notice ? (
              <p data-testid="login-notice" className="flex gap-2 text-sm text-slate-600">
                <Info aria-hidden className="mt-0.5 size-4 shrink-0 text-blue-600" />
                <span>{notice}</span>
              </p>
            ) : null}
          </div>

          <Button ref={submitRef} type="submit" variant="primary" data-testid="login-submit" className="mt-1 w-full" disabled={waiting} aria-disabled={pending || undefined}>
            {pending ? <Spinner className="size-4 border-2" label="Signing in" /> : <LogIn aria-hidden className="size-4" />}
            {pending ? "Signing in…" : "Sign in"}
          </Button>
        </form>
        <DemoUsers onPick={fill} />
      </main>
    </div>
  );
}
