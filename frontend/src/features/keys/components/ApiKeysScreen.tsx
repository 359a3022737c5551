import { KeySquare, Plus, Trash2 } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { ConfirmDeleteDialog } from "@/components/ui/ConfirmDeleteDialog";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field, inputClass } from "@/components/ui/Field";
import { Skeleton } from "@/components/ui/Skeleton";
import { Spinner } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/toast-context";
import { tableHeadClass } from "@/components/ui/table";
import { parseServerTime, type TimeFormat } from "@/lib/time";
import { useTimeFormat } from "@/lib/time-zone";
import { ActionErrorAlert } from "@/features/control/components/ActionErrorAlert";
import { describeActionError } from "@/features/control/model/action-errors";
import { AdminListStates } from "@/features/admin/components/AdminList";
import { ShownOnceDialog } from "@/features/settings/components/ShownOnceDialog";
import { useApiKeys, useCreateKey, useRevokeKey, type ApiKeyView, type KeyScope } from "../api/keys";

function when(value: string | null, time: TimeFormat): string {
  const t = parseServerTime(value);
  return t === null ? "—" : time.short(t);
}

/**
 * API keys (?view=keys): programs' access to this client. A key is shown in full once, when it is created;
 * the list has only its prefix. Tenant admins only.
 */
export function ApiKeysScreen({ clientId, tenantName }: { clientId: string; tenantName: string }) {
  const keys = useApiKeys(clientId);
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);
  const time = useTimeFormat();
  return (
    <div data-testid="keys-screen" className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:px-6">
      <div>
        <h2 className="text-lg font-semibold tracking-tight text-slate-900">API keys</h2>
        <p className="text-sm text-slate-500">
          {tenantName} · for programs that read this client's calls (read) or also act on live calls (control). Send a key as <code className="font-mono text-xs">Authorization: Bearer &lt;key&gt;</code>.
        </p>
      </div>
      <CreateKeyForm clientId={clientId} />
      <section aria-label="Keys" className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
        <AdminListStates
          query={keys}
          loading={
            <div className="space-y-2 p-4" aria-busy="true" aria-label="Loading the keys">
              {[0, 1, 2].map((i) => <Skeleton key={i} className="h-6 w-full" />)}
            </div>
          }
          errorTitle="Couldn't load the API keys"
          describeError={describeActionError}
          empty={
            <EmptyState icon={<KeySquare className="size-5" />} title="No API keys yet" data-testid="keys-empty">
              Create one above for a script, a report or another system. Each key is shown once; store it in your secret manager.
            </EmptyState>
          }
        >
          {(items) => (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className={tableHeadClass}>
                <tr>
                  <th className="px-4 py-2">Name</th>
                  <th className="px-4 py-2">Scope</th>
                  <th className="px-4 py-2">Key</th>
                  <th className="px-4 py-2">Created</th>
                  <th className="px-4 py-2">Last used</th>
                  <th className="px-4 py-2"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {items.map((k) => (
                  <tr key={k.id} data-testid="key-row" data-revoked={k.revokedAt ? "true" : "false"} className={k.revokedAt ? "text-slate-400" : undefined}>
                    <td className="px-4 py-2 font-medium text-slate-900">{k.name}</td>
                    <td className="px-4 py-2"><Badge tone={k.scope === "control" ? "amber" : "sky"}>{k.scope}</Badge></td>
                    <td className="px-4 py-2 font-mono text-xs">{k.prefix}…</td>
                    <td className="px-4 py-2 text-xs whitespace-nowrap text-slate-600">{when(k.createdAt, time)}{k.createdBy && <span className="block text-slate-400">by {k.createdBy}</span>}</td>
                    <td className="px-4 py-2 text-xs whitespace-nowrap text-slate-600">{k.lastUsedAt ? when(k.lastUsedAt, time) : "Never"}</td>
                    <td className="px-4 py-2 text-right">
                      {k.revokedAt ? (
                        <Badge tone="red">Revoked {when(k.revokedAt, time)}</Badge>
                      ) : (
                        <Button size="sm" variant="danger-outline" onClick={() => setRevoking(k)} data-testid="key-revoke">
                          <Trash2 aria-hidden className="size-3.5" /> Revoke
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          )}
        </AdminListStates>
      </section>
      {revoking && <RevokeDialog clientId={clientId} apiKey={revoking} onClose={() => setRevoking(null)} />}
    </div>
  );
}

function CreateKeyForm({ clientId }: { clientId: string }) {
  const create = useCreateKey(clientId);
  const [name, setName] = useState("");
  const [scope, setScope] = useState<KeyScope>("read");
  const [created, setCreated] = useState<string | null>(null);
  const ids = { name: useId(), scope: useId() };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim() || create.isPending) return;
    create.mutate({ name: name.trim(), scope }, {
      onSuccess: (c) => {
        setCreated(c.secret);
        setName("");
      },
    });
  };
  return (
    <form onSubmit={submit} className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs" data-testid="key-form">
      <h3 className="mb-3 text-sm font-semibold text-slate-900">Create a key</h3>
      <div className="grid items-end gap-4 sm:grid-cols-[minmax(0,1fr)_12rem_auto]">
        <Field label="Name" htmlFor={ids.name}>
          <input id={ids.name} className={inputClass} maxLength={80} value={name} onChange={(e) => setName(e.target.value)} placeholder="Nightly report" data-testid="key-name" />
        </Field>
        <Field label="Scope" htmlFor={ids.scope}>
          <select id={ids.scope} className={inputClass} value={scope} onChange={(e) => setScope(e.target.value as KeyScope)} data-testid="key-scope">
            <option value="read">Read calls</option>
            <option value="control">Read and control calls</option>
          </select>
        </Field>
        <Button type="submit" variant="primary" disabled={!name.trim() || create.isPending} data-testid="key-create">
          {create.isPending ? <Spinner className="size-3.5 border-[1.5px]" label="Creating" /> : <Plus aria-hidden className="size-4" />}
          Create key
        </Button>
      </div>
      {create.error && <ActionErrorAlert error={{ ...describeActionError(create.error), title: "Couldn't create the key" }} />}
      {created && (
        <ShownOnceDialog title="Your new API key" secret={created} onDone={() => { setCreated(null); create.reset(); }} data-testid="key-dialog">
          <p className="text-sm text-slate-600">Send it as <code className="font-mono text-xs">Authorization: Bearer &lt;key&gt;</code>. Revoke it here when it is no longer needed.</p>
        </ShownOnceDialog>
      )}
    </form>
  );
}

function RevokeDialog({ clientId, apiKey, onClose }: { clientId: string; apiKey: ApiKeyView; onClose: () => void }) {
  const revoke = useRevokeKey(clientId);
  const notify = useToast();
  return (
    <ConfirmDeleteDialog
      title={`Revoke ${apiKey.name}?`}
      description="Programs using this key are refused from the next request. This cannot be undone; create a new key if needed."
      confirmLabel="Revoke key"
      pendingLabel="Revoking"
      pending={revoke.isPending}
      onConfirm={() => revoke.mutate(apiKey.id, { onSuccess: () => { notify({ tone: "success", title: "Key revoked", message: `${apiKey.name} no longer opens anything.` }); onClose(); } })}
      onClose={onClose}
      error={revoke.error && <ActionErrorAlert error={describeActionError(revoke.error)} />}
    />
  );
}
