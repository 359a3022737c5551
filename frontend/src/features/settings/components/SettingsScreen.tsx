import { KeyRound } from "lucide-react";
import { Button } from "@/components/ui/Button";
import { Skeleton } from "@/components/ui/Skeleton";
import { ActionErrorAlert } from "@/features/control/components/ActionErrorAlert";
import { describeActionError } from "@/features/control/model/action-errors";
import { useSettings } from "../api/settings";
import { CredentialRow } from "./CredentialRow";
import { DeliveryLog } from "./DeliveryLog";
import { GeneralSettings } from "./GeneralSettings";
import { WebhookSetupPanel } from "./WebhookSetupPanel";

/**
 * Settings (?view=settings, the admin area's first screen): time zone and listen audio, provider credentials
 * (never shown, only whether they are set and their last four), webhook setup with a test event, and the
 * delivery log. Tenant admins only; the server refuses everyone else anyway.
 */
export function SettingsScreen({ clientId, tenantName }: { clientId: string; tenantName: string }) {
  const settings = useSettings(clientId);
  return (
    <div data-testid="settings-screen" className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:px-6">
      <div>
        <h2 className="text-lg font-semibold tracking-tight text-slate-900">Settings</h2>
        <p className="text-sm text-slate-500">{tenantName} · how Switchboard connects to this client's voice agents.</p>
      </div>
      {settings.isPending ? (
        <div className="space-y-4" aria-busy="true" aria-label="Loading the settings">
          {[0, 1, 2].map((i) => <Skeleton key={i} className="h-32 w-full rounded-xl" />)}
        </div>
      ) : settings.isError ? (
        <div>
          <ActionErrorAlert error={{ ...describeActionError(settings.error), title: "Couldn't load the settings" }} />
          <Button className="mt-3" onClick={() => void settings.refetch()}>Try again</Button>
        </div>
      ) : (
        <>
          <GeneralSettings key={settings.data.timeZone} clientId={clientId} settings={settings.data} />
          <section aria-labelledby="credentials-title" className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
            <div className="border-b border-slate-100 px-4 py-3">
              <h3 id="credentials-title" className="flex items-center gap-2 text-sm font-semibold text-slate-900">
                <KeyRound aria-hidden className="size-4 text-slate-400" /> Provider credentials
              </h3>
              <p className="text-sm text-slate-500">Stored encrypted. Switchboard never shows them again, only whether each is set and its last four characters.</p>
            </div>
            <ul className="divide-y divide-slate-100">
              <CredentialRow clientId={clientId} field="vapiPrivateKey" label="Vapi private key" hint="For Vapi's API: syncing and backfilling calls." status={settings.data.vapiPrivateKey} />
              <CredentialRow clientId={clientId} field="vapiPublicKey" label="Vapi public key" hint="For listening to live calls in the browser." status={settings.data.vapiPublicKey} />
              <CredentialRow clientId={clientId} field="retellApiKey" label="Retell API key" hint="Retell signs its webhooks with it (the key with the webhook badge)." status={settings.data.retellApiKey} />
            </ul>
          </section>
          <WebhookSetupPanel clientId={clientId} settings={settings.data} />
          <DeliveryLog clientId={clientId} />
        </>
      )}
    </div>
  );
}
