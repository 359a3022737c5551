import { AlertCircle, Building2 } from "lucide-react";
import { useMemo, type ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { Spinner } from "@/components/ui/Spinner";
import type { Session } from "@/features/auth/api/auth";
import { BootError, BootScreen } from "@/features/auth/components/BootScreen";
import { LoginPage } from "@/features/auth/components/LoginPage";
import { UserMenu } from "@/features/auth/components/UserMenu";
import { TenantRoleContext, useAuth } from "@/features/auth/hooks/auth-context";
import { ConnectionIndicator } from "@/features/live/components/ConnectionIndicator";
import { LiveProvider } from "@/features/live/components/LiveProvider";
import { TenantPicker } from "@/features/tenants/components/TenantPicker";
import { useTenantSelection, type TenantSelection } from "@/features/tenants/hooks/useTenantSelection";
import { roleIn } from "@/lib/permissions";
import { Header } from "./Header";
import { HeaderNav } from "./HeaderNav";
import { Workspace } from "./Workspace";

const noop = () => {};

/**
 * Who is signed in decides the screen: a spinner while the server is asked, the sign-in screen, or the
 * console. The URL is left alone throughout, so a session that expires mid-task comes back to the
 * same client, call and view after signing in again.
 */
export function App() {
  const { state, store } = useAuth();
  switch (state.status) {
    case "loading":
      return <BootScreen />;
    case "unreachable":
      return <BootError error={state.error} onRetry={store.boot} />;
    case "signed-out":
      return <LoginPage reason={state.reason} />;
    case "signed-in":
      return <Console session={state.session} />;
  }
}

/**
 * Chooses the tenant, then keeps one live connection to it around the whole screen. The header stays
 * mounted through loading and tenant switches; only the body changes.
 */
function Console({ session }: { session: Session }) {
  const selection = useTenantSelection();
  const hasList = selection.status === "ready" || selection.status === "unknown";
  const tenant = selection.status === "ready" ? selection.tenant : null;
  const role = tenant ? roleIn(session, tenant.id, tenant.role) : null;
  const listedRole = useMemo(() => (tenant ? { tenantId: tenant.id, role: tenant.role ?? null } : null), [tenant]);

  return (
    <LiveProvider clientId={tenant?.id ?? null}>
      <TenantRoleContext.Provider value={listedRole}>
        <div className="flex h-screen flex-col">
          <Header
            picker={
              <TenantPicker
                tenants={hasList ? selection.tenants : []}
                value={tenant?.id ?? null}
                onChange={hasList ? selection.select : noop}
                disabled={!hasList}
                emptyLabel={selection.status === "empty" ? "No clients" : undefined}
              />
            }
            nav={tenant ? <HeaderNav tenant={tenant} /> : null}
            user={<UserMenu role={role} />}
            status={<ConnectionIndicator fallbackPhase={selection.status === "error" ? "offline" : "connecting"} />}
          />
          {tenant ? <Workspace key={tenant.id} tenant={tenant} /> : <NoWorkspace selection={selection} agencyAdmin={session.user.agencyAdmin} />}
        </div>
      </TenantRoleContext.Provider>
    </LiveProvider>
  );
}

function NoWorkspace({ selection, agencyAdmin }: { selection: TenantSelection; agencyAdmin: boolean }) {
  switch (selection.status) {
    case "unknown":
      return (
        <Centered>
          <EmptyState icon={<Building2 className="size-5" />} title="Unknown client">
            There is no client <code className="font-mono text-slate-700">{selection.requestedId}</code> that you can see. Pick one from the list above, or ask an
            agency admin for access.
          </EmptyState>
        </Centered>
      );
    case "empty":
      return (
        <Centered>
          <EmptyState icon={<Building2 className="size-5" />} title="No clients yet" data-testid="no-tenants">
            {agencyAdmin ? (
              <>
                Create one with <code className="font-mono text-slate-700">java -jar switchboard.jar tenant create &lt;id&gt; [name]</code>, then reload.
              </>
            ) : (
              "You have no clients yet — ask an agency admin to add you."
            )}
            <div>
              <Button className="mt-4" onClick={selection.retry}>
                Check again
              </Button>
            </div>
          </EmptyState>
        </Centered>
      );
    case "error":
      return (
        <Centered>
          <EmptyState icon={<AlertCircle className="size-5" />} title="Couldn't load clients">
            <p>{selection.error.message}</p>
            <p className="mt-1 text-xs text-slate-400">Retrying automatically.</p>
            <Button className="mt-4" onClick={selection.retry}>
              Try again now
            </Button>
          </EmptyState>
        </Centered>
      );
    default:
      return (
        <Centered>
          <Spinner className="text-blue-600" label="Loading" />
        </Centered>
      );
  }
}

function Centered({ children }: { children: ReactNode }) {
  return <div className="flex flex-1 items-center justify-center pb-24">{children}</div>;
}
