import { CheckCircle2, Send, Sparkles, Webhook, XCircle } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { Spinner } from "@/components/ui/Spinner";
import { ActionErrorAlert } from "@/features/control/components/ActionErrorAlert";
import { describeActionError } from "@/features/control/model/action-errors";
import { useGenerateSecret, useSendTest, type SettingsView, type TestDeliveryResult } from "../api/settings";
import { CopyField } from "./CopyButton";
import { SecretBadge } from "./CredentialRow";
import { ShownOnceDialog } from "./ShownOnceDialog";
import { WebhookAuthForm } from "./WebhookAuthForm";

/** What to fix for a rejected test, by error code. */
const FIXES: Record<string, string> = {
  webhook_auth_missing: "The delivery carried no credential. Check the scheme's header settings above and save them again.",
  webhook_auth_invalid: "The credential did not match. Save the authentication again or generate a new secret.",
  webhook_signature_stale: "The signature's timestamp was outside the replay window. Check the server's clock or widen the window.",
  header_not_sendable: "Choose a different header name in the authentication settings.",
  timeout: "The server is busy. Try again in a moment.",
  unreachable: "The server could not reach itself. Check SWITCHBOARD_HOST and the port.",
};

/** Everything to connect Vapi: the URL, the authentication, a generated secret, the steps, and a test delivery. */
export function WebhookSetupPanel({ clientId, settings }: { clientId: string; settings: SettingsView }) {
  const setup = settings.webhookSetup;
  const auth = settings.webhookAuth;
  const generate = useGenerateSecret(clientId);
  const test = useSendTest(clientId);
  const [shown, setShown] = useState<string | null>(null);

  return (
    <section aria-labelledby="webhook-setup-title" className="space-y-5 rounded-xl border border-slate-200 bg-white p-4 shadow-xs" data-testid="webhook-setup">
      <div>
        <h3 id="webhook-setup-title" className="flex items-center gap-2 text-sm font-semibold text-slate-900">
          <Webhook aria-hidden className="size-4 text-slate-400" /> Webhook setup
        </h3>
        <p className="text-sm text-slate-500">Where Vapi sends this client's call events, and how Switchboard knows they are from Vapi.</p>
      </div>

      <div className="space-y-1.5">
        <p className="text-sm font-medium text-slate-700">Vapi server URL</p>
        <CopyField value={setup.vapiUrl} data-testid="vapi-url" />
        {setup.baseUrlFrom === "request" && (
          <p className="text-xs text-slate-500">
            Built from the address of this page. If Vapi reaches Switchboard at another address (a proxy, a public domain), the operator sets SWITCHBOARD_PUBLIC_URL.
          </p>
        )}
        <p className="text-xs text-slate-500" data-testid="retell-note">Retell: {setup.retellUrl ?? setup.retellNote}</p>
      </div>

      <WebhookAuthForm key={JSON.stringify(auth)} clientId={clientId} auth={auth} />

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
        <span className="text-sm text-slate-700">Secret</span>
        <SecretBadge status={auth.secret} data-testid="webhook-secret-status" />
        <Button size="sm" onClick={() => generate.mutate(undefined, { onSuccess: (g) => setShown(g.secret) })} disabled={generate.isPending} data-testid="generate-secret">
          {generate.isPending ? <Spinner className="size-3 border-[1.5px]" label="Generating" /> : <Sparkles aria-hidden className="size-3.5" />}
          {auth.secret.set ? "Generate a new secret" : "Generate secret"}
        </Button>
        {auth.secret.set && <span className="text-xs text-slate-500">A new secret replaces the current one at once: Vapi's deliveries fail until you paste it there.</span>}
      </div>
      {generate.error && <ActionErrorAlert error={{ ...describeActionError(generate.error), title: "Couldn't generate a secret" }} />}

      <div className="rounded-lg bg-slate-50 p-3 text-sm text-slate-700" data-testid="vapi-steps">
        <p className="mb-1.5 font-medium text-slate-900">Paste this into Vapi</p>
        <ol className="list-decimal space-y-1 pl-5">
          {setup.vapiSteps.map((s) => <li key={s}>{s}</li>)}
        </ol>
        {setup.vapiHeaders.length > 0 && (
          <p className="mt-2 text-xs text-slate-500">
            Each delivery then carries: {setup.vapiHeaders.map((h) => <code key={h} className="mr-2 rounded bg-white px-1 py-0.5 font-mono ring-1 ring-slate-200">{h}</code>)}
          </p>
        )}
      </div>

      <div className="flex flex-wrap items-start gap-3 border-t border-slate-100 pt-4">
        <Button variant="primary" size="sm" onClick={() => test.mutate()} disabled={test.isPending} data-testid="send-test">
          {test.isPending ? <Spinner className="size-3 border-[1.5px]" label="Sending" /> : <Send aria-hidden className="size-3.5" />}
          Send test event
        </Button>
        <p className="max-w-md text-xs text-slate-500">Sends a signed delivery to this client's webhook URL, exactly as Vapi would. It creates no call and appears in the delivery log.</p>
      </div>
      {test.data && <TestResult result={test.data} />}
      {test.error && <ActionErrorAlert error={{ ...describeActionError(test.error), title: "Couldn't send the test event" }} />}

      {shown && (
        <ShownOnceDialog title="Your new webhook secret" secret={shown} onDone={() => { setShown(null); generate.reset(); }} data-testid="secret-dialog">
          <p className="text-sm text-slate-600">Paste it into the Vapi credential described under “Paste this into Vapi”. Until then, Vapi's deliveries are rejected.</p>
        </ShownOnceDialog>
      )}
    </section>
  );
}

function TestResult({ result }: { result: TestDeliveryResult }) {
  if (result.accepted) {
    return (
      <p role="status" data-testid="test-result" data-accepted="true" className="flex items-center gap-2 rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        <CheckCircle2 aria-hidden className="size-4 text-emerald-600" />
        Accepted ✓ in {result.latencyMs} ms: the webhook URL and the {result.scheme === "none" ? "(absent) authentication" : `${result.scheme} authentication`} work.
      </p>
    );
  }
  return (
    <div role="alert" data-testid="test-result" data-accepted="false" className="flex gap-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
      <XCircle aria-hidden className="mt-0.5 size-4 shrink-0 text-red-600" />
      <div>
        <p className="font-medium">Rejected{result.status ? ` (HTTP ${result.status})` : ""}: {result.reason}</p>
        {result.code && FIXES[result.code] && <p className="mt-0.5 text-red-800">{FIXES[result.code]}</p>}
      </div>
    </div>
  );
}
