import { LogOut, UserRound } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Spinner } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/toast-context";
import { roleLabel, type Role } from "@/lib/permissions";
import { useAuth, useSession } from "../hooks/auth-context";

/** The header's right side: who is signed in (and their role in the client on screen), and Sign out. */
export function UserMenu({ role }: { role: Role | null }) {
  const session = useSession();
  const { store } = useAuth();
  const notify = useToast();
  const [pending, setPending] = useState(false);
  if (!session) return null;
  const { email, agencyAdmin } = session.user;

  const signOut = async () => {
    setPending(true);
    try {
      await store.signOut();
      // The next person to sign in starts from the default view, not this one's call or client.
      window.history.replaceState(null, "", window.location.pathname);
    } catch (error) {
      setPending(false);
      notify({
        tone: "error",
        title: "Couldn't sign out",
        message: `${error instanceof Error ? error.message : "Something went wrong."} You are still signed in; try again.`,
      });
    }
  };

  return (
    <div className="flex items-center gap-1.5">
      <div data-testid="user-menu" className="flex min-w-0 items-center gap-2 text-sm text-slate-700" title={`Signed in as ${email}`}>
        <UserRound aria-hidden className="size-4 shrink-0 text-slate-400" />
        <span className="sr-only">Signed in as </span>
        <span className="hidden max-w-40 truncate lg:inline xl:max-w-56" data-testid="user-email">
          {email}
        </span>
        {(role || agencyAdmin) && (
          <span className="hidden xl:contents">
            <Badge tone={agencyAdmin ? "violet" : "slate"} data-testid="user-role">
              {roleLabel(role ?? "admin", agencyAdmin)}
            </Badge>
          </span>
        )}
      </div>
      <Button variant="ghost" size="sm" data-testid="sign-out" onClick={() => void signOut()} disabled={pending} className="h-8 px-2" title="Sign out" aria-label="Sign out">
        {pending ? <Spinner className="size-3.5 border-[1.5px]" label="Signing out" /> : <LogOut aria-hidden className="size-3.5" />}
        <span className="hidden xl:inline">Sign out</span>
      </Button>
    </div>
  );
}
