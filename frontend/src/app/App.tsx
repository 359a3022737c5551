import { AlertCircle, Building2 } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { Spinner } from "@/components/ui/Spinner";
import { ConnectionIndicator } from "@/features/live/components/ConnectionIndicator";
import { LiveProvider } from "@/features/live/components/LiveProvider";
import { TenantPicker } from "@/features/tenants/components/TenantPicker";
import { useTenantSelection, type TenantSelection } from "@/features/tenants/hooks/useTenantSelection";
import { DisplayNameField } from "./DisplayNameField";
import { Header } from "./Header";
import { HeaderNav } from "./HeaderNav";
import { Workspace } from "./Workspace";

const noop = () => {};

/**
 * Chooses the tenant, then keeps one live connection to it around the whole screen. The header stays
 * mounted through loading and tenant switches; only the body changes.
 */
export function App() {
  const selection = useTenantSelection();
  const hasList = selection.status === "ready" || selection.status === "unknown";
  const tenant = selection.status === "ready" ? selection.tenant : null;

  return (
    <LiveProvider clientId={tenant?.id ?? null}>
      <div className="flex h-screen flex-col">
        <Header
          picker={
            <TenantPicker
              tenants={hasList ? selection.tenants : []}
              value={tenant?.id ?? null}
              onChange={hasList ? selection.select : noop}
              disabled={!hasList}
            />
          }
          nav={tenant ? <HeaderNav /> : null}
          user={<DisplayNameField />}
          status={<ConnectionIndicator fallbackPhase={selection.status === "error" ? "offline" : "connecting"} />}
        />
        {tenant ? <Workspace key={tenant.id} tenant={tenant} /> : <NoWorkspace selection={selection} />}
      </div>
    </LiveProvider>
  );
}

function NoWorkspace({ selection }: { selection: TenantSelection }) {
  switch (selection.status) {
    case "unknown":
      return (
        <Centered>
          <EmptyState icon={<Building2 className="size-5" />} title="Unknown client">
            There is no client <code className="font-mono text-slate-700">{selection.requestedId}</code>. Pick one from the list above.
          </EmptyState>
        </Centered>
      );
    case "empty":
      return (
        <Centered>
          <EmptyState icon={<Building2 className="size-5" />} title="No clients yet">
            Create one with <code className="font-mono text-slate-700">java -jar switchboard.jar tenant create &lt;id&gt; [name]</code>, then reload.
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
