import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { Field, inputClass } from "@/components/ui/Field";
import { Spinner } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/toast-context";
import { ActionErrorAlert } from "@/features/control/components/ActionErrorAlert";
import { describeActionError } from "@/features/control/model/action-errors";
import { useUpdateSettings, type SettingsPatch, type WebhookAuthView, type WebhookScheme } from "../api/settings";

const SCHEMES: Array<{ value: WebhookScheme; label: string; hint: string }> = [
  { value: "none", label: "None", hint: "Anyone who knows the URL can post webhooks. Only for trying things out." },
  { value: "secret", label: "Secret header", hint: "Vapi sends the secret in X-Vapi-Secret. The simplest to set up." },
  { value: "bearer", label: "Bearer token", hint: "Vapi sends the secret as a token in a header you choose (Authorization by default)." },
  { value: "hmac", label: "HMAC signature", hint: "Vapi signs each delivery with the secret; the secret itself never travels." },
];

/** The scheme and the fields it needs. The secret itself is generated or replaced elsewhere (never shown here). */
export function WebhookAuthForm({ clientId, auth }: { clientId: string; auth: WebhookAuthView }) {
  const update = useUpdateSettings(clientId);
  const notify = useToast();
  const [scheme, setScheme] = useState<WebhookScheme>(auth.scheme);
  const [header, setHeader] = useState(auth.header ?? "Authorization");
  const [bearerPrefix, setBearerPrefix] = useState(auth.bearerPrefix ?? true);
  const [algorithm, setAlgorithm] = useState(auth.algorithm ?? "sha256");
  const [signatureHeader, setSignatureHeader] = useState(auth.signatureHeader ?? "x-signature");
  const [timestampHeader, setTimestampHeader] = useState(auth.timestampHeader ?? "x-timestamp");
  const [signaturePrefix, setSignaturePrefix] = useState(auth.signaturePrefix ?? "");
  const [replayWindow, setReplayWindow] = useState(String(auth.replayWindowSeconds ?? 300));
  const [secret, setSecret] = useState("");
  const id = useId();
  const needsSecret = scheme !== "none" && !auth.secret.set && !secret.trim();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: NonNullable<SettingsPatch["webhookAuth"]> = { scheme };
    if (secret.trim()) body.secret = secret.trim();
    if (scheme === "bearer") Object.assign(body, { header: header.trim() || null, bearerPrefix });
    if (scheme === "hmac") {
      Object.assign(body, {
        algorithm,
        signatureHeader: signatureHeader.trim() || null,
        timestampHeader: timestampHeader.trim() || null,
        signaturePrefix: signaturePrefix || null,
        replayWindowSeconds: Number(replayWindow),
      });
    }
    update.mutate({ webhookAuth: body }, {
      onSuccess: () => {
        setSecret("");
        notify({ tone: "success", title: "Webhook authentication saved", message: "Set the same in Vapi (steps below), then send a test event." });
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="webhook-auth-form">
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">How Vapi proves a delivery is from Vapi</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {SCHEMES.map((s) => (
            <label key={s.value} className={`flex cursor-pointer gap-2.5 rounded-lg p-2.5 ring-1 ring-inset ${scheme === s.value ? "bg-blue-50/60 ring-blue-300" : "ring-slate-200 hover:bg-slate-50"}`}>
              <input type="radio" name={`${id}-scheme`} value={s.value} checked={scheme === s.value} onChange={() => setScheme(s.value)} className="mt-1 size-4" data-testid={`scheme-${s.value}`} />
              <span>
                <span className="block text-sm font-medium text-slate-900">{s.label}</span>
                <span className="block text-xs text-slate-500">{s.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {scheme === "bearer" && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Header" htmlFor={`${id}-header`} hint="The header Vapi puts the token in.">
            <input id={`${id}-header`} className={inputClass} value={header} onChange={(e) => setHeader(e.target.value)} />
          </Field>
          <label className="flex items-center gap-2 self-center text-sm text-slate-700">
            <input type="checkbox" checked={bearerPrefix} onChange={(e) => setBearerPrefix(e.target.checked)} className="size-4" />
            Token preceded by “Bearer ”
          </label>
        </div>
      )}
      {scheme === "hmac" && (
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Algorithm" htmlFor={`${id}-alg`}>
            <select id={`${id}-alg`} className={inputClass} value={algorithm} onChange={(e) => setAlgorithm(e.target.value as typeof algorithm)}>
              <option value="sha256">SHA-256</option>
              <option value="sha512">SHA-512</option>
              <option value="sha1">SHA-1</option>
            </select>
          </Field>
          <Field label="Signature header" htmlFor={`${id}-sig`}>
            <input id={`${id}-sig`} className={inputClass} value={signatureHeader} onChange={(e) => setSignatureHeader(e.target.value)} />
          </Field>
          <Field label="Timestamp header" htmlFor={`${id}-ts`}>
            <input id={`${id}-ts`} className={inputClass} value={timestampHeader} onChange={(e) => setTimestampHeader(e.target.value)} />
          </Field>
          <Field label="Signature prefix" htmlFor={`${id}-prefix`} optional hint="Text before the hex, e.g. sha256=">
            <input id={`${id}-prefix`} className={inputClass} value={signaturePrefix} onChange={(e) => setSignaturePrefix(e.target.value)} />
          </Field>
          <Field label="Replay window (seconds)" htmlFor={`${id}-window`} hint="How far a delivery's timestamp may be from now.">
            <input id={`${id}-window`} type="number" min={1} max={3600} className={inputClass} value={replayWindow} onChange={(e) => setReplayWindow(e.target.value)} />
          </Field>
        </div>
      )}
      {scheme !== "none" && (
        <Field label="Use my own secret" htmlFor={`${id}-secret`} optional hint={auth.secret.set ? "Leave empty to keep the current secret. Or generate a new one below." : "At least 16 characters, or generate one below."}>
          <input id={`${id}-secret`} type="password" autoComplete="off" className={`${inputClass} max-w-sm font-mono`} value={secret} onChange={(e) => setSecret(e.target.value)} data-testid="webhook-secret-input" />
        </Field>
      )}
      {update.error && <ActionErrorAlert error={{ ...describeActionError(update.error), title: "Couldn't save the webhook authentication" }} />}
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" size="sm" disabled={update.isPending || needsSecret} data-testid="webhook-auth-save">
          {update.isPending && <Spinner className="size-3 border-[1.5px]" label="Saving" />}
          Save authentication
        </Button>
        {needsSecret && <span className="text-xs text-slate-500">This needs a secret: generate one below, or enter your own.</span>}
      </div>
    </form>
  );
}
